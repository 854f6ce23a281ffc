import Dashboard
import Formats
import Foundation
import FuturesModel
import Testing

/// Scenario files that name a lens.
@Suite("Scenario files with a lens")
struct ScenarioFileLensTests {
    static let header = "model = \"twofutures/3\"\nname = \"Critics\"\n"

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
                "x.toml:3: lens: not part of twofutures/1 files; write model = \"twofutures/3\""
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
}
