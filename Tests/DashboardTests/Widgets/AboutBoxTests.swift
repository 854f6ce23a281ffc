import Dashboard
import FuturesModel
import Testing

/// The about box: the selected parameter's source.
@Suite("About box")
struct AboutBoxTests {
    @Test("at 200×60 the selected parameter's source line shows in full, under the charts")
    func sourceInFull() {
        var state = Fixture.state(width: 200, height: 60)
        state.view.selection = ParameterID.all.firstIndex(of: .assumption(.controlLeakage))!
        let screen = Fixture.frame(state)
        let box = state.layout.about
        let about = (box.y..<box.maxY).map {
            String(screen.line($0).dropFirst(box.x).prefix(box.width)).trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(about.contains("legal offshore training in Singapore and Malaysia (FT, Nov 2025)."), "\(about)")
        #expect(!about.contains("…"), "nothing shortened: \(about)")
        let text = screen.text
        assertSnapshot(text, named: "source-200x60")
    }
}
