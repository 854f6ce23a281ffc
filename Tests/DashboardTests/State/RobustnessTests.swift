import Dashboard
import FuturesModel
import TestSupport
import Testing

/// A long random session: the state stays valid and every frame has its size.
@Suite("Robustness")
struct RobustnessTests {
    static let keys: [Key] = [
        .up, .down, .left, .right, .shiftLeft, .shiftRight, .home, .end, .tab, .char("1"), .char("2"),
        .char("3"), .char("u"), .ctrl("r"), .char("r"), .char("p"), .char("P"), .char("c"), .char("a"),
        .char("?"), .escape, .char("k"), .char("j"), .char("h"), .char("l"), .char("H"), .char("L"),
    ]

    @Test("2,000 random key presses keep every value in range and the stacks bounded")
    func randomSession() {
        var rng = SeededGenerator(seed: 42)
        var s = State(width: 120, height: 36)
        var quits = 0
        for i in 0..<2000 {
            quits += reduce(&s, .keyPressed(Self.keys[rng.modulo(Self.keys.count)])).filter { $0 == .quit }.count
            for id in ParameterID.all { #expect(id.spec.contains(s.scenario[id]), "\(id.spec.id) after \(i)") }
            #expect(ParameterID.all.indices.contains(s.view.selection))
            #expect(s.document.undoStack.count <= Document.undoLimit && s.view.pins.count <= ViewState.pinLimit)
            if i % 250 == 0 {
                let frame = render(s, Analysis(s.scenario))
                #expect(frame.width == 120 && frame.height == 36)
                #expect(WidgetBounds.strays(s, Analysis(s.scenario)) == [], "after \(i)")
            }
        }
        #expect(quits == 0)
    }
}
