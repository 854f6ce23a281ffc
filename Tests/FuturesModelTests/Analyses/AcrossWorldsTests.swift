import Foundation
import FuturesModel
import TestSupport
import Testing

/// "Robustness across worlds" (MODEL.md §4): paired draws, the rows' arithmetic, their
/// order, thread independence, and agreement with the ensemble itself.
@Suite("Robustness across worlds")
struct AcrossWorldsTests {
    static func row(_ result: RobustnessResult, _ id: ParameterID) throws -> RobustnessRow {
        try #require(result.rows.first { $0.parameter == id })
    }

    /// A random scenario with its horizon cut to 12…48 months, so that the many runs stay quick.
    static func scenario(using rng: inout SeededGenerator) -> Scenario {
        var s = Scenario.random(using: &rng)
        s.horizon = Int.random(in: 12...48, using: &rng)
        return s
    }

    @Test("a lever without effect gains exactly nothing in every world: anti-smuggling and offshore without controls")
    func pairedDraws() throws {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<10 {
            var s = Self.scenario(using: &rng)
            s.levers.exportControls = 0
            s.policyStart = 0
            let settings = EnsembleSettings(
                members: 777, seed: rng.next(), uncertainty: Double.random(in: 0...1, using: &rng))
            let result = try #require(Robustness.run(s, settings: settings))
            for lever in [LeverID.smugglingEnforcement, .offshoreControls] {
                let row = try Self.row(result, .lever(lever))
                // No member gains or loses: every gain is exactly 0.
                #expect(row.helps == 0 && row.hurts == 0 && row.pivotal == 0, "\(lever)")
                #expect(row.medianGain == 0)
                #expect(row.pFuture1.delta == 0 && row.pFuture2.delta == 0)
                #expect(row.pFuture1.weak == row.pFuture1.strong && row.pFuture2.weak == row.pFuture2.strong)
            }
        }
    }

    @Test("deltas are strong − weak exactly, fractions lie in [0, 1], helps + hurts ≤ 1, in the JSON too")
    func deltasAddUp() throws {
        var rng = SeededGenerator(seed: 15)
        for _ in 0..<8 {
            let s = Self.scenario(using: &rng)
            let n = 1 + rng.below(900)
            let result = try #require(Robustness.run(s, settings: EnsembleSettings(members: n, seed: rng.next())))
            #expect(result.rows.count == 6)
            #expect(Set(result.rows.map(\.id)).count == 6)
            // Read with Double(_:), which round-trips (JSONSerialization may not, on Linux).
            let json = result.json()
            let triples = json.matches(of: /"weak": ([-0-9.e]+),\s*"strong": ([-0-9.e]+),\s*"delta": ([-0-9.e]+)/)
            #expect(triples.count == 12)
            for t in triples {
                let (weak, strong, delta) = (Double(t.output.1)!, Double(t.output.2)!, Double(t.output.3)!)
                #expect(delta == strong - weak, "\(t.output.0)")
            }
            for row in result.rows {
                for p in [row.pFuture1, row.pFuture2] {
                    #expect(p.delta == p.strong - p.weak)
                    #expect((0...1).contains(p.weak) && (0...1).contains(p.strong))
                }
                #expect(row.helps + row.hurts <= 1)
                #expect(row.pivotal <= 1)
            }
        }
    }

    @Test("rows are sorted by |ΔP(F1)| + |ΔP(F2)|, then |median gain|, ties in table order")
    func order() throws {
        var rng = SeededGenerator(seed: 16)
        let table = Robustness.parameters
        for _ in 0..<30 {
            var s = Self.scenario(using: &rng)
            if rng.chance(0.3) { s.levers = rng.pick(Preset.allCases).levers }
            let n = 1 + rng.below(300)
            let result = try #require(Robustness.run(s, settings: EnsembleSettings(members: n, seed: rng.next())))
            #expect(Set(result.rows.map(\.parameter)) == Set(table))
            // The first key in whole members: the fractions are counts over n.
            func moved(_ r: RobustnessRow) -> Int {
                let c = { (p: Double) in Int((p * Double(n)).rounded()) }
                return abs(c(r.pFuture1.strong) - c(r.pFuture1.weak)) + abs(c(r.pFuture2.strong) - c(r.pFuture2.weak))
            }
            for (a, b) in zip(result.rows, result.rows.dropFirst()) {
                let place = { (r: RobustnessRow) in table.firstIndex(of: r.parameter)! }
                if moved(a) != moved(b) {
                    #expect(moved(a) > moved(b))
                } else if abs(a.medianGain) != abs(b.medianGain) {
                    #expect(abs(a.medianGain) > abs(b.medianGain))
                } else {
                    #expect(place(a) < place(b), "a tie keeps table order")
                }
            }
        }
    }

    @Test("the same seed gives the same bytes with 1, 2 or 3 threads")
    func threadIndependence() throws {
        var rng = SeededGenerator(seed: 17)
        for members in [1, 7, 8, 1001, 2000] {
            let s = Self.scenario(using: &rng)
            let settings = EnsembleSettings(members: members, seed: 99, uncertainty: 0.7)
            let texts = try [1, 2, 3].map { threads in
                try #require(Robustness.run(s, settings: settings, threads: threads)).json()
            }
            #expect(texts[0] == texts[1])
            #expect(texts[0] == texts[2])
        }
    }

    @Test("each probability is the ensemble's own for that setting, exactly: the same draws, the same arithmetic")
    func agreesWithTheEnsemble() throws {
        var rng = SeededGenerator(seed: 18)
        for _ in 0..<4 {
            var s = Self.scenario(using: &rng)
            s.policyStart = rng.below(25)
            let settings = EnsembleSettings(members: 300 + rng.below(300), seed: rng.next(), uncertainty: 0.5)
            let result = try #require(Robustness.run(s, settings: settings, threads: 2))
            for row in result.rows {
                for (value, p1, p2) in [
                    (row.weak, row.pFuture1.weak, row.pFuture2.weak),
                    (row.strong, row.pFuture1.strong, row.pFuture2.strong),
                ] {
                    var setting = s
                    setting[row.parameter] = value
                    let ensemble = try #require(Ensemble.run(setting, settings: settings, threads: 1))
                    #expect(ensemble.probability.future1 == p1, "\(row.id) at \(value)")
                    #expect(ensemble.probability.future2 == p2, "\(row.id) at \(value)")
                }
            }
        }
    }

    @Test("with no uncertainty every world is the deterministic run")
    func zeroUncertainty() throws {
        var rng = SeededGenerator(seed: 19)
        for _ in 0..<20 {
            let s = Self.scenario(using: &rng)
            let result = try #require(
                Robustness.run(s, settings: EnsembleSettings(members: 9, seed: 3, uncertainty: 0)))
            for row in result.rows {
                var weak = s, strong = s
                weak[row.parameter] = row.weak
                strong[row.parameter] = row.strong
                let (a, b) = (Simulation.outcome(weak).leadMonths, Simulation.outcome(strong).leadMonths)
                let gain = b - a
                #expect(abs(row.medianGain - gain) <= 1e-9 * max(1, abs(gain)), "\(row.id)")
                // Futures far enough from a threshold that the kernel's 1e-12 cannot move them.
                let near = [a, b].contains { x in
                    [Constants.future1Threshold, Constants.future2Threshold].contains { abs(x - $0) < 1e-6 }
                }
                if near { continue }
                #expect(row.pFuture1.weak == (Future(lead: a) == .future1 ? 1 : 0))
                #expect(row.pFuture2.strong == (Future(lead: b) == .future2 ? 1 : 0))
                #expect(row.pivotal == (Future(lead: a) != Future(lead: b) ? 1 : 0))
                if abs(gain) > 1e-6 { #expect(gain > 0 ? row.helps == 1 : row.hurts == 1) }
            }
        }
    }

    @Test("the rows' settings: Future 2's lever value to Future 1's; the start from 12 months to now")
    func settings() {
        #expect(Robustness.weakAndStrong(.lever(.exportControls)) == (0.3, 0.9))
        #expect(Robustness.weakAndStrong(.lever(.exportPromotion)) == (0.1, 0.75))
        #expect(Robustness.weakAndStrong(.policyStart) == (12, 0))
    }

    @Test("the issue's reference findings hold (2000 worlds, seed 1, uncertainty 0.5)")
    func referenceFindings() throws {
        let settings = EnsembleSettings(members: 2000, seed: 1)
        // Future 1's levers: Future 1 is a coin flip, and export controls decide it in half the worlds.
        let future1 = try #require(Robustness.run(Scenario(levers: Preset.future1.levers), settings: settings))
        let controls = try Self.row(future1, .lever(.exportControls))
        #expect(future1.rows.first?.parameter == .lever(.exportControls))
        #expect((0.45...0.57).contains(controls.pFuture1.strong), "\(controls.pFuture1.strong)")
        #expect((0.45...0.6).contains(controls.pivotal), "\(controls.pivotal)")
        // Backfire and leakage high at the status quo: offshore controls cut P(Future 2) most.
        var critics = Scenario()
        critics.assumptions.controlsBackfire = 0.9
        critics.assumptions.controlLeakage = 0.95
        let leaky = try #require(Robustness.run(critics, settings: settings))
        let most = leaky.rows.min { $0.pFuture2.delta < $1.pFuture2.delta }
        #expect(most?.parameter == .lever(.offshoreControls))
        // All the critics at once: no lever moves P(Future 2) by more than 2 points.
        critics.assumptions.chinaDomesticGrowth = 1.8
        critics.assumptions.enforcementEffectiveness = 0.5
        critics.assumptions.distillationEfficiency = 0.5
        critics.assumptions.countermeasureFeasibility = 0.15
        critics.assumptions.chinaPriceAdvantage = 30
        let all = try #require(Robustness.run(critics, settings: settings))
        for row in all.rows { #expect(abs(row.pFuture2.delta) <= 0.02, "\(row.id)") }
    }

    @Test("a cancelled run returns nil")
    func cancelled() {
        #expect(Robustness.run(Scenario(), settings: EnsembleSettings(members: 100), isCancelled: { true }) == nil)
    }
}
