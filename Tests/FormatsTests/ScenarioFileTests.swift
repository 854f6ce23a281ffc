import Dashboard
import Formats
import FuturesModel
import TestSupport
import Testing

@Suite("Scenario files")
struct ScenarioFileTests {
    @Test("a minimal file takes status_quo levers and default assumptions")
    func defaults() throws {
        let file = try ScenarioFile.parse(
            """
            model = "twofutures/2"
            name = "Enforcement first"

            [levers]
            smuggling_enforcement = "70%"
            """, path: "a.toml")
        #expect(file.name == "Enforcement first")
        #expect(file.notes == nil)
        #expect(!file.isVersion1)
        var want = Scenario()
        want.levers.smugglingEnforcement = 0.7
        #expect(file.scenario == want)
    }

    @Test("twofutures/2 and twofutures/3 files read alike, with no notice, and are written as twofutures/3")
    func version2And3Files() throws {
        let body = "name = \"x\"\nlens = \"price\"\npolicy_start = 6\n[levers]\nexport_controls = 0.9\n"
        let two = try ScenarioFile.parse("model = \"twofutures/2\"\n" + body, path: "two.toml")
        let three = try ScenarioFile.parse("model = \"twofutures/3\"\n" + body, path: "three.toml")
        #expect(!two.isVersion1 && !three.isVersion1)
        #expect(two.modelVersion == "twofutures/2" && three.modelVersion == "twofutures/3")
        #expect(two.scenario == three.scenario && two.lens == three.lens && two.lens == Lens.price)
        #expect(two.toml == three.toml)
        #expect(two.toml.hasPrefix("model = \"twofutures/3\"\n"))
    }

    @Test("policy_start reads as months or a date string, and is written as months")
    func policyStart() throws {
        for (value, months) in [("12", 12), ("\"2027-01\"", 12), ("0", 0), ("\"2028-01\"", 24)] {
            let file = try ScenarioFile.parse(
                "model = \"twofutures/2\"\nname = \"x\"\npolicy_start = \(value)\n", path: "a.toml")
            #expect(file.scenario.policyStart == months)
            #expect(file.toml.contains("\npolicy_start = \(months)\n"))
        }
    }

    @Test("a twofutures/1 file still reads, as version 1: start 0, enforcement at its default")
    func version1File() throws {
        let file = try ScenarioFile.parse(
            "model = \"twofutures/1\"\nname = \"Old\"\n[assumptions]\ndistillation_efficiency = 0.5\n", path: "old.toml"
        )
        #expect(file.isVersion1)
        #expect(file.scenario.policyStart == 0)
        #expect(file.scenario.assumptions.distillationEfficiency == 0.5)
        #expect(file.scenario.assumptions.enforcementEffectiveness == 1)
        // Saved again, it is a version 3 file.
        #expect(file.toml.hasPrefix("model = \"twofutures/3\"\n"))
        #expect(try !ScenarioFile.parse(file.toml, path: "new.toml").isVersion1)
    }

    @Test("save → open round-trips exactly, deterministically")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 9)
        for i in 0..<300 {
            let s = Scenario.random(using: &rng)
            let file = ScenarioFile(
                name: "run \(i) \"quoted\" \\ back", notes: i % 2 == 0 ? nil : "line one\nline\ttwo ☃", scenario: s)
            let text = file.toml
            let back = try ScenarioFile.parse(text, path: "x.toml")
            #expect(back == file)
            #expect(back.toml == text)
        }
    }

    @Test(
        "each bad file gets FILE:LINE: field: message",
        arguments: [
            ("name = \"x\"\n", "bad.toml:1: model: missing"),
            (
                "model = \"twofutures/4\"\nname = \"x\"\n",
                "bad.toml:1: model: unknown model version \"twofutures/4\"; this twofutures reads \"twofutures/1\", "
                    + "\"twofutures/2\", \"twofutures/3\""
            ),
            (
                "model = \"twofutures/2\"\nname = \"x\"\npolicy_start = 30\n",
                "bad.toml:3: policy_start must be within 0…24"
            ),
            (
                "model = \"twofutures/2\"\nname = \"x\"\npolicy_start = 1.5\n",
                "bad.toml:3: policy_start: must be a whole"
            ),
            (
                "model = \"twofutures/2\"\nname = \"x\"\npolicy_start = \"soon\"\n",
                "bad.toml:3: policy_start: 'soon' is not"
            ),
            (
                "model = \"twofutures/1\"\nname = \"x\"\npolicy_start = 3\n",
                "bad.toml:3: policy_start: not part of twofutures/1"
            ),
            (
                "model = \"twofutures/1\"\nname = \"x\"\n[assumptions]\nenforcement_effectiveness = 0.5\n",
                "bad.toml:4: assumptions.enforcement_effectiveness: not part of twofutures/1"
            ),
            (
                "model = \"twofutures/2\"\nname = \"x\"\n[levers]\npolicy_start = 3\n",
                "bad.toml:4: levers.policy_start: policy_start is the policy's start"
            ),
            ("model = \"twofutures/1\"\n", "bad.toml:1: name: missing"),
            ("model = \"twofutures/1\"\nname = \"x\"\nhorizon = 500\n", "bad.toml:3: horizon: must be a whole number"),
            (
                "model = \"twofutures/1\"\nname = \"x\"\n\n[levers]\nexport_controls = 0.5\nsmuggling = 1.5\n",
                "bad.toml:6: levers.smuggling: unknown id 'smuggling'; did you mean"
            ),
            (
                "model = \"twofutures/1\"\nname = \"x\"\n[levers]\nexport_controls = 1.5\n",
                "bad.toml:4: levers.export_controls: export_controls must be within 0…1"
            ),
            (
                "model = \"twofutures/1\"\nname = \"x\"\n[levers]\ncontrol_leakage = 0.5\n",
                "bad.toml:4: levers.control_leakage: control_leakage is an assumption"
            ),
            (
                "model = \"twofutures/1\"\nname = \"x\"\n[assumptions]\nus_compute_growth = 9\n",
                "bad.toml:4: assumptions.us_compute_growth: us_compute_growth must be within 2.0…5.0"
            ),
            ("model = \"twofutures/1\"\nname = \"x\"\ncolour = 1\n", "bad.toml:3: colour: unknown key"),
            ("model = \"twofutures/1\"\nname = \n", "bad.toml:2: syntax error"),
        ])
    func badFiles(text: String, expected: String) {
        do {
            _ = try ScenarioFile.parse(text, path: "bad.toml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test("a scenario's notes round-trip exactly, whatever characters they hold")
    func notesRoundTrip() throws {
        let notes = "line 1\nline \"2\"\t\\ \r\n\u{0}\u{1B}[31m\u{7F} é 😀 \u{2028} '''\"\"\" # not a comment"
        let file = ScenarioFile(name: "Round trip", notes: notes, scenario: .init())
        #expect(try ScenarioFile.parse(file.toml, path: "x.toml") == file)
    }
}
