import Dashboard
import FuturesModel
import Testing

/// The `o` list of saved scenarios.
@Suite("Scenario list")
struct ScenarioListTests {
    @Test("o: the saved scenarios as a list, the selection scrolled into view, a skipped file named")
    func openList() {
        var state = Fixture.state(width: 100, height: 30)
        var first = Scenario(levers: Preset.future1.levers)
        first.horizon = 60
        var list = [
            SavedScenario(
                name: "Enforcement first", path: "/home/a/enforcement-first.toml",
                scenario: Scenario().withLever(.smugglingEnforcement, 0.7), notes: "What if enforcement got serious?"),
            SavedScenario(
                name: "Future 1 levers with a long horizon and a name too long for the column",
                path: "/home/a/future-1-levers-with-a-long-horizon.toml", scenario: first),
        ]
        for i in 0..<20 {
            list.append(
                SavedScenario(
                    name: "Variant \(i)", path: "/home/a/variant-\(i).toml",
                    scenario: Scenario(levers: Preset.future2.levers).withLever(.exportPromotion, Double(i) / 20)))
        }
        reduce(
            &state,
            .savedListed(
                OpenList(
                    entries: list, folder: "~/.local/share/twofutures/scenarios",
                    skipped: ["broken.toml:3: levers.export_controls: must be within 0…1, got '2'"])))
        reduce(&state, .keyPressed(.end))
        reduce(&state, .keyPressed(.up))
        assertSnapshot(Fixture.frame(state).text, named: "open-list-100x30")
        reduce(&state, .savedListed(OpenList(entries: [], folder: "~/.local/share/twofutures/scenarios")))
        assertSnapshot(Fixture.frame(state).text, named: "open-list-empty-100x30")
    }
}
