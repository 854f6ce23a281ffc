import Foundation
import FuturesModel
import Testing

/// The golden outputs of MODEL.md (copies of the reference cases, in Fixtures/ so that a
/// clone tests alone). Which case checks which fields is said in `GoldenCase`: the
/// deterministic ones in full, the ensemble one within its statistical tolerance, and the
/// later slices' cases as known issues.
@Suite("Golden cases")
struct GoldenTests {
    @Test("every case in Fixtures is checked, checked in part, or listed as not yet covered")
    func everyCaseIsPlaced() throws {
        #expect(try GoldenCase.fixtureNames() == Set(GoldenCase.names))
        #expect(Set(GoldenCase.names).count == GoldenCase.names.count, "a case is listed twice")
    }

    @Test("deterministic cases match within 1e-9 relative", arguments: GoldenCase.deterministic)
    func deterministic(name: String) throws {
        let golden = try GoldenCase.load(name)
        let (scenario, _) = try golden.options()
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
            let (scenario, _) = try golden.options()
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
        let (scenario, settings) = try golden.options()
        let ensembleSettings = try #require(settings)
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

    @Test(
        "the statistical cases of later slices are reported, not passed",
        arguments: GoldenCase.notYetCovered.keys.sorted())
    func notYetCovered(name: String) throws {
        let golden = try GoldenCase.load(name)
        #expect(golden.tolerance.hasPrefix("statistical"))
        withKnownIssue("not yet covered: \(GoldenCase.notYetCovered[name]!)") {
            Issue.record("\(name) is not checked")
        }
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
