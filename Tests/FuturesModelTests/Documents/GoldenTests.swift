import Foundation
import FuturesModel
import Testing

/// The golden outputs of MODEL.md (copies of the reference cases, in Fixtures/ so that a
/// clone tests alone). Which case checks which fields is said in `GoldenCase`: the
/// deterministic ones in full, the ensemble one and the three across worlds (run --worlds,
/// answer, map --members) within their statistical tolerances, through their documents.
@Suite("Golden cases")
struct GoldenTests {
    @Test("every case in Fixtures is checked")
    func everyCaseIsPlaced() throws {
        #expect(try GoldenCase.fixtureNames() == Set(GoldenCase.names))
        #expect(Set(GoldenCase.names).count == GoldenCase.names.count, "a case is listed twice")
    }

    @Test("deterministic cases match within 1e-9 relative", arguments: GoldenCase.deterministic)
    func deterministic(name: String) throws {
        let golden = try GoldenCase.load(name)
        let scenario = try golden.options().scenario
        let text = RunDocument(analysis: Analysis(scenario), ensemble: nil).json()
        let got = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let diffs = mismatches(got, golden.expect)
        #expect(diffs.isEmpty, "\(diffs.prefix(5))")
        // The document has exactly the keys of MODEL.md §5 (no ensemble without members).
        let keys = Set((got as! [String: Any]).keys)
        #expect(keys == Set(golden.expect.keys))
        // Model 3's verdict on the markets is among the fields checked.
        let outcome = try #require(golden.expect["outcome"] as? [String: Any])
        #expect(outcome["markets"] is String, "\(name): the case gives no outcome.markets")
    }

    @Test("the price-wins case loses the markets to China; the other cases keep them")
    func priceWins() throws {
        for name in GoldenCase.deterministic {
            let golden = try GoldenCase.load(name)
            let scenario = try golden.options().scenario
            let outcome = Simulation.outcome(scenario)
            let want = (golden.expect["outcome"] as? [String: Any])?["markets"] as? String
            #expect(want == (name == "price-wins-status-quo" ? "china" : "us"), "\(name)")
            #expect(outcome.markets.rawValue == want, "\(name)")
            #expect((outcome.adoption < 0.5) == (outcome.markets == .china), "\(name)")
        }
    }

    @Test("the ensemble case is within its statistical tolerance (probability, china_markets, bands, drivers)")
    func ensemble() throws {
        let golden = try GoldenCase.load(GoldenCase.ensemble)
        // The tolerances below are the case's own: fail if it states others.
        #expect(golden.tolerance.contains("ensemble.probability within 0.02"), "\(golden.tolerance)")
        #expect(golden.tolerance.contains("within 0.15 months"), "\(golden.tolerance)")
        let options = try golden.options()
        let scenario = options.scenario
        let ensembleSettings = try #require(options.members)
        #expect(ensembleSettings == EnsembleSettings(members: 20000, seed: 7, uncertainty: 0.5), "the case's args")
        let result = try #require(Ensemble.run(scenario, settings: ensembleSettings))
        let want = golden.expect["ensemble"] as! [String: Any]
        #expect(
            Set(want.keys) == GoldenCase.ensembleChecked, "a field of the case is not checked")
        let probability = want["probability"] as! [String: Double]
        #expect(Set(probability.keys) == Set(Future.allCases.map(\.rawValue) + ["china_markets"]))
        for f in Future.allCases {
            #expect(abs(result.probability[f] - probability[f.rawValue]!) <= 0.02, "P(\(f))")
        }
        let chinaMarkets = try #require(probability["china_markets"])
        #expect(abs(result.probability.chinaMarkets - chinaMarkets) <= 0.02, "P(china_markets)")
        let h = scenario.horizon
        for (key, band) in [("p10", result.p10), ("p50", result.p50), ("p90", result.p90)] {
            let w = (want[key] as! [String: Double])["lead_months"]!
            #expect(abs(band[OutcomeID.leadMonths.rawValue][h] - w) <= 0.15, "\(key) lead")
        }
        // The drivers: each share within 0.02; the same order where shares differ by more than 0.04.
        #expect(golden.tolerance.contains("each driver's share within 0.02"), "\(golden.tolerance)")
        #expect(golden.tolerance.contains("differ by more than 0.04"), "\(golden.tolerance)")
        let wanted = (want["drivers"] as! [[String: Any]]).map { ($0["id"] as! String, $0["share"] as! Double) }
        let drivers = Drivers.compute(scenario, settings: ensembleSettings)
        #expect(drivers.count == wanted.count && Set(drivers.map(\.assumption.id)) == Set(wanted.map(\.0)))
        let got = Dictionary(uniqueKeysWithValues: drivers.map { ($0.assumption.id, $0.share) })
        for (id, share) in wanted { #expect(abs((got[id] ?? -1) - share) <= 0.02, "driver \(id)") }
        let position = Dictionary(uniqueKeysWithValues: drivers.enumerated().map { ($1.assumption.id, $0) })
        for a in wanted {
            for b in wanted where a.1 - b.1 > 0.04 {
                #expect(position[a.0]! < position[b.0]!, "\(a.0) before \(b.0)")
            }
        }
    }

    /// The phrases of a statistical case's tolerance that the checks below implement: a case
    /// that states another tolerance fails.
    static let acrossWorldsTolerance = [
        "every probability (p_*) within 0.02", "every median_lead within 0.15 months",
    ]

    @Test("run --worlds: the worlds case within its statistical tolerance, through the JSON document")
    func worlds() throws {
        let golden = try GoldenCase.load(GoldenCase.worlds)
        for phrase in Self.acrossWorldsTolerance + [
            "the same for each Shapley share and total", "sensitivity row ids and kinds equal",
            "rows in the same order where their |swing of median_lead| differ by more than 0.3 months",
            "response checked at the three parameters given",
        ] {
            #expect(golden.tolerance.contains(phrase), "\(golden.tolerance) lacks \(phrase)")
        }
        let options = try golden.options()
        #expect(options.command == "run" && options.members == nil)
        let settings = try #require(options.worlds)
        #expect(settings == EnsembleSettings(members: 20000, seed: 11, uncertainty: 0.5), "the case's args")
        let worlds = try #require(WorldsAnalysis.compute(options.scenario, settings: settings))
        let text = RunDocument(analysis: Analysis(options.scenario), ensemble: nil, worlds: worlds).json()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let got = try #require(doc["worlds"] as? [String: Any])
        let want = try #require(golden.expect["worlds"] as? [String: Any])
        #expect(Set(want.keys) == GoldenCase.worldsChecked, "a field of the case is not checked")
        #expect(got["members"] as? Int == 20000 && got["seed"] as? Int == 11 && got["uncertainty"] as? Double == 0.5)
        func check(_ got: Any?, _ want: Any, _ what: String) {
            let diffs = statisticalMismatches(got, want, probability: 0.02, months: 0.15, path: what)
            #expect(diffs.isEmpty, "\(diffs.prefix(5))")
        }
        // The summary; the Shapley split: base, base summary, total and each lever's share.
        check(got["summary"], want["summary"]!, "summary")
        check(got["attribution"], want["attribution"]!, "attribution")
        // Sensitivity: the same rows (ids and kinds), each within the tolerance, and in the
        // same order wherever the case's |swing of median_lead| differ by more than 0.3 months.
        let rows = try #require(got["sensitivity"] as? [[String: Any]])
        let wantRows = try #require(want["sensitivity"] as? [[String: Any]])
        func key(_ row: [String: Any]) -> String { "\(row["id"] as? String ?? "?")/\(row["kind"] as? String ?? "?")" }
        #expect(rows.map(key).sorted() == wantRows.map(key).sorted())
        #expect(rows.count == ParameterID.all.count)
        let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { (key($1), $0) })
        for row in wantRows {
            let id = key(row)
            check(position[id].map { rows[$0] }, row, "sensitivity \(id)")
        }
        func swing(_ row: [String: Any]) -> Double {
            abs((row["swing"] as? [String: Any])?["median_lead"] as? Double ?? .nan)
        }
        var ordered = 0
        for a in wantRows {
            for b in wantRows where swing(a) - swing(b) > 0.3 {
                ordered += 1
                #expect((position[key(a)] ?? .max) < (position[key(b)] ?? -1), "\(key(a)) before \(key(b))")
            }
        }
        #expect(ordered > 0)
        // Response: every parameter in the document; the case's three checked.
        let response = try #require(got["response"] as? [String: Any])
        #expect(Set(response.keys) == Set(ParameterID.all.map(\.spec.id)))
        let wantResponse = try #require(want["response"] as? [String: Any])
        #expect(wantResponse.count == 3)
        check(response.filter { wantResponse[$0.key] != nil }, wantResponse, "response")
        let start = try #require(response["policy_start"] as? [String: Any])
        #expect(start["values"] as? [Int] == [0, 2, 5, 7, 10, 12, 14, 17, 19, 22, 24], "whole months")
    }

    @Test("answer: the status-quo case within its statistical tolerance, through the JSON document")
    func answer() throws {
        let golden = try GoldenCase.load(GoldenCase.answer)
        for phrase in Self.acrossWorldsTolerance + [
            "the same for each Shapley share and total",
            "columns in this order with these ids, names and assumptions (exact)",
        ] {
            #expect(golden.tolerance.contains(phrase), "\(golden.tolerance) lacks \(phrase)")
        }
        let options = try golden.options()
        #expect(options.command == "answer")
        let settings = try #require(options.members)
        #expect(settings == EnsembleSettings(members: 20000, seed: 5, uncertainty: 0.5), "the case's args")
        let answer = try #require(Answer.compute(options.scenario, settings: settings))
        let doc = try #require(
            try JSONSerialization.jsonObject(with: Data(answer.json().utf8)) as? [String: Any])
        #expect(Set(golden.expect.keys) == ["columns"], "a field of the case is not checked")
        let columns = try #require(doc["columns"] as? [[String: Any]])
        let wantColumns = try #require(golden.expect["columns"] as? [[String: Any]])
        #expect(columns.map { $0["id"] as? String } == wantColumns.map { $0["id"] as? String })
        #expect(columns.map { $0["name"] as? String } == wantColumns.map { $0["name"] as? String })
        for (column, want) in zip(columns, wantColumns) {
            #expect(Set(want.keys) == ["id", "name", "assumptions", "summary", "base", "delayed", "shapley"])
            // Ids, names and assumptions exactly; the four Summaries within the tolerance.
            let diffs = statisticalMismatches(
                column, want, probability: 0.02, months: 0.15, path: want["id"] as? String ?? "?")
            #expect(diffs.isEmpty, "\(diffs.prefix(5))")
        }
    }

    @Test("map --members: the map across worlds within its statistical tolerance, through the JSON document")
    func worldsMap() throws {
        let golden = try GoldenCase.load(GoldenCase.worldsMap)
        for phrase in ["x and y values exact", "every p_* within 0.02 and median_lead within 0.15 months"] {
            #expect(golden.tolerance.contains(phrase), "\(golden.tolerance) lacks \(phrase)")
        }
        let options = try golden.options()
        let grid = try #require(options.map)
        #expect(grid == MapOptions(x: .lever(.exportControls), y: .assumption(.enforcementEffectiveness), nx: 5, ny: 4))
        let settings = try #require(options.members)
        #expect(settings == EnsembleSettings(members: 20000, seed: 3, uncertainty: 0.5), "the case's args")
        let map = try #require(
            FuturesMap.compute(options.scenario, x: grid.x, y: grid.y, nx: grid.nx, ny: grid.ny))
        let worlds = try #require(
            WorldsMap.compute(options.scenario, x: grid.x, y: grid.y, nx: grid.nx, ny: grid.ny, settings: settings))
        let doc = try #require(
            try JSONSerialization.jsonObject(with: Data(map.json(worlds: worlds).utf8)) as? [String: Any])
        #expect(
            Set(golden.expect.keys) == ["x", "y", "median_lead", "p_future1", "p_future2", "p_china_markets"],
            "a field of the case is not checked")
        // The axes exactly (`statisticalMismatches` holds every other number to equality).
        let diffs = statisticalMismatches(doc, golden.expect, probability: 0.02, months: 0.15)
        #expect(diffs.isEmpty, "\(diffs.prefix(5))")
        #expect(doc["members"] as? Int == 20000 && doc["seed"] as? Int == 3 && doc["uncertainty"] as? Double == 0.5)
    }

    @Test("the calibration of MODEL.md §6 holds")
    func calibration() {
        let a = Assumptions()
        let f1 = Simulation.run(Scenario(levers: Preset.future1.levers, assumptions: a)).outcome
        let sq = Simulation.run(Scenario(levers: Preset.statusQuo.levers, assumptions: a)).outcome
        let f2 = Simulation.run(Scenario(levers: Preset.future2.levers, assumptions: a)).outcome
        #expect(abs(f1.leadMonths - 14.9) < 0.05 && f1.future == .future1)
        #expect(abs(f1.adoption - 0.89) < 0.005)
        #expect(abs(sq.leadMonths - 3.7) < 0.05 && sq.future == .contested)
        #expect(abs(f2.leadMonths - 2.1) < 0.05 && f2.future == .future2)
        #expect(abs(f2.adoption - 0.58) < 0.005)
        let ratio = f1.computeShare / (1 - f1.computeShare)
        #expect(abs(ratio - 13.7) < 0.05)
        let sqRatio = sq.computeShare / (1 - sq.computeShare)
        #expect(abs(sqRatio - 3.3) < 0.05)
        let f2Ratio = f2.computeShare / (1 - f2.computeShare)
        #expect(abs(f2Ratio - 2.7) < 0.05)
        // A delayed Future 1 (MODEL.md §6): a year, then two.
        var delayed = Scenario(levers: Preset.future1.levers, assumptions: a, policyStart: 12)
        #expect(abs(Simulation.outcome(delayed).leadMonths - 12.3) < 0.05)
        delayed.policyStart = 24
        #expect(abs(Simulation.outcome(delayed).leadMonths - 8.9) < 0.05)
        #expect(abs(Simulation.run(Scenario()).series[0][0] - 6.3) < 0.05, "lag in January 2026")
    }
}
