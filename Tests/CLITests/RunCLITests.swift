import Foundation
import Testing

/// `twofutures run`: the golden cases, the three formats, determinism, presets, the
/// policy's start, version-1 inputs and bad input.
@Suite("twofutures run")
struct RunCLITests {
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
        #expect(doc["model"] as? String == "twofutures/3")
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
                + "china_smuggled,china_offshore,markets"
        )
        #expect(lines[1].hasPrefix("2026-01,policy,") && lines[1].hasSuffix(",us"))
        #expect(lines[25].hasPrefix("2028-01,"))
        let banded = try CLI.run(["run", "--members", "200", "--format", "csv"])
        let header = banded.stdout.split(separator: "\n")[0].split(separator: ",")
        #expect(header.count == 11 + 12)
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
            (
                ["run", "--worlds", "--worlds-members", "0"],
                "--worlds-members must be a whole number within 1…1000000, got '0'"
            ),
            (
                ["run", "--worlds", "--worlds-members", "2k"],
                "--worlds-members must be a whole number within 1…1000000, got '2k'"
            ),
            (
                ["run", "--worlds", "--worlds-members", "1000001"],
                "--worlds-members must be a whole number within 1…1000000, got '1000001'"
            ),
            (["run", "--worlds-members", "500"], "--worlds-members needs --worlds"),
            (["run", "--worlds", "--format", "csv"], "--worlds has no csv form (csv is one row per month)"),
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

    @Test("run: a year's delay of Future 1 gives a lead near 12.3 months, as months or as a date")
    func delayedFuture1() throws {
        let table = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=2027-01", "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Frontier lead            12.3 mo"), "\(table.stdout)")
        #expect(table.stdout.contains("Policy starts 2027-01"))
        let months = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=12", "--format", "json"])
        let date = try CLI.run(["run", "--preset", "future1", "--set", "policy_start=2027-01", "--format", "json"])
        #expect(months.stdout == date.stdout)
        let doc = try CLI.json(months.stdout)
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
                + "twofutures/3 (policy starts 2026-01, enforcement effectiveness 1.0), so its results differ from "
                + "version 1's\n")
        #expect(try CLI.json(file.stdout)["model"] as? String == "twofutures/3")
    }

    @Test("run --worlds adds MODEL.md section 5's worlds object, with or without --members")
    func worldsJSON() throws {
        let args = [
            "run", "--preset", "future1", "--worlds", "--worlds-members", "300", "--seed", "4", "--format", "json",
        ]
        let one = try CLI.run(args + ["--threads", "1"])
        let two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let doc = try CLI.json(one.stdout)
        #expect(doc["ensemble"] == nil, "no ensemble without --members")
        let worlds = try #require(doc["worlds"] as? [String: Any])
        let keys = ["members", "seed", "uncertainty", "summary", "sensitivity", "attribution", "response"]
        #expect(RobustMapCLITests.inOrder(["response", "worlds"] + keys, in: one.stdout))
        #expect(Set(worlds.keys) == Set(keys))
        #expect(
            worlds["members"] as? Int == 300 && worlds["seed"] as? Int == 4 && worlds["uncertainty"] as? Double == 0.5)
        let summary = ["median_lead", "p_future1", "p_future2", "p_china_markets"]
        let s = try #require(worlds["summary"] as? [String: Double])
        #expect(Set(s.keys) == Set(summary))
        let rows = try #require(worlds["sensitivity"] as? [[String: Any]])
        #expect(rows.count == 16)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "kind", "low", "high", "swing"] })
        let swings = rows.map { abs(($0["swing"] as! [String: Double])["median_lead"]!) }
        #expect(swings == swings.sorted(by: >))
        let attribution = try #require(worlds["attribution"] as? [String: Any])
        #expect(attribution["base"] as? String == "future2")
        #expect(RobustMapCLITests.inOrder(["attribution", "base", "base_summary", "total", "levers"], in: one.stdout))
        #expect((attribution["levers"] as? [String: Any])?.count == 5)
        let response = try #require(worlds["response"] as? [String: [String: Any]])
        #expect(response.count == 16)
        #expect(response["policy_start"]?["values"] as? [Int] == [0, 2, 5, 7, 10, 12, 14, 17, 19, 22, 24])
        #expect(response["export_controls"]?["median_lead"] as? [Double] != nil)
        #expect((response["control_leakage"]?["p_future1"] as? [Double])?.count == 11)
        // The default is 2000 worlds; with --members the ensemble comes too, in the same worlds.
        let both = try CLI.json(
            try CLI.run(["run", "--preset", "future1", "--worlds", "--members", "2000", "--format", "json"]).stdout)
        let w = try #require(both["worlds"] as? [String: Any])
        let e = try #require(both["ensemble"] as? [String: Any])
        #expect(w["members"] as? Int == 2000)
        let p = try #require(e["probability"] as? [String: Double])
        #expect((w["summary"] as? [String: Double])?["p_future1"] == p["future1"])
        #expect((w["summary"] as? [String: Double])?["p_china_markets"] == p["china_markets"])
    }

    @Test("run --worlds --format table says the tornado and the Shapley split across worlds in words, in 80 columns")
    func worldsTable() throws {
        let result = try CLI.run(["run", "--preset", "future1", "--worlds", "--worlds-members", "1000", "--seed", "2"])
        #expect(result.status == 0)
        let section = try #require(result.stdout.components(separatedBy: "\nACROSS 1000 WORLDS").last)
        #expect(section.hasPrefix(" (uncertainty 0.5, seed 2; the same worlds throughout)\n"))
        #expect(section.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(section)")
        #expect(
            section.contains(
                #/\n  Median lead \d+\.\d mo; P\(Future 1\) \d+ %, P\(Future 2\) \d+ %, P\(China's markets\) \d+ %\n/#))
        #expect(
            section.contains(
                "\n  What moves the median lead most (each parameter, low end → high end):\n    Export controls"))
        #expect(section.contains("\n  What moves P(Future 1) most (each parameter, low end → high end):\n"))
        #expect(section.contains(/swing \+\d+\.\d pts/))
        // The split, largest share first, with its total.
        let joined = section.replacingOccurrences(of: "\n      ", with: " ")
        #expect(
            joined.contains(
                #/\n    Of the \+\d+\.\d points of P\(Future 1\) from Future 2's levers to these: export controls \+\d+\.\d, /#
            ))
        #expect(
            joined.contains(
                #/\n    Of the −\d+\.\d points of P\(China's markets\) from Future 2's levers to these: AI export promotion −/#
            ))
        #expect(joined.contains(#/\n    Of the \+\d+\.\d months of the median lead from Future 2's levers to these: /#))
        // Without --worlds, no section.
        let plain = try CLI.run(["run", "--preset", "future1", "--members", "100"])
        #expect(!plain.stdout.contains("WORLDS ("))
    }
}
