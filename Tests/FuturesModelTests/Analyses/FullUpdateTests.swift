import Foundation
import FuturesModel
import TestSupport
import Testing

/// The full update runs each distinct scenario once, several side by side: its results must
/// be bit for bit those of one `Simulation.outcome` per scenario.
@Suite("Full update")
struct FullUpdateTests {
    /// Random scenarios, and ones whose levers sit at the Future 2 preset's values or at
    /// curve samples (where coalitions and samples coincide).
    static func scenarios() -> [Scenario] {
        var rng = SeededGenerator(seed: 99)
        var out = (0..<8).map { _ in Scenario.random(using: &rng) }
        for preset in Preset.allCases {
            var s = Scenario(levers: preset.levers)
            out.append(s)
            s.levers[.exportControls] = 0.7
            s.policyStart = 3
            out.append(s)
        }
        var mixed = Scenario.random(using: &rng)
        mixed.levers = Levers([0.3, 0.6, 0.1, 0.4, 0.1])
        out.append(mixed)
        return out
    }

    @Test("curves and sensitivity equal one Simulation.outcome per sample, bit for bit")
    func curvesAndSensitivity() {
        for s in Self.scenarios() {
            let analysis = Analysis(s)
            #expect(analysis.response == Response.curves(s), "\(s)")
            for row in analysis.sensitivity {
                var low = s, high = s
                low[row.parameter] = row.parameter.spec.min
                high[row.parameter] = row.parameter.spec.max
                #expect(row.low == Simulation.outcome(low) && row.high == Simulation.outcome(high), "\(row.id)")
            }
        }
    }

    @Test("attribution equals the Shapley split of one Simulation.outcome per coalition, bit for bit")
    func attribution() {
        let n = LeverID.allCases.count
        for s in Self.scenarios() {
            let v = (0..<(1 << n)).map { mask -> Outcome in
                var c = s
                for lever in LeverID.allCases where mask & (1 << lever.rawValue) == 0 {
                    c.levers[lever] = Preset.future2.levers[lever]
                }
                return Simulation.outcome(c)
            }
            let analysis = Analysis(s)
            #expect(analysis.attribution.total == v[(1 << n) - 1] - v[0], "\(s)")
            #expect(analysis.attribution == Attribution.compute(s), "\(s)")
            // The Shapley formula, as Attribution writes it, on the reference outcomes.
            var factorial = [1.0]
            for k in 1...n { factorial.append(factorial[k - 1] * Double(k)) }
            for i in 0..<n {
                var phi = Outcome.zero
                for mask in 0..<(1 << n) where mask & (1 << i) == 0 {
                    let w = factorial[mask.nonzeroBitCount] * factorial[n - mask.nonzeroBitCount - 1] / factorial[n]
                    phi = phi + w * (v[mask | (1 << i)] - v[mask])
                }
                #expect(analysis.attribution.shares[i] == phi, "\(s) lever \(i)")
            }
        }
    }

    @Test("the Future 1 and Future 2 runs are the presets' runs, also when the scenario is one")
    func presets() {
        for s in Self.scenarios() {
            var f1 = s, f2 = s
            f1.levers = Preset.future1.levers
            f2.levers = Preset.future2.levers
            f1.policyStart = 0
            f2.policyStart = 0
            let analysis = Analysis(s)
            #expect(analysis.future1 == Simulation.run(f1) && analysis.future2 == Simulation.run(f2))
        }
    }
}
