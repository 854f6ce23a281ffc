import Foundation
import Testing

@Suite("twofutures scenarios, compare and seek")
struct ScenarioCLITests {
    static func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "twofutures-\(UUID().uuidString).toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func lead(_ stdout: String) throws -> Double {
        let doc = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as! [String: Any]
        let outcome = try #require(doc["outcome"] as? [String: Any])
        return try #require(outcome["lead_months"] as? Double)
    }

    @Test("a file, its token and the same --set flags give the same run")
    func fileTokenAndFlagsAgree() throws {
        let path = try Self.temporaryFile(
            """
            model = "twofutures/1"
            name = "Enforcement first"
            horizon = 48

            [levers]
            smuggling_enforcement = "70%"

            [assumptions]
            control_leakage = 0.9
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try CLI.run(["run", "--scenario", path, "--format", "json"])
        let token = try CLI.run(["run", "--scenario", "tf1:50-70-20-30-20+h48+a4=0.9", "--format", "json"])
        let flags = try CLI.run([
            "run", "--set", "smuggling_enforcement=70%,control_leakage=0.9", "--horizon", "48", "--format", "json",
        ])
        #expect(file.status == 0 && token.status == 0 && flags.status == 0)
        #expect(file.stdout == flags.stdout)
        #expect(token.stdout == flags.stdout)
        // --preset and --set override the scenario.
        let over = try CLI.run(["run", "--scenario", path, "--preset", "future1", "--format", "json"])
        let want = try CLI.run([
            "run", "--preset", "future1", "--set", "control_leakage=0.9", "--horizon", "48", "--format", "json",
        ])
        #expect(over.stdout == want.stdout)
    }

    @Test("a bad file exits 65 with FILE:LINE, a bad token 64, a missing file 66")
    func badInput() throws {
        let path = try Self.temporaryFile("model = \"twofutures/1\"\nname = \"x\"\n[levers]\nexport_controls = 2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = try CLI.run(["run", "--scenario", path])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("twofutures: \(path):4: levers.export_controls: export_controls must be within"))
        #expect(bad.stdout.isEmpty)
        let future = try CLI.run(["run", "--scenario", "tf3:50-30-20-30-20"])
        #expect(future.status == 64)
        #expect(future.stderr.contains("share token version tf3 is not supported"))
        let corrupt = try CLI.run(["compare", "tf1:50-30-20-30-20", "tf1:50-30-20"])
        #expect(corrupt.status == 64)
        #expect(corrupt.stderr.contains("corrupt share token"))
        // The dashboard checks its scenario before it needs a terminal.
        let dashboard = try CLI.run(["--scenario", path])
        #expect(dashboard.status == 65)
        #expect(dashboard.stderr.contains(":4: levers.export_controls"))
        let missing = try CLI.run(["run", "--scenario", "/nonexistent/x.toml"])
        #expect(missing.status == 66)
    }

    @Test("compare two presets: table, json and csv")
    func compareTwoPresets() throws {
        let args = ["compare", "tf2:50-30-20-30-20", "tf2:90-85-85-85-75"]
        let table = try CLI.run(args)
        #expect(table.status == 0)
        #expect(table.stdout.contains("PROBABILITIES (2000 members, seed 1)"))
        #expect(table.stdout.contains("Future 1"))
        let json = try CLI.run(args + ["--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let items = try #require(doc["scenarios"] as? [[String: Any]])
        #expect(items.count == 2)
        let outcome = try #require(items[1]["outcome"] as? [String: Any])
        #expect(outcome["future"] as? String == "future1")
        #expect(abs((outcome["lead_months"] as? Double ?? 0) - 14.922471836417627) < 1e-9)
        #expect(items[1]["policy_start"] as? Int == 0)
        #expect((items[1]["top_attribution"] as? [[String: Any]])?.count == 3)
        let p = try #require(items[1]["probability"] as? [String: Double])
        #expect(abs(p.values.reduce(0, +) - 1) < 1e-9)
        let csv = try CLI.run(args + ["--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("label,token,policy_start,lead_months"))
        let one = try CLI.run(["compare", "tf2:50-30-20-30-20"])
        #expect(one.status == 64)
    }

    @Test("seek: reachable, out of reach, and json")
    func seek() throws {
        let hit = try CLI.run(["seek", "export_controls", "--preset", "future1", "--format", "json"])
        #expect(hit.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(hit.stdout.utf8)) as! [String: Any]
        #expect(doc["lever"] as? String == "export_controls")
        let value = try #require(doc["value"] as? Double)
        #expect(value > 0 && value < 0.9)
        #expect((doc["lead_months"] as? Double ?? 0) >= 12)
        let miss = try CLI.run(["seek", "smuggling_enforcement", "--scenario", "tf1:50-30-20-30-20"])
        #expect(miss.status == 0)
        #expect(miss.stdout.hasPrefix("Future 1 is out of reach with this lever alone (max lead "))
        let missJSON = try CLI.run(["seek", "smuggling_enforcement", "--format", "json"])
        #expect(missJSON.stdout.contains("\"value\": null"))
        let assumption = try CLI.run(["seek", "control_leakage"])
        #expect(assumption.status == 64)
    }

    @Test("seek --probability: P(Future 1) from the ensemble, json keys, and bad input")
    func seekProbability() throws {
        let hit = try CLI.run([
            "seek", "export_controls", "--preset", "future1", "--probability", "50%", "--format", "json",
        ])
        #expect(hit.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(hit.stdout.utf8)) as! [String: Any]
        #expect(doc["lever"] as? String == "export_controls")
        let value = try #require(doc["value"] as? Double)
        #expect(value > 0 && value < 1)
        #expect((doc["p_future1"] as? Double ?? 0) >= 0.5)
        #expect(doc["target_probability"] as? Double == 0.5)
        #expect(doc["members"] as? Int == 2000)
        #expect(doc["seed"] as? Int == 1)
        #expect(doc["lead_months"] is Double)
        let table = try CLI.run(["seek", "export_controls", "--preset", "future1", "--probability", "0.5"])
        #expect(table.stdout.hasPrefix("Export controls ≥ "))
        #expect(table.stdout.contains("gives P(Future 1) ≥ 50 %"))
        let miss = try CLI.run(["seek", "smuggling_enforcement", "--probability", "0.5", "--members", "500"])
        #expect(miss.status == 0)
        #expect(miss.stdout.hasPrefix("P(Future 1) ≥ 50 % is out of reach with this lever alone (best "))
        for bad in [
            ["--probability", "0"], ["--probability", "1.5"], ["--probability", "half"],
            ["--probability", "0.5", "--target-lead", "10"], ["--probability", "0.5", "--members", "0"],
            ["--seed", "3"],
        ] {
            let r = try CLI.run(["seek", "export_controls"] + bad)
            #expect(r.status == 64, "\(bad)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(bad): \(r.stderr)")
        }
    }
}
