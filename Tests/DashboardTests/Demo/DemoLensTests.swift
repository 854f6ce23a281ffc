import Dashboard
import Formats
import FuturesModel
import Testing

/// The demo's `lens` command: parsed, resolved against the lenses found, played.
@Suite("Demo lens command")
struct DemoLensTests {
    @Test("a demo's lens command sets all ten assumptions as one undoable step, explained")
    func demoLens() throws {
        let script = try DemoParser.parse("caption \"x\"\nset controls_backfire 0.5\nlens backfire\n", file: "d.demo")
        #expect(script.lines.last?.command == .lens("backfire"))
        let steps = DemoPlayer.steps(script, from: State(width: 120, height: 36))
        var last = State(width: 120, height: 36)
        try #require(steps.last).show(on: &last)
        #expect(last.scenario.assumptions == Lens.backfire.assumptions)
        #expect(last.document.undoStack.count == 2)
        // Against the essay's view (not the 0.5 set before), across worlds.
        #expect(last.view.explanation == "Lens Controls backfire vs the essay's view: … (across worlds)")
        var undone = last
        reduce(&undone, .keyPressed(.char("u")))
        #expect(undone.scenario.assumptions[.controlsBackfire] == 0.5)
        #expect(undone.scenario.assumptions[.chinaDomesticGrowth] == 1.3)
    }

    @Test("lens commands are checked against the lenses found and play the one found")
    func demoLensResolve() throws {
        let script = try DemoParser.parse("caption \"x\"\nlens mine\n", file: "d.demo")
        #expect(
            throws: DemoError(
                file: "d.demo", line: 2,
                "unknown lens 'mine'; lenses: essay, backfire, leaky, distillation, price, all-critics, optimist")
        ) { try script.resolvingLenses(Lens.builtIn) }
        let mine = Lens(id: "mine", name: "Mine", argument: "a", source: "s", values: [.chinaPriceAdvantage: 50])
        let resolved = try script.resolvingLenses(Lens.builtIn + [mine])
        let final = DemoPlayer.finalState(resolved, from: State())
        #expect(final.scenario.assumptions[.chinaPriceAdvantage] == 50)
        #expect(throws: DemoError.self) { try DemoParser.parse("lens a b\n", file: "d.demo") }
    }
}
