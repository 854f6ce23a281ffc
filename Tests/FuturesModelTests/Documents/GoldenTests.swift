import Foundation
import FuturesModel
import Testing

/// The golden outputs of MODEL.md (copied from the reference cases into Fixtures/).
@Suite("Golden cases")
struct GoldenTests {
    @Test(
        "deterministic cases match within 1e-9 relative",
        arguments: GoldenCase.names.filter { $0 != "ensemble-status-quo" })
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
    }

    @Test("the ensemble case is within its statistical tolerance")
    func ensemble() throws {
        let golden = try GoldenCase.load("ensemble-status-quo")
        let (scenario, settings) = try golden.options()
        let ensembleSettings = try #require(settings)
        let result = try #require(Ensemble.run(scenario, settings: ensembleSettings))
        let want = golden.expect["ensemble"] as! [String: Any]
        let probability = want["probability"] as! [String: Double]
        for f in Future.allCases {
            #expect(abs(result.probability[f] - probability[f.rawValue]!) <= 0.02, "P(\(f))")
        }
        let h = scenario.horizon
        for (key, band) in [("p10", result.p10), ("p50", result.p50), ("p90", result.p90)] {
            let w = (want[key] as! [String: Double])["lead_months"]!
            #expect(abs(band[OutcomeID.leadMonths.rawValue][h] - w) <= 0.15, "\(key) lead")
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
