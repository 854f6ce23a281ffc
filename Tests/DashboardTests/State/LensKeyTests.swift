import Dashboard
import FuturesModel
import Testing

/// The lens keys (`v`, `V`) in the dashboard.
@Suite("Lenses in the dashboard")
struct LensKeyTests {
    @Test("v cycles the lenses in order, each one undo step; the assumptions' title names the lens or custom")
    func cycle() {
        var state = State(width: 120, height: 36)
        #expect(state.document.activeLens?.id == "essay")
        #expect(Fixture.frame(state).text.contains("ASSUMPTIONS · lens: The essay's view"))
        for lens in Lens.builtIn.dropFirst() {
            reduce(&state, .keyPressed(.char("v")))
            #expect(state.document.activeLens?.id == lens.id && state.scenario.assumptions == lens.assumptions)
            // Against the essay's view, across worlds (the numbers follow when they are in).
            #expect(
                state.view.explanation == "Lens \(lens.name) vs the essay's view: … (across worlds)",
                "\(state.view.explanation)")
        }
        #expect(state.document.undoStack.count == Lens.builtIn.count - 1)
        reduce(&state, .keyPressed(.char("v")))
        #expect(state.document.activeLens?.id == "essay", "wraps to the first")
        reduce(&state, .keyPressed(.char("V")))
        #expect(state.document.activeLens?.id == "optimist", "V goes back")
        reduce(&state, .keyPressed(.char("u")))
        #expect(state.document.activeLens?.id == "essay", "one undo step")
        // A slider leaves the lens: custom; v then starts from the first lens.
        state.view.selection = SliderGeometry.policyCount + 3
        reduce(&state, .keyPressed(.right))
        #expect(state.document.activeLens == nil && Fixture.frame(state).text.contains("ASSUMPTIONS · lens: custom"))
        reduce(&state, .keyPressed(.char("v")))
        #expect(state.document.activeLens?.id == "essay")
    }

    @Test("the backfire lens explains itself as the issue says, and its argument shows under the charts")
    func backfire() {
        var state = State(width: 120, height: 36)
        // As set: the central run's change against the essay's view, and it says "as set".
        reduce(&state, .keyPressed(.char("w")))
        reduce(&state, .keyPressed(.char("v")))
        #expect(
            state.view.explanation
                == "Lens Controls backfire vs the essay's view, as set: China chips 1.30→1.80, +1 more: lead −0.7 mo")
        let argument = "Lens Controls backfire: " + Lens.backfire.argument.prefix(20)
        let text = Fixture.frame(state).text
        #expect(text.contains(argument) && text.contains("Source: "), "\(text)")
        reduce(&state, .keyPressed(.down))
        #expect(!Fixture.frame(state).text.contains(argument), "the next key gives the slider back")
    }

    @Test("the all-critics lens, then across worlds: no lever moves P(Future 2) by more than 2 points")
    func allCritics() {
        var state = State(width: 120, height: 36)
        while state.document.activeLens?.id != "all-critics" { reduce(&state, .keyPressed(.char("v"))) }
        for _ in 0..<2 { reduce(&state, .keyPressed(.char("a"))) }
        state = Fixture.withWorldsResults(Fixture.withWorlds(state, members: 2000))
        let rows = state.results.robustness!.rows
        #expect(rows.allSatisfy { abs($0.pFuture2.delta) <= 0.02 }, "\(rows.map(\.pFuture2.delta))")
        assertSnapshot(Fixture.frame(state).text, named: "across-worlds-all-critics-120x36")
    }
}
