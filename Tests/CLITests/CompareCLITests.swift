import Foundation
import Testing

/// `twofutures compare`.
@Suite("twofutures compare")
struct CompareCLITests {
    @Test("compare two presets: table, json and csv")
    func compareTwoPresets() throws {
        let args = ["compare", "tf2:50-30-20-30-20", "tf2:90-85-85-85-75"]
        let table = try CLI.run(args)
        #expect(table.status == 0)
        #expect(table.stdout.contains("PROBABILITIES (2000 members, seed 1)"))
        #expect(table.stdout.contains(#/\nP\(China's markets\) +\d+ % +\d+ %\n/#), "\(table.stdout)")
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
        #expect(Set(p.keys) == ["future1", "contested", "future2", "china_markets"])
        #expect(abs(p["future1"]! + p["contested"]! + p["future2"]! - 1) < 1e-9)
        #expect(p["china_markets"]! >= 0 && p["china_markets"]! <= 1)
        let csv = try CLI.run(args + ["--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("label,token,policy_start,lead_months"))
        #expect(lines[0].contains(",p_future1,p_contested,p_future2,p_china_markets,top1_lever,"))
        let one = try CLI.run(["compare", "tf2:50-30-20-30-20"])
        #expect(one.status == 64)
    }

    @Test("compare takes the start too")
    func compareStart() throws {
        let compare = try CLI.run([
            "compare", "tf2:90-85-85-85-75", "tf2:90-85-85-85-75+s12", "--format", "json",
        ])
        let items = try #require(try CLI.json(compare.stdout)["scenarios"] as? [[String: Any]])
        #expect(items.map { $0["policy_start"] as? Int } == [0, 12])
        let table = try CLI.run(["compare", "tf2:90-85-85-85-75", "tf2:90-85-85-85-75", "--set", "policy_start=6"])
        #expect(table.stdout.contains(/Policy starts +2026-07 +2026-07\n/))
    }
}
