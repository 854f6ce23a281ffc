import Foundation
import Testing

/// `twofutures robust` and `twofutures map` through the binary: their documents, their
/// thread independence and their one-line errors.
@Suite("twofutures robust and map")
struct RobustMapCLITests {
    /// The positions of `keys` in `text`, which must appear in this order.
    static func inOrder(_ keys: [String], in text: String) -> Bool {
        var rest = text[...]
        for key in keys {
            guard let r = rest.range(of: "\"\(key)\":") else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    @Test("robust prints MODEL.md section 5's document, keys in order, the same bytes with 1 or 2 threads")
    func robustJSON() throws {
        let args = ["robust", "--preset", "future1", "--members", "500", "--seed", "7", "--format", "json"]
        let one = try CLI.run(args + ["--threads", "1"])
        let two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let header = ["model", "horizon", "policy_start", "levers", "assumptions", "members", "seed", "uncertainty"]
        let row = ["id", "weak", "strong", "p_future1", "weak", "strong", "delta", "p_future2"]
        #expect(Self.inOrder(header + ["rows"] + row + ["median_gain", "helps", "hurts", "pivotal"], in: one.stdout))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(doc["members"] as? Int == 500 && doc["seed"] as? Int == 7)
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(Set(rows.compactMap { $0["id"] as? String }).contains("policy_start"))
        #expect(one.stdout.contains("\"id\": \"policy_start\",\n      \"weak\": 12,\n      \"strong\": 0,"))
    }

    @Test("robust's table says each row as a sentence, with the ensemble and the model's caveat")
    func robustTable() throws {
        let result = try CLI.run(["robust", "--preset", "future1"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("illustrative model, not a forecast"))
        #expect(text.contains("2000 worlds (uncertainty 0.5, seed 1)"))
        #expect(
            text.contains(
                /Export controls \(30→90 %\): P\(Future 1\) \+\d+ pts, P\(Future 2\) .+, median \+\d+\.\d mo;/))
        #expect(text.contains(/Starting now instead of 2027-01: P\(Future 1\)/))
        #expect(text.contains(/pivotal in \d+ % of worlds/))
        let csv = try CLI.run(["robust", "--members", "100", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 7)
        #expect(csv.stdout.hasPrefix("id,weak,strong,p_future1_weak,"))
    }

    @Test("map prints MODEL.md section 5's document: values, then ny rows of nx leads and futures")
    func mapJSON() throws {
        let args = [
            "map", "export_controls", "policy_start", "--size", "5x7", "--preset", "future1", "--format", "json",
        ]
        let one = try CLI.run(args + ["--threads", "1"])
        let two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let keys = ["model", "horizon", "policy_start", "levers", "assumptions", "x", "id", "values", "y", "id"]
        #expect(Self.inOrder(keys + ["values", "lead_months", "future"], in: one.stdout))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let y = try #require(doc["y"] as? [String: Any])
        #expect(y["values"] as? [Int] == [0, 4, 8, 12, 16, 20, 24])
        let leads = try #require(doc["lead_months"] as? [[Double]])
        let futures = try #require(doc["future"] as? [[String]])
        #expect(leads.count == 7 && leads.allSatisfy { $0.count == 5 })
        #expect(futures.count == 7 && futures.allSatisfy { $0.count == 5 })
        #expect(futures[0][4] == "future1")
    }

    @Test("map's table and CSV at the default size, 41 x 21")
    func mapTableAndCSV() throws {
        let table = try CLI.run(["map", "export_controls", "smuggling_enforcement"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").filter { $0.contains(" |") }
        #expect(rows.count == 21)
        #expect(rows.allSatisfy { $0.split(separator: "|")[1].count == 41 })
        #expect(rows.first!.hasPrefix("100 % |") && rows.last!.hasPrefix("  0 % |"))
        let csv = try CLI.run(["map", "export_controls", "smuggling_enforcement", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 41 * 21)
        #expect(lines.first == "export_controls,smuggling_enforcement,lead_months,future")
    }

    @Test("map --members adds the map across worlds: members, seed, uncertainty and four Summary grids")
    func mapAcrossWorlds() throws {
        let args = [
            "map", "export_controls", "policy_start", "--size", "5x3", "--preset", "future1", "--members", "300",
            "--seed", "9", "--format", "json",
        ]
        let one = try CLI.run(args + ["--threads", "1"])
        let two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let grids = ["median_lead", "p_future1", "p_future2", "p_china_markets"]
        let keys = ["model", "horizon", "policy_start", "levers", "assumptions", "x", "y", "lead_months", "future"]
        #expect(Self.inOrder(keys + ["members", "seed", "uncertainty"] + grids, in: one.stdout))
        let doc = try CLI.json(one.stdout)
        #expect(Set(doc.keys) == Set(keys + ["members", "seed", "uncertainty"] + grids))
        #expect(doc["members"] as? Int == 300 && doc["seed"] as? Int == 9 && doc["uncertainty"] as? Double == 0.5)
        for grid in grids {
            let rows = try #require(doc[grid] as? [[Double]], "\(grid)")
            #expect(rows.count == 3 && rows.allSatisfy { $0.count == 5 }, "\(grid)")
        }
        let p = try #require(doc["p_future1"] as? [[Double]])
        #expect(p.joined().allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(p[0][0] == 0 && p[0][4] > 0.3, "no export controls, no Future 1; full ones, often")
        // The deterministic grids are those of the map without --members.
        let plain = try CLI.json(try CLI.run(Array(args[0..<7]) + ["--format", "json"]).stdout)
        #expect(plain["lead_months"] as? [[Double]] == doc["lead_months"] as? [[Double]])
        #expect(plain["members"] == nil && plain["p_future1"] == nil)
        // The table adds P(Future 1) in tenths; the CSV four columns.
        let table = try CLI.run(Array(args[0..<11]))
        #expect(table.stdout.contains("\nP(FUTURE 1) ACROSS 300 WORLDS A POINT (uncertainty 0.5, seed 9)"))
        let rows = table.stdout.split(separator: "\n").filter { $0.contains(" |") }
        #expect(rows.count == 2 * 3)
        #expect(rows.suffix(3).allSatisfy { $0.split(separator: "|")[1].allSatisfy { ".0123456789#".contains($0) } })
        let csv = try CLI.run(Array(args[0..<11]) + ["--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 15)
        #expect(
            lines[0]
                == "export_controls,policy_start,lead_months,future,median_lead,p_future1,p_future2,p_china_markets")
    }

    @Test(
        "bad input exits 64 with one line",
        arguments: [
            (["map", "export_controls", "export_controls"], "map needs two different parameters"),
            (
                ["map", "export_control", "policy_start"],
                "unknown id 'export_control'; did you mean 'export_controls'?"
            ),
            (["map", "export_controls", "backfire"], "unknown id 'backfire'; did you mean 'controls_backfire'?"),
            (["map", "export_controls", "policy_start", "--size", "1x5"], "--size must be NXxNY"),
            (["map", "export_controls", "policy_start", "--size", "201x5"], "--size must be NXxNY"),
            (["map", "export_controls", "policy_start", "--size", "41by21"], "--size must be NXxNY"),
            (["map", "export_controls", "policy_start", "--size", "41x"], "--size must be NXxNY"),
            (["map", "export_controls", "policy_start", "--size", "4x4x4"], "--size must be NXxNY"),
            (["map", "export_controls", "policy_start", "--format", "xml"], "--format must be json, csv or table"),
            (["robust", "--members", "0"], "--members must be at least 1 for robust"),
            (["map", "export_controls", "policy_start", "--members", "x"], "--members must be a whole number"),
            (["map", "export_controls", "policy_start", "--members", "5", "--seed", "s"], "--seed must be a whole"),
            (["robust", "--uncertainty", "2"], "--uncertainty must be a number within 0"),
            (["robust", "--set", "export_controls=2"], "export_controls must be within"),
        ])
    func badInput(args: [String], message: String) throws {
        let result = try CLI.run(args)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("twofutures: \(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
