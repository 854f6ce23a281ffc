import Foundation
import Testing

/// `twofutures answer`: MODEL.md section 5's document, the table that answers "which lever
/// moves which future, under whose assumptions" in one screen, the CSV, and bad input.
@Suite("twofutures answer")
struct AnswerCLITests {
    static let columns = ["yours", "essay", "backfire", "leaky", "distillation", "price", "all-critics", "optimist"]
    static let levers = [
        "export_controls", "smuggling_enforcement", "offshore_controls", "distillation_defense", "export_promotion",
    ]
    /// Each lever as a sentence names it.
    static let leverNames = [
        "export_controls": "export controls", "smuggling_enforcement": "anti-smuggling",
        "offshore_controls": "offshore compute", "distillation_defense": "distillation defence",
        "export_promotion": "AI export promotion",
    ]

    @Test("json: the keys of MODEL.md section 5 in order, eight columns, the same bytes with 1 or 2 threads")
    func json() throws {
        let args = ["answer", "--preset", "future1", "--members", "400", "--seed", "3", "--format", "json"]
        let one = try CLI.run(args + ["--threads", "1"])
        let two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let head = ["model", "horizon", "policy_start", "levers", "members", "seed", "uncertainty", "columns"]
        let column = ["id", "name", "assumptions", "summary", "base", "delayed", "shapley"]
        let summary = ["median_lead", "p_future1", "p_future2", "p_china_markets"]
        #expect(RobustMapCLITests.inOrder(head + column + summary, in: one.stdout))
        let doc = try CLI.json(one.stdout)
        #expect(Set(doc.keys) == Set(head), "no top-level assumptions: each column holds its own")
        #expect(doc["model"] as? String == "twofutures/3")
        #expect(doc["members"] as? Int == 400 && doc["seed"] as? Int == 3 && doc["uncertainty"] as? Double == 0.5)
        let columns = try #require(doc["columns"] as? [[String: Any]])
        #expect(columns.map { $0["id"] as? String } == Self.columns.map { Optional($0) })
        #expect(columns.first?["name"] as? String == "Your assumptions")
        for c in columns {
            let shapley = try #require(c["shapley"] as? [String: [String: Double]])
            #expect(Set(shapley.keys) == Set(Self.levers))
            let s = try #require(c["summary"] as? [String: Double])
            #expect(Set(s.keys) == Set(summary))
        }
        // Without --members the answer runs 2000 worlds.
        let plain = try CLI.json(try CLI.run(["answer", "--format", "json"]).stdout)
        #expect(plain["members"] as? Int == 2000 && plain["seed"] as? Int == 1)
    }

    /// The lever with the largest |share| of `key` in a JSON column (the first in table
    /// order on a tie), or nil when every share is 0.
    static func strongest(_ column: [String: Any], _ key: String) -> (String, Double)? {
        let shapley = column["shapley"] as! [String: [String: Double]]
        var best: (String, Double)?
        for lever in levers {
            let share = shapley[lever]![key]!
            if share != 0, abs(share) > abs(best?.1 ?? 0) { best = (lever, share) }
        }
        return best
    }

    @Test(
        "the table answers in one screen, and each lens's sentence names the lever the numbers say",
        arguments: [
            ("1", "p_future1", "Future 1"), ("2", "p_future2", "Future 2"),
            ("markets", "p_china_markets", "China's markets"),
        ])
    func table(future: String, key: String, title: String) throws {
        let args = ["answer", "--preset", "future1", "--members", "1000", "--seed", "2", "--future", future]
        let result = try CLI.run(args)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 100 }, "a line wider than 100 columns")
        let text = result.stdout
        #expect(text.contains("Across worlds, not a forecast: 1000 worlds for each column"))
        #expect(text.contains("(uncertainty 0.5, seed 2;"))
        #expect(text.contains("(Future 1's preset); policy from 2026-01; horizon 2029-01."))
        #expect(text.contains("POINTS OF P(\(title.uppercased())) EACH LEVER ADDS"))
        #expect(text.contains(#/ +Yours +Essay +Backfire +Leaky +Distill +Price +Critics +Optimist\n/#))
        #expect(text.contains("Distill = Distillation can't be stopped"))
        for name in ["Export controls", "Anti-smuggling", "Offshore compute", "Distillation defence"] {
            #expect(text.contains("\n  \(name)"), "no row for \(name)")
        }
        #expect(text.contains("Starting 2027-01 instead (a year's delay) changes:"))
        // The sentences agree with the JSON of the same worlds.
        let json = try CLI.json(try CLI.run(args + ["--format", "json"]).stdout)
        let columns = try #require(json["columns"] as? [[String: Any]])
        // One sentence a column, its wrapped lines joined.
        let sentences = try #require(text.components(separatedBy: "MOST\n").last)
            .replacingOccurrences(of: "\n    ", with: " ")
        for column in columns {
            let name = column["id"] as? String == "yours" ? "Your assumptions" : column["name"] as! String
            let line = try #require(
                ("\n" + sentences).components(separatedBy: "\n  ").first { $0.hasPrefix(name + ":") },
                "no sentence for \(name)")
            let level = (column["summary"] as! [String: Double])[key]!
            if let (lever, share) = Self.strongest(column, key) {
                let leverName = Self.leverNames[lever]!
                if abs(share) >= 0.0005 {
                    // The strongest first; levers whose shares read the same are named with it.
                    #expect(
                        line.hasPrefix("\(name): \(leverName) move") || line.hasPrefix("\(name): \(leverName) and ")
                            || line.hasPrefix("\(name): \(leverName), "), "\(line)")
                    #expect(line.contains(" most, "), "\(line)")
                    let points = String(format: "%.1f", abs(share) * 100)
                    #expect(line.contains("\(points) of") || line.contains("\(points) each, of"), "\(line)")
                } else {
                    #expect(line.contains("hardly any lever moves P(\(title)): the most, \(leverName),"), "\(line)")
                }
            } else {
                #expect(
                    line.hasPrefix("\(name): no lever moves P(\(title)): it stays \(Int((level * 100).rounded())) %."),
                    "\(line)")
            }
        }
    }

    @Test("csv: a tidy long table, eight rows (summary, base, delayed, five levers) for each column")
    func csv() throws {
        let result = try CLI.run(["answer", "--members", "200", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 8 * 8)
        #expect(lines[0] == "column,name,kind,lever,median_lead,p_future1,p_future2,p_china_markets")
        #expect(lines[1].hasPrefix("yours,Your assumptions,summary,,"))
        #expect(lines[4].hasPrefix("yours,Your assumptions,shapley,export_controls,"))
        #expect(lines.last!.hasPrefix("optimist,Compute decides,shapley,export_promotion,"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 8 })
    }

    @Test(
        "bad input exits 64 with one line naming the option",
        arguments: [
            (["answer", "--future", "3"], "--future must be 1, 2 or markets, got '3'"),
            (["answer", "--future", "future1"], "--future must be 1, 2 or markets, got 'future1'"),
            (["answer", "--members", "0"], "--members must be a whole number within 1…1000000, got '0'"),
            (["answer", "--members", "many"], "--members must be a whole number within 1…1000000, got 'many'"),
            (["answer", "--seed", "-1"], "--seed must be a whole number"),
            (["answer", "--uncertainty", "1.5"], "--uncertainty must be a number within 0…1"),
            (["answer", "--format", "xml"], "--format must be json, csv or table"),
            (["answer", "--lens", "nope"], "nope"),
        ])
    func badInput(args: [String], message: String) throws {
        let result = try CLI.run(args)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("twofutures: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
