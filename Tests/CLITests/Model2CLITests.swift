import Foundation
import Testing

/// Model 2 through the binary: the policy's start on every command, version-1 inputs with
/// their one-line notice, and the sources of `parameters`.
@Suite("twofutures model 2")
struct Model2CLITests {
    static func json(_ stdout: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    @Test("run: a year's delay of Future 1 gives a lead near 12.3 months, as months or as a date")
    func delayedFuture1() throws {
        let table = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=2027-01", "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Frontier lead            12.3 mo"), "\(table.stdout)")
        #expect(table.stdout.contains("Policy starts 2027-01"))
        let months = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=12", "--format", "json"])
        let date = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=2027-01", "--format", "json"])
        #expect(months.stdout == date.stdout)
        let doc = try Self.json(months.stdout)
        #expect(doc["policy_start"] as? Int == 12)
        #expect((doc["sensitivity"] as? [[String: Any]])?.contains { $0["kind"] as? String == "timing" } == true)
    }

    @Test(
        "a bad policy_start exits 64 with one line",
        arguments: [
            ("policy_start=25", "policy_start must be within 0…24 months (or 2026-01…2028-01), got '25'"),
            (
                "policy_start=2.5",
                "policy_start must be a whole number of months, got '2.5'; allowed: 0…24 months (or 2026-01…2028-01)"
            ),
            ("policy_start=2025-06", "policy_start must be within 0…24 months"),
            ("policy_start=soon", "policy_start: 'soon' is not a number of months or a date like 2027-01"),
        ])
    func badStart(assignment: String, message: String) throws {
        for command in [
            ["run"], ["seek", "export_controls"], ["compare", "tf2:50-30-20-30-20", "tf2:90-85-85-85-75"],
        ] {
            let result = try CLI.run(command + ["--set", assignment])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.hasPrefix("twofutures: \(message)"), "\(command)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(command)")
        }
        // The dashboard checks its options before it needs a terminal.
        let dashboard = try CLI.run(["--set", assignment])
        #expect(dashboard.status == 64)
        #expect(dashboard.stderr.contains(message))
    }

    @Test("seek and compare take the start too")
    func seekAndCompare() throws {
        let now = try CLI.run(["seek", "export_controls", "--preset", "future1", "--format", "json"])
        let later = try CLI.run([
            "seek", "export_controls", "--preset", "future1", "--set", "policy_start=12", "--format", "json",
        ])
        #expect(now.status == 0 && later.status == 0)
        let a = try #require(try Self.json(now.stdout)["value"] as? Double)
        let b = try #require(try Self.json(later.stdout)["value"] as? Double)
        #expect(b > a, "a later start needs stricter controls: \(a) → \(b)")
        let compare = try CLI.run([
            "compare", "tf2:90-85-85-85-75", "tf2:90-85-85-85-75+s12", "--format", "json",
        ])
        let items = try #require(try Self.json(compare.stdout)["scenarios"] as? [[String: Any]])
        #expect(items.map { $0["policy_start"] as? Int } == [0, 12])
        let table = try CLI.run(["compare", "tf2:90-85-85-85-75", "tf2:90-85-85-85-75", "--set", "policy_start=6"])
        #expect(table.stdout.contains(/Policy starts +2026-07 +2026-07\n/))
    }

    @Test("a tf1: token and a twofutures/1 file still run, with one line saying so")
    func version1Inputs() throws {
        let token = try CLI.run(["run", "--scenario", "tf1:90-85-85-85-75+a5=0.5", "--format", "json"])
        #expect(token.status == 0)
        #expect(token.stderr.split(separator: "\n").count == 1)
        #expect(
            token.stderr.hasPrefix("twofutures: note: The tf1: token was written for twofutures/1: read under model"))
        let want = try CLI.run([
            "run", "--preset", "future1", "--set", "distillation_efficiency=0.5", "--format", "json",
        ])
        #expect(token.stdout == want.stdout)
        let path = NSTemporaryDirectory() + "twofutures-v1-\(UUID().uuidString).toml"
        try "model = \"twofutures/1\"\nname = \"Old\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try CLI.run(["run", "--scenario", path, "--format", "json"])
        #expect(file.status == 0)
        #expect(
            file.stderr == "twofutures: note: \(path) was written for twofutures/1: read under model "
                + "twofutures/2 (policy starts 2026-01, enforcement effectiveness 1.0), so its results differ from "
                + "version 1's\n")
        #expect(try Self.json(file.stdout)["model"] as? String == "twofutures/2")
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
        let doc = try Self.json(json.stdout)
        let rows = try #require(doc["parameters"] as? [[String: Any]])
        #expect(rows.count == 16)
        #expect(rows.allSatisfy { !($0["source"] as? String ?? "").isEmpty })
        let fixed = try #require(doc["fixed"] as? [[String: Any]])
        #expect(fixed.first { $0["symbol"] as? String == "S_spur" }?["value"] as? Double == 4)
        let bad = try CLI.run(["parameters", "--format", "xml"])
        #expect(bad.status == 64)
    }
}
