import Dashboard
import Formats
import Foundation
import FuturesModel
import Testing

/// Where lenses are used in the Dashboard module: the explanation of a lens, scenario files
/// that name one, and the demo command.
@Suite("Lenses in use")
struct LensUseTests {
    static let statusQuo = Scenario()

    static func under(_ lens: Lens, _ scenario: Scenario = statusQuo) -> Scenario {
        var s = scenario
        s.assumptions = lens.assumptions
        return s
    }

    @Test("the explanation names each change with its old and new value, then the lead")
    func explanation() {
        let backfire = Explanation.lens(.backfire, before: Self.statusQuo, after: Self.under(.backfire))
        #expect(
            backfire
                == "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.30→0.90: lead −0.7 mo "
                + "(central run now Future 2)")
        let back = Explanation.lens(.essay, before: Self.under(.backfire), after: Self.statusQuo)
        #expect(
            back.hasPrefix("Lens The essay's view: China chip growth 1.80→1.30, Controls backfire 0.90→0.30: lead +0.7")
        )
        #expect(
            Explanation.lens(.price, before: Self.under(.price), after: Self.under(.price))
                == "Lens Price wins: no assumption changed")
    }

    @Test("with a width the explanation fits: the flip of the central run goes first, then short labels, then +N more")
    func explanationWidth() {
        let after = Self.under(.allCritics)
        let full = Explanation.lens(.allCritics, before: Self.statusQuo, after: after)
        #expect(
            full.contains("Enforcement eff 1.00→0.50") && full.hasSuffix(": lead −3.7 mo (central run now Future 2)"))
        for width in [40, 60, 80, 100, 140, 200] {
            let line = Explanation.lens(.allCritics, before: Self.statusQuo, after: after, width: width)
            #expect(
                line.count <= width
                    || line == "Lens All the critics at once: 7 assumptions: lead −3.7 mo")
            #expect(line.hasPrefix("Lens All the critics at once: ") && !line.contains("\n"))
        }
        #expect(
            Explanation.lens(.allCritics, before: Self.statusQuo, after: after, width: 100)
                == "Lens All the critics at once: China chips 1.30→1.80, Ctrl backfire 0.30→0.90, +5 more: lead −3.7 mo"
        )
        // Where the flip does not fit beside the changes, the changes come first.
        #expect(
            Explanation.lens(.backfire, before: Self.statusQuo, after: Self.under(.backfire), width: 106)
                == "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.30→0.90: lead −0.7 mo"
        )
    }

    static let header = "model = \"twofutures/2\"\nname = \"Critics\"\n"

    @Test("a scenario file's lens sets its assumptions; [assumptions] override it")
    func scenarioFileLens() throws {
        let plain = try ScenarioFile.parse(Self.header + "lens = \"backfire\"\n", path: "x.toml")
        #expect(plain.scenario.assumptions == Lens.backfire.assumptions)
        #expect(plain.lens == Lens.backfire)
        #expect(plain.toml.contains("\nlens = \"backfire\"\n"))
        #expect(try ScenarioFile.parse(plain.toml, path: "again.toml") == plain)
        let overridden = try ScenarioFile.parse(
            Self.header + "lens = \"backfire\"\n[assumptions]\ncontrols_backfire = 0.5\n", path: "x.toml")
        #expect(overridden.scenario.assumptions[.controlsBackfire] == 0.5)
        #expect(overridden.scenario.assumptions[.chinaDomesticGrowth] == 1.8)
        #expect(overridden.lens == nil, "the assumptions no longer match the lens")
        #expect(!overridden.toml.contains("lens ="))
        let mine = Lens(id: "mine", name: "Mine", argument: "a", source: "s", values: [.chinaPriceAdvantage: 50])
        let custom = try ScenarioFile.parse(Self.header + "lens = \"mine\"\n", path: "x.toml", lenses: [mine])
        #expect(custom.scenario.assumptions[.chinaPriceAdvantage] == 50)
    }

    @Test(
        "a bad lens in a scenario file is an error at its line",
        arguments: [
            (
                header + "\nlens = \"backfir\"\n",
                "x.toml:4: lens: unknown lens 'backfir'; did you mean 'backfire'? Lenses: essay, backfire, leaky, "
                    + "distillation, price, all-critics, optimist"
            ),
            (header + "lens = 3\n", "x.toml:3: lens: must be a string, a lens id like \"backfire\""),
            (
                "model = \"twofutures/1\"\nname = \"Old\"\nlens = \"price\"\n",
                "x.toml:3: lens: not part of twofutures/1 files; write model = \"twofutures/2\""
            ),
        ])
    func scenarioFileBadLens(text: String, message: String) {
        do throws(ScenarioFileError) {
            _ = try ScenarioFile.parse(text, path: "x.toml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a demo's lens command sets all ten assumptions as one undoable step, explained")
    func demoLens() throws {
        let script = try DemoParser.parse("caption \"x\"\nset controls_backfire 0.5\nlens backfire\n", file: "d.demo")
        #expect(script.lines.last?.command == .lens("backfire"))
        let steps = DemoPlayer.steps(script, from: State(width: 120, height: 36))
        var last = State(width: 120, height: 36)
        try #require(steps.last).show(on: &last)
        #expect(last.scenario.assumptions == Lens.backfire.assumptions)
        #expect(last.document.undoStack.count == 2)
        #expect(
            last.view.explanation.hasPrefix(
                "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.50→0.90: lead"))
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
