import Foundation
import TestSupport
import Testing

/// Runs the built `twofutures` binary, which sits next to the test bundle.
struct CLI {
    typealias Result = ExternalTool.Output

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TWOFUTURES_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The runner is either the .xctest bundle itself or a file inside it.
        while dir.pathComponents.count > 1 {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent("twofutures")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/release/twofutures")
    }

    static func run(_ args: [String]) throws -> Result { try run(binary.path, args) }

    /// Runs `executable` with `args` (ExternalTool.run: optional environment and folder).
    static func run(
        _ executable: String, _ args: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> Result {
        try ExternalTool.run(executable, args, environment: environment, directory: directory)
    }
}

@Suite("twofutures CLI")
struct CLITests {
    @Test(
        "the golden cases reproduce through the binary",
        arguments: [
            ["run", "--preset", "future1", "--format", "json"],
            [
                "run", "--preset", "status_quo", "--set",
                "export_controls=1,smuggling_enforcement=0,distillation_defense=0.6", "--horizon", "48", "--format",
                "json",
            ],
        ])
    func goldenThroughBinary(args: [String]) throws {
        let result = try CLI.run(args)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(doc["model"] as? String == "twofutures/2")
        #expect(doc["ensemble"] == nil, "no ensemble without --members")
        let outcome = doc["outcome"] as! [String: Any]
        let want = args.contains("48") ? 5.120154737909358 : 14.922471836417627
        let lead = try #require(outcome["lead_months"] as? Double)
        #expect(abs(lead - want) <= 1e-9 * want)
    }

    @Test("the same seed gives byte-identical JSON with 1 or 2 threads")
    func deterministicOutput() throws {
        let base = ["run", "--members", "3001", "--seed", "42", "--uncertainty", "0.7", "--format", "json"]
        let one = try CLI.run(base + ["--threads", "1"])
        let two = try CLI.run(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        let doc = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [String: Any]
        let ensemble = try #require(doc["ensemble"] as? [String: Any])
        #expect(ensemble["members"] as? Int == 3001)
        #expect(ensemble["seed"] as? Int == 42)
        let p90 = try #require(ensemble["p90"] as? [String: [Double]])
        #expect(p90["lead_months"]?.count == 37)
    }

    @Test("csv has a header and one row per month, with bands when asked")
    func csv() throws {
        let plain = try CLI.run(["run", "--horizon", "24", "--format", "csv"])
        let lines = plain.stdout.split(separator: "\n")
        #expect(lines.count == 26)
        #expect(
            lines[0]
                == "month,levers,lead_months,compute_share,adoption,norm_share,china_domestic,china_imports,"
                + "china_smuggled,china_offshore"
        )
        #expect(lines[1].hasPrefix("2026-01,policy,"))
        #expect(lines[25].hasPrefix("2028-01,"))
        let banded = try CLI.run(["run", "--members", "200", "--format", "csv"])
        let header = banded.stdout.split(separator: "\n")[0].split(separator: ",")
        #expect(header.count == 10 + 12)
        #expect(header.contains("lead_months_p10") && header.contains("norm_share_p90"))
    }

    @Test("the table shows the lead, the verdict, the probability and what moves it")
    func table() throws {
        let result = try CLI.run(["run", "--preset", "future1", "--format", "table"])
        #expect(result.status == 0)
        for needle in [
            "14.9 mo", "FUTURE 1", "P(Future 1)", "WHAT MOVES THE LEAD", "Export controls",
            "not a forecast", "ATTRIBUTION",
        ] {
            #expect(result.stdout.contains(needle), "missing \(needle)")
        }
    }

    @Test(
        "bad input exits 64 with one clear line",
        arguments: [
            (["run", "--set", "export_controls=1.4"], "export_controls must be within 0…1 (or 0%…100%)"),
            (["run", "--set", "export_control=0.5"], "did you mean 'export_controls'?"),
            (["run", "--set", "smugling_enforcement=0.5"], "Valid ids: export_controls, smuggling_enforcement"),
            (["run", "--horizon", "5"], "--horizon must be a whole number of months within 12…120, got '5'"),
            (["run", "--horizon", "abc"], "got 'abc'"),
            (["run", "--set", "export_controls=abc"], "'abc' is not a number"),
            (["run", "--set", "export_controls"], "--set expects id=value"),
            (["run", "--set", "control_leakage=50%"], "percentages are for levers"),
            (["run", "--set", "us_compute_growth=9"], "us_compute_growth must be within 2.0…5.0"),
            (["run", "--preset", "future3"], "unknown preset 'future3'"),
            (["run", "--format", "xml"], "--format must be json, csv or table"),
            (["run", "--members", "-5"], "--members must be a whole number"),
            (["run", "--seed", "x1"], "--seed must be a whole number"),
            (["run", "--uncertainty", "2"], "--uncertainty must be a number within 0…1"),
            (["run", "--frobnicate"], "frobnicate"),
            (["bench", "--members", "zero"], "--members must be a whole number"),
        ])
    func badInput(args: [String], message: String) throws {
        let result = try CLI.run(args)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line, got: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
    }

    @Test("status-quo is accepted as a preset name")
    func presetSpelling() throws {
        let a = try CLI.run(["run", "--preset", "status-quo", "--format", "json"])
        let b = try CLI.run(["run", "--format", "json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test("bench prints one JSON object of timings")
    func bench() throws {
        let result = try CLI.run(["bench", "--members", "500"])
        #expect(result.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in ["deterministic_run_ms", "full_update_ms", "ensemble_ms", "robust_ms", "map_ms", "threads"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        #expect((doc["ensemble_ms"] as? Double ?? -1) > 0)
        #expect(doc["members"] as? Int == 500)
    }

    @Test("bench --process measures the dashboard itself on a pseudo-terminal; --soak the memory under random keys")
    func benchProcess() throws {
        let result = try CLI.run(["bench", "--members", "200", "--process", "--idle-seconds", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        // Real measurements, not timings checked against a clock: each one happened.
        #expect((doc["startup_p50_ms"] as? Double ?? 0) > 0)
        #expect((doc["startup_max_ms"] as? Double ?? 0) >= (doc["startup_p50_ms"] as? Double ?? 1))
        #expect((doc["idle_cpu_percent"] as? Double ?? -1) >= 0)
        #expect(doc["idle_bytes"] as? Int == 0, "the idle dashboard wrote to the terminal")
        #expect((doc["peak_rss_mb"] as? Double ?? 0) > 1)
        #expect((doc["peak_rss_all_views_mb"] as? Double ?? 0) >= (doc["peak_rss_mb"] as? Double ?? 1))
        #expect((doc["bytes_per_arrow_key"] as? Double ?? 0) > 100, "an arrow key redraws the lever and the charts")
        let soak = try CLI.run(["bench", "--soak", "3", "--format", "table"])
        #expect(soak.status == 0, "\(soak.stderr)")
        #expect(soak.stdout.contains("RSS growth after the warm-up"))
        #expect(soak.stdout.contains("soak: keys sent"))
        let bad = try CLI.run(["bench", "--soak", "-1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("twofutures: --soak must be a number of seconds"))
    }

    @Test("help and version exit 0")
    func help() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("twofutures/2"))
    }
}

@Suite("README")
struct ReadmeTests {
    static var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    @Test("the README's parameter table is `twofutures parameters`")
    func parameterTable() throws {
        let result = try CLI.run(["parameters"])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        #expect(Self.readme.contains(result.stdout), "README.md is out of date: paste `twofutures parameters`")
    }

    @Test("the README gives the two commands")
    func commands() {
        #expect(Self.readme.contains("make run"))
        #expect(Self.readme.contains("make test"))
    }
}

@Suite("twofutures themes")
struct ThemesCLITests {
    static let bad = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../DashboardTests/Fixtures/themes/bad").standardized.path
    static let dark = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../../Themes/dark.toml").standardized.path

    @Test("lists the shipped themes with their source files")
    func list() throws {
        let result = try CLI.run(["themes"])
        #expect(result.status == 0)
        for name in ["dark", "light", "high-contrast", "colorblind", "mono"] {
            #expect(result.stdout.contains("Themes/\(name).toml"), "\(name)")
        }
    }

    @Test("--check passes good files and exits 65 with one line per bad file")
    func check() throws {
        let good = try CLI.run(["themes", "--check", Self.dark])
        #expect(good.status == 0)
        let result = try CLI.run(["themes", "--check", Self.dark, "\(Self.bad)/bad-colour.toml"])
        #expect(result.status == 65)
        #expect(
            result.stderr == "\(Self.bad)/bad-colour.toml:7: colors.future1: \"#12345\" is not a #rrggbb colour\n")
    }

    @Test("an unknown --theme is a usage error naming the themes found")
    func unknownTheme() throws {
        let result = try CLI.run(["--theme", "nope"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown theme 'nope'; available: dark, colorblind"))
    }
}

@Suite("Parser memory")
struct ParserMemoryTests {
    @Test("20,000 scenario parses grow the resident size by less than 6 MB (in a process of its own)")
    func noLeak() throws {
        let result = try CLI.run(["bench", "--parses", "20000"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let growth = try #require(doc["parse_rss_growth_kb"] as? Double)
        #expect(doc["parses"] as? Double == 20_000)
        #expect(growth < 6 * 1024, "VmRSS grew \(growth) kB")
        let bad = try CLI.run(["bench", "--parses", "0"])
        #expect(bad.status == 64)
    }
}
