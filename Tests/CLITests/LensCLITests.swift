import Foundation
import Testing

/// Lenses through the built binary: `lenses`, `lenses --check`, and `--lens` on the commands
/// that take a scenario.
@Suite("twofutures lenses and --lens")
struct LensCLITests {
    static let shipped = CLI.path("Lenses")
    static let fixtures = CLI.path("Tests/FormatsTests/Fixtures/lenses")
    static let ids = ["essay", "backfire", "leaky", "distillation", "price", "all-critics", "optimist"]

    /// The assumptions of a `run --format json` document.
    static func assumptions(_ stdout: String) throws -> [String: Double] {
        let doc = try CLI.json(stdout)
        return try #require(doc["assumptions"] as? [String: Double])
    }

    @Test("lenses lists the seven shipped lenses in order, with their files and what they set")
    func list() throws {
        let result = try CLI.run(["lenses"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) } == Self.ids)
        #expect(lines[0].contains("The essay's view") && lines[0].hasSuffix("(all defaults)"))
        #expect(lines[1].contains("\(Self.shipped)/backfire.toml"))
        #expect(lines[1].hasSuffix("china_domestic_growth=1.8,controls_backfire=0.9"))
        #expect(lines[4].hasSuffix("china_price_advantage=30"))
        let json = try CLI.run(["lenses", "--format", "json"])
        #expect(json.status == 0)
        let doc = try CLI.json(json.stdout)
        let lenses = try #require(doc["lenses"] as? [[String: Any]])
        #expect(lenses.compactMap { $0["id"] as? String } == Self.ids)
        #expect((lenses[1]["sets"] as? [String: Double]) == ["controls_backfire": 0.9, "china_domestic_growth": 1.8])
        #expect((lenses[1]["assumptions"] as? [String: Double])?.count == 10)
        #expect((lenses[1]["argument"] as? String)?.hasPrefix("Critics: ") == true)
    }

    @Test("--lens-dir adds and overrides lenses; a bad file there is named on stderr")
    func lensDir() throws {
        let result = try CLI.run(["lenses", "--lens-dir", "\(Self.fixtures)/user"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) } == Self.ids + ["zero", "cheap"])
        #expect(lines[1].contains("Backfire, stronger"))
        #expect(result.stderr.hasPrefix("skipped: \(Self.fixtures)/user/leaky.toml:6: assumptions.control_leakage:"))
        let run = try CLI.run(["run", "--lens-dir", "\(Self.fixtures)/user", "--lens", "cheap", "--format", "json"])
        #expect(run.status == 0)
        #expect(try Self.assumptions(run.stdout)["china_price_advantage"] == 50)
        // The user's leaky.toml is broken: --lens leaky says so rather than take the shipped one.
        let bad = try CLI.run(["run", "--lens-dir", "\(Self.fixtures)/user", "--lens", "leaky"])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("twofutures: lens 'leaky' cannot be used: \(Self.fixtures)/user/leaky.toml:6: "))
    }

    @Test("--check passes the shipped files and exits 65 with one FILE:LINE line per bad file")
    func check() throws {
        let files = Self.ids.map { "\(Self.shipped)/\($0).toml" }
        let good = try CLI.run(["lenses", "--check"] + files)
        #expect(good.status == 0)
        #expect(good.stdout.split(separator: "\n").count == 7 && good.stderr.isEmpty)
        let bad = "\(Self.fixtures)/bad/out-of-range.toml"
        let result = try CLI.run(["lenses", "--check", files[0], bad])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "\(bad):6: assumptions.controls_backfire: controls_backfire must be within 0.0…1.0, got '1.5'\n")
        #expect(try CLI.run(["lenses", "--check"]).status == 64)
    }

    @Test("--lens sets all ten assumptions, then --set overrides it")
    func lensThenSet() throws {
        let result = try CLI.run(["run", "--lens", "backfire", "--set", "controls_backfire=0.5", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let assumptions = try Self.assumptions(result.stdout)
        #expect(assumptions["controls_backfire"] == 0.5)
        #expect(assumptions["china_domestic_growth"] == 1.8)
        #expect(assumptions["control_leakage"] == 0.7)
        // The lens replaces a scenario's assumptions; --preset changes only the levers.
        let scenario = try CLI.run([
            "run", "--scenario", "tf2:50-30-20-30-20+a4=0.9", "--lens", "price", "--preset", "future1", "--format",
            "json",
        ])
        let flags = try CLI.run(["run", "--preset", "future1", "--set", "china_price_advantage=30", "--format", "json"])
        #expect(scenario.status == 0 && scenario.stdout == flags.stdout)
    }

    @Test("an unknown --lens exits 64 with one line listing the lenses found")
    func unknown() throws {
        let result = try CLI.run(["run", "--lens", "backfir"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "twofutures: unknown lens 'backfir'; did you mean 'backfire'? Lenses: essay, backfire, leaky, "
                + "distillation, price, all-critics, optimist\n")
        #expect(try CLI.run(["seek", "export_controls", "--lens", "nope"]).status == 64)
    }

    @Test("seek and compare take --lens; compare applies it to every scenario, before --set")
    func seekAndCompare() throws {
        let seek = try CLI.run([
            "seek", "export_controls", "--preset", "future1", "--lens", "optimist", "--format", "json",
        ])
        #expect(seek.status == 0, "\(seek.stderr)")
        let compare = try CLI.run([
            "compare", "tf2:50-30-20-30-20", "tf2:90-85-85-85-75", "--lens", "all-critics", "--set",
            "china_price_advantage=10", "--format", "json",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("+a2=1.8") && compare.stdout.contains("+a3=0.9"))
        #expect(!compare.stdout.contains("+a9="), "--set wins over the lens")
    }

    @Test("a scenario file may name a lens; its [assumptions] override it")
    func scenarioFile() throws {
        let path = try CLI.temporaryFile(
            "model = \"twofutures/2\"\nname = \"Leaky\"\nlens = \"leaky\"\n[assumptions]\ncontrol_leakage = 0.8\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["run", "--scenario", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let assumptions = try Self.assumptions(result.stdout)
        #expect(assumptions["control_leakage"] == 0.8 && assumptions["enforcement_effectiveness"] == 0.5)
        try "model = \"twofutures/2\"\nname = \"x\"\nlens = \"lekay\"\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["run", "--scenario", path])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("twofutures: \(path):3: lens: unknown lens 'lekay'; did you mean 'leaky'?"))
    }

    @Test("a demo's lens command is checked against the lenses found: FILE:LINE and 65")
    func demo() throws {
        let path = NSTemporaryDirectory() + "twofutures-lens-\(UUID().uuidString).demo"
        try "size 120x36\ncaption \"Prices\"\nlens price\nlens cheap\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = try CLI.run(["demo", path, "--headless", "--members", "0"])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("\(path):4: unknown lens 'cheap'"))
        let good = try CLI.run(["demo", path, "--headless", "--members", "0", "--lens-dir", "\(Self.fixtures)/user"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Lens Cheap chips vs the essay's view, as set: China price adv 10→50: lead"))
    }
}

@Suite("--lens completions")
struct LensCompletionTests {
    @Test("the shell completions of --lens ask the program, which lists the lens ids found")
    func completions() throws {
        let bash = try CLI.run(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains("---completion run -- --lens"))
        let words = try CLI.run(["---completion", "run", "--", "--lens", "2", "0", "twofutures", "run", "--lens"])
        #expect(words.status == 0)
        #expect(words.stdout.split(separator: "\n") == LensCLITests.ids.map { Substring($0) })
        let user = try CLI.run([
            "---completion", "run", "--", "--lens", "4", "0", "twofutures", "run", "--lens-dir",
            "\(LensCLITests.fixtures)/user", "--lens",
        ])
        #expect(user.stdout.split(separator: "\n").suffix(2) == ["zero", "cheap"])
    }
}

@Suite("docs/lenses-and-themes.md lenses")
struct LensReadmeTests {
    @Test("the lens table of docs/lenses-and-themes.md gives each lens's values and its leads as run prints them")
    func table() throws {
        let section = try #require(
            CLI.doc("docs/lenses-and-themes.md").components(separatedBy: "## Lenses\n").dropFirst().first?
                .components(separatedBy: "\n## ").first)
        let listed = try CLI.run(["lenses", "--format", "json"])
        let doc = try CLI.json(listed.stdout)
        let lenses = try #require(doc["lenses"] as? [[String: Any]])
        #expect(lenses.count == 7)
        for lens in lenses {
            let id = try #require(lens["id"] as? String)
            let name = try #require(lens["name"] as? String)
            let row = try #require(
                section.split(separator: "\n").first { $0.hasPrefix("| `\(id)` | \(name) |") }, "no row for \(id)")
            let sets = try #require(lens["sets"] as? [String: Double])
            if id != "all-critics" {
                for (key, value) in sets {
                    let text = value == value.rounded() ? String(Int(value)) : "\(value)"
                    #expect(row.contains("`\(key)=\(text)`"), "\(id): \(key)")
                }
            }
            for preset in ["status_quo", "future1"] {
                let run = try CLI.run(["run", "--preset", preset, "--lens", id, "--format", "json"])
                let lead = try CLI.lead(run.stdout)
                let shown = String(format: "%.1f mo", lead).replacingOccurrences(of: "-", with: "−")
                #expect(row.contains(shown), "\(id) \(preset): \(shown)")
            }
        }
    }
}
