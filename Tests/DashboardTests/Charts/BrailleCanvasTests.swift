import Dashboard
import FuturesModel
import Testing

/// The braille canvas the line charts draw on.
@Suite("Braille canvas")
struct BrailleCanvasTests {
    @Test("braille dots combine in one cell and the higher priority sets its role")
    func braille() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(x: 0, y: 0, role: .future1, priority: 3)
        canvas.set(x: 1, y: 3, role: .policy, priority: 4)
        canvas.set(x: 0, y: 3, role: .future2, priority: 2)
        let cell = canvas.cell(0, 0)
        #expect(cell?.character == "⣁")
        #expect(cell?.role == .policy)
    }
}
