import Foundation
import TestSupport
import Testing

/// scripts/numpy_ensemble.py, the NumPy reference that `bench` times: it must run the same
/// ensemble as `twofutures run`, or the ratio would compare different work.
@Suite("NumPy reference")
struct NumPyReferenceTests {
    static let script = CLI.path("scripts/numpy_ensemble.py")

    /// The python3 that bench uses (`make deps`' virtual environment's, else the one on
    /// PATH), when it has NumPy.
    static let numpyPython = try? ExternalTool.python(with: "numpy")

    @Test(
        "the NumPy reference gives the same median lead and probabilities as twofutures run",
        .enabled(if: numpyPython != nil, "python3 with NumPy is missing (make deps installs it)"))
    func sameEnsemble() throws {
        let python = try #require(Self.numpyPython)
        let members = 1500
        let numpy = try CLI.run(python, [Self.script, String(members), "1"])
        #expect(numpy.status == 0, "\(numpy.stderr)")
        let reference = try CLI.json(numpy.stdout)
        let run = try CLI.run(["run", "--members", String(members), "--format", "json"])
        #expect(run.status == 0)
        let doc = try CLI.json(run.stdout)
        let ensemble = try #require(doc["ensemble"] as? [String: Any])
        let p50 = try #require((ensemble["p50"] as? [String: Any])?["lead_months"] as? [Double])
        let want = try #require(reference["p50_lead"] as? Double)
        // MODEL.md §4 "Precision": the ensemble may run in Float32, within 1e-3 months.
        #expect(abs(try #require(p50.last) - want) <= 1e-3, "NumPy \(want), twofutures \(p50.last ?? .nan)")
        let probability = try #require(ensemble["probability"] as? [String: Double])
        let wantP = try #require(reference["probability"] as? [Double])
        let got: [Double?] = [probability["future1"], probability["contested"], probability["future2"]]
        #expect(got == wantP.map { Optional($0) })
    }

    // MARK: scripts/numpy_worlds.py, the NumPy reference of the worlds analysis

    static let worldsScript = CLI.path("scripts/numpy_worlds.py")

    /// A golden case's copy in the model tests' Fixtures (never ../shared).
    static func fixture(_ name: String) throws -> [String: Any] {
        let url = CLI.root.appendingPathComponent("Tests/FuturesModelTests/Fixtures/\(name).json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static let summaryKeys = ["median_lead", "p_future1", "p_future2", "p_china_markets"]

    /// The case's own statistical tolerance: a probability within 0.02, a median lead
    /// within 0.15 months.
    static func within(_ key: String) -> Double { key == "median_lead" ? 0.15 : 0.02 }

    /// Every number of an expected Summary `want` against `got`'s, within the case's tolerance.
    static func expectSummary(_ got: Any?, _ want: Any?, _ label: String) throws {
        let got = try #require(got as? [String: Double], "\(label) missing")
        let want = try #require(want as? [String: Double], "\(label) missing in the case")
        #expect(Set(want.keys) == Set(summaryKeys), "\(label)")
        for key in summaryKeys {
            let g = try #require(got[key], "\(label).\(key)"), w = try #require(want[key])
            #expect(abs(g - w) <= within(key), "\(label).\(key): NumPy \(g), case \(w)")
        }
    }

    @Test(
        "the NumPy worlds reference reproduces the worlds-future1 case at its 20,000 members, within its tolerance",
        .enabled(if: numpyPython != nil, "python3 with NumPy is missing (make deps installs it)"))
    func worldsGoldenCase() throws {
        let python = try #require(Self.numpyPython)
        let golden = try Self.fixture("worlds-future1")
        let args = try #require(golden["args"] as? [String])
        // The run the case states (future1, 20,000 worlds, seed 11), at its stated tolerance.
        #expect(
            args == [
                "run", "--preset", "future1", "--worlds", "--worlds-members", "20000", "--seed", "11", "--format",
                "json",
            ])
        let tolerance = try #require(golden["tolerance"] as? String)
        #expect(tolerance.contains("every probability (p_*) within 0.02 and every median_lead within 0.15 months"))
        #expect(tolerance.contains("differ by more than 0.3 months"))
        let want = try #require((golden["expect"] as? [String: Any])?["worlds"] as? [String: Any])
        let wantResponse = try #require(want["response"] as? [String: [String: [Double]]])
        // Only the response curves the case checks (97 scenarios instead of 240: the same
        // Summaries, paired over the same uniforms, in a third of the time).
        let curves = wantResponse.keys.sorted().joined(separator: ",")
        let result = try CLI.run(
            python, [Self.worldsScript, "20000", "1", "--preset", "future1", "--seed", "11", "--response", curves])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try CLI.json(result.stdout)
        #expect(got["members"] as? Int == 20000)

        try Self.expectSummary(got["summary"], want["summary"], "summary")

        let gotRows = try #require(got["sensitivity"] as? [[String: Any]])
        let wantRows = try #require(want["sensitivity"] as? [[String: Any]])
        let gotByID = Dictionary(uniqueKeysWithValues: gotRows.map { ($0["id"] as? String ?? "", $0) })
        #expect(Set(gotByID.keys) == Set(wantRows.map { $0["id"] as? String ?? "" }))
        for row in wantRows {
            let id = try #require(row["id"] as? String)
            let mine = try #require(gotByID[id], "no sensitivity row \(id)")
            #expect(mine["kind"] as? String == row["kind"] as? String, "\(id)")
            for side in ["low", "high", "swing"] {
                try Self.expectSummary(mine[side], row[side], "sensitivity.\(id).\(side)")
            }
        }
        // The case's order rule: rows whose |swing of median_lead| differ by more than 0.3
        // months come in the case's order.
        let order = gotRows.map { $0["id"] as? String ?? "" }
        let swings = try wantRows.map { row in
            (
                try #require(row["id"] as? String),
                abs(try #require((row["swing"] as? [String: Double])?["median_lead"]))
            )
        }
        for (i, a) in swings.enumerated() {
            for b in swings[(i + 1)...] where abs(a.1 - b.1) > 0.3 {
                let first = try #require(order.firstIndex(of: a.0)), second = try #require(order.firstIndex(of: b.0))
                #expect(first < second, "\(a.0) (|swing| \(a.1)) must come before \(b.0) (\(b.1))")
            }
        }

        let gotAttribution = try #require(got["attribution"] as? [String: Any])
        let wantAttribution = try #require(want["attribution"] as? [String: Any])
        #expect(gotAttribution["base"] as? String == "future2")
        for field in ["base_summary", "total"] {
            try Self.expectSummary(gotAttribution[field], wantAttribution[field], "attribution.\(field)")
        }
        let gotShares = try #require(gotAttribution["levers"] as? [String: Any])
        let wantShares = try #require(wantAttribution["levers"] as? [String: Any])
        #expect(Set(gotShares.keys) == Set(wantShares.keys))
        for (lever, share) in wantShares {
            try Self.expectSummary(gotShares[lever], share, "attribution.levers.\(lever)")
        }

        let gotResponse = try #require(got["response"] as? [String: [String: [Double]]])
        for (parameter, curve) in wantResponse {
            let mine = try #require(gotResponse[parameter], "no response curve \(parameter)")
            #expect(mine["values"]?.count == 11 && curve["values"]?.count == 11, "\(parameter)")
            for (g, w) in zip(mine["values"] ?? [], curve["values"] ?? []) {
                #expect(abs(g - w) <= 1e-12, "response.\(parameter).values: \(g), case \(w)")
            }
            for key in ["median_lead", "p_future1"] {
                let g = try #require(mine[key]), w = try #require(curve[key])
                #expect(g.count == 11 && w.count == 11)
                for (i, (x, y)) in zip(g, w).enumerated() {
                    #expect(abs(x - y) <= Self.within(key), "response.\(parameter).\(key)[\(i)]: NumPy \(x), case \(y)")
                }
            }
        }
    }

    @Test(
        "at uncertainty 0 every world is the central run: the NumPy worlds reference gives preset-future1's leads",
        .enabled(if: numpyPython != nil, "python3 with NumPy is missing (make deps installs it)"))
    func worldsAtNoUncertainty() throws {
        let python = try #require(Self.numpyPython)
        let central = try #require(try Self.fixture("preset-future1")["expect"] as? [String: Any])
        let result = try CLI.run(python, [Self.worldsScript, "16", "1", "--preset", "future1", "--uncertainty", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try CLI.json(result.stdout)
        #expect(got["scenarios"] as? Int == 240)
        // MODEL.md's deterministic tolerance; each probability is 0 or 1 (lead ≥ 12, lead ≤ 3,
        // adoption < 0.5).
        func expectCentral(_ summary: Any?, _ outcome: Any?, _ label: String) throws {
            let s = try #require(summary as? [String: Double], "\(label)")
            let o = try #require(outcome as? [String: Any], "\(label)")
            let lead = try #require(o["lead_months"] as? Double), adoption = try #require(o["adoption"] as? Double)
            #expect(abs(try #require(s["median_lead"]) - lead) <= 1e-9 * max(1, abs(lead)), "\(label)")
            #expect(s["p_future1"] == (lead >= 12 ? 1 : 0), "\(label)")
            #expect(s["p_future2"] == (lead <= 3 ? 1 : 0), "\(label)")
            #expect(s["p_china_markets"] == (adoption < 0.5 ? 1 : 0), "\(label)")
        }
        try expectCentral(got["summary"], central["outcome"], "summary")
        let rows = try #require(got["sensitivity"] as? [[String: Any]])
        let wantRows = try #require(central["sensitivity"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == wantRows.map { $0["id"] as? String })
        for (row, want) in zip(rows, wantRows) {
            for side in ["low", "high"] {
                try expectCentral(row[side], want[side], "sensitivity.\(want["id"] ?? "").\(side)")
            }
        }
        let shares = try #require((got["attribution"] as? [String: Any])?["levers"] as? [String: [String: Double]])
        let wantShares = try #require(
            (central["attribution"] as? [String: Any])?["levers"] as? [String: [String: Double]])
        for (lever, share) in wantShares {
            let w = try #require(share["lead_months"]), g = try #require(shares[lever]?["median_lead"])
            #expect(abs(g - w) <= 1e-9 * max(1, abs(w)), "attribution.levers.\(lever)")
        }
        let response = try #require(got["response"] as? [String: [String: [Double]]])
        let wantResponse = try #require(central["response"] as? [String: [Double]])
        for (lever, leads) in wantResponse {
            let mine = try #require(response[lever]?["median_lead"])
            #expect(mine.count == leads.count)
            for (g, w) in zip(mine, leads) { #expect(abs(g - w) <= 1e-9 * max(1, abs(w)), "response.\(lever)") }
        }
    }

    @Test(
        "the NumPy worlds reference's own Summary is twofutures run's ensemble over the same worlds",
        .enabled(if: numpyPython != nil, "python3 with NumPy is missing (make deps installs it)"))
    func worldsSameDraws() throws {
        let python = try #require(Self.numpyPython)
        let members = 1500
        let numpy = try CLI.run(
            python,
            [
                Self.worldsScript, String(members), "1", "--preset", "future1", "--seed", "11", "--response",
                "export_controls",
            ])
        #expect(numpy.status == 0, "\(numpy.stderr)")
        let summary = try #require(try CLI.json(numpy.stdout)["summary"] as? [String: Double])
        let run = try CLI.run(
            ["run", "--preset", "future1", "--members", String(members), "--seed", "11", "--format", "json"])
        #expect(run.status == 0)
        let ensemble = try #require(try CLI.json(run.stdout)["ensemble"] as? [String: Any])
        let p50 = try #require((ensemble["p50"] as? [String: Any])?["lead_months"] as? [Double])
        let probability = try #require(ensemble["probability"] as? [String: Double])
        // MODEL.md §4 "Precision": the ensemble may run in Float32, within 1e-3 months.
        let lead = try #require(summary["median_lead"])
        #expect(abs(try #require(p50.last) - lead) <= 1e-3, "NumPy \(lead), twofutures \(p50.last ?? .nan)")
        // And every probability within one member.
        for (key, id) in [("p_future1", "future1"), ("p_future2", "future2"), ("p_china_markets", "china_markets")] {
            let g = try #require(summary[key]), w = try #require(probability[id])
            #expect(abs(g - w) <= 1.0 / Double(members) + 1e-12, "\(key): NumPy \(g), twofutures \(w)")
        }
    }

    @Test("bench reports numpy_ms and numpy_ratio, numbers with NumPy and null without")
    func benchKeys() throws {
        let result = try CLI.run(["bench", "--members", "300"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try CLI.json(result.stdout)
        for key in ["numpy_ms", "numpy_ratio"] {
            let value = try #require(doc[key], "missing \(key)")
            if Self.numpyPython != nil {
                #expect((value as? Double ?? 0) > 0, "\(key)")
            } else {
                #expect(value is NSNull, "\(key)")
                #expect(result.stderr.contains("numpy_ms:"))
            }
        }
    }
}
