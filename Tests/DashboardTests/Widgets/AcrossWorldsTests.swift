import Dashboard
import FuturesModel
import Testing

/// The levers-across-worlds panel (`a` twice).
@Suite("Across-worlds panel")
struct AcrossWorldsTests {
    @Test("the across-worlds panel: per lever ΔP(F1) and ΔP(F2) in their futures' colours, the median gain")
    func acrossWorldsPanel() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 120, height: 36)
        state.view.moves = .acrossWorlds
        state = Fixture.withWorldsResults(Fixture.withWorlds(state, members: 2000))
        let result = try #require(state.results.robustness)
        let screen = Fixture.frame(state)
        let text = screen.text
        #expect(text.contains("ΔP(F1)") && text.contains("ΔP(F2)") && text.contains("median"))
        // Export controls first, +51 points of P(Future 1) (MODEL.md's reference finding).
        let first = try #require(result.rows.first)
        #expect(first.parameter == .lever(.exportControls))
        let row = try #require(
            (0..<36).map(screen.line).first { $0.contains("│Export controls") && $0.contains("+51") })
        #expect(row.contains("+7.5"), "\(row)")
        #expect(screen.cells.contains { $0.role == .future1 && $0.character == "█" })
        #expect(screen.cells.contains { $0.role == .future2 && "▏▎▍▌▋▊▉█".contains($0.character) })
        assertSnapshot(text, named: "across-worlds-future1-120x36")
        // At 80×24 the panel keeps the two probability columns.
        var small = state
        small.view.width = 80
        small.view.height = 24
        let compact = Fixture.frame(small).text
        #expect(compact.contains("ΔP(F1)") && compact.contains("+51"), "\(compact)")
        assertSnapshot(compact, named: "across-worlds-future1-80x24")
    }
}
