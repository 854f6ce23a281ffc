import Foundation
import Testing

/// `twofutures parameters`, and the copy of its table in docs/CLI.md.
@Suite("twofutures parameters")
struct ParametersCLITests {
    @Test("the parameter table of docs/CLI.md is `twofutures parameters`")
    func parameterTable() throws {
        let result = try CLI.run(["parameters"])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        #expect(
            CLI.doc("docs/CLI.md").contains(result.stdout), "docs/CLI.md is out of date: paste `twofutures parameters`")
    }

    @Test("parameters: a Source column, the same as JSON, and the fixed parameters with --all")
    func parameters() throws {
        let table = try CLI.run(["parameters"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("| lever id | name | range | status quo | meaning | source |"))
        #expect(table.stdout.contains("| `policy_start` | Policy starts | 0–24 months (2026-01…2028-01) | 2026-01 |"))
        #expect(table.stdout.contains("Chip Security Act (location verification), May 2025"))
        #expect(!table.stdout.contains("S_spur"))
        let all = try CLI.run(["parameters", "--all"])
        for symbol in ["S_spur", "D0", "I0", "u0"] { #expect(all.stdout.contains("| \(symbol) |"), "\(symbol)") }
        let json = try CLI.run(["parameters", "--all", "--format", "json"])
        let doc = try CLI.json(json.stdout)
        let rows = try #require(doc["parameters"] as? [[String: Any]])
        #expect(rows.count == 16)
        #expect(rows.allSatisfy { !($0["source"] as? String ?? "").isEmpty })
        let fixed = try #require(doc["fixed"] as? [[String: Any]])
        #expect(fixed.first { $0["symbol"] as? String == "S_spur" }?["value"] as? Double == 4)
        // Model 3's markets threshold (MODEL.md §2, §4 "Markets"), with its source line.
        #expect(
            all.stdout.contains(
                "| M | 0.5 | – | developing markets go to China when the American stack's share at the horizon "
                    + "is below this | the essay's Scenario 2: China \"winning on price in the Global South\""),
            "\(all.stdout)")
        let markets = try #require(fixed.first { $0["symbol"] as? String == "M" })
        #expect(markets["value"] as? Double == 0.5)
        let bad = try CLI.run(["parameters", "--format", "xml"])
        #expect(bad.status == 64)
    }
}
