import Foundation
import Testing

/// `twofutures seek`.
@Suite("twofutures seek")
struct SeekCLITests {
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

    @Test("seek takes the start too")
    func seekStart() throws {
        let now = try CLI.run(["seek", "export_controls", "--preset", "future1", "--format", "json"])
        let later = try CLI.run([
            "seek", "export_controls", "--preset", "future1", "--set", "policy_start=12", "--format", "json",
        ])
        #expect(now.status == 0 && later.status == 0)
        let a = try #require(try CLI.json(now.stdout)["value"] as? Double)
        let b = try #require(try CLI.json(later.stdout)["value"] as? Double)
        #expect(b > a, "a later start needs stricter controls: \(a) → \(b)")
    }
}
