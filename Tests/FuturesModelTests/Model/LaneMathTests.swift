import Foundation
import FuturesModel
import TestSupport
import Testing

/// The deterministic runs' vector exponentials and logarithms against glibc's, and the
/// runs' independence of the lane and batch a scenario is computed in.
@Suite("Lane math")
struct LaneMathTests {
    /// The largest error of `f` against `reference` over `inputs`, in units in the last
    /// place of the reference's result.
    static func worstULPs(
        _ inputs: [Double], _ f: (SIMD8<Double>) -> SIMD8<Double>, _ reference: (Double) -> Double
    ) -> (ulps: Double, at: Double) {
        var worst = (ulps: 0.0, at: 0.0)
        var i = 0
        while i < inputs.count {
            var x = SIMD8<Double>(repeating: inputs[i])
            for lane in 0..<8 where i + lane < inputs.count { x[lane] = inputs[i + lane] }
            let y = f(x)
            for lane in 0..<8 where i + lane < inputs.count {
                let want = reference(x[lane])
                let ulps = abs(y[lane] - want) / want.ulp
                if !(ulps <= worst.ulps) { worst = (ulps, x[lane]) }
            }
            i += 8
        }
        return worst
    }

    static func uniform(_ n: Int, _ range: ClosedRange<Double>, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Double.random(in: range, using: &rng) }
    }

    @Test("e^x is within 1 unit in the last place of glibc's over the whole range, 10^x of e^(x·ln 10)")
    func exponentials() {
        let wide = Self.uniform(40_000, -700...700, seed: 1)
        let model = Self.uniform(40_000, -60...60, seed: 2)
        let edges: [Double] = [0, -0.0, 1, -1, 0.5 * log(2.0), -0.5 * log(2.0), 1e-300, -1e-300, 708, -708]
        let e = Self.worstULPs(wide + model + edges, LaneMath.exp, Foundation.exp)
        #expect(e.ulps <= 1, "e^\(e.at): \(e.ulps) ulp")
        let ten = Self.uniform(40_000, -300...300, seed: 3) + Self.uniform(40_000, -3...3, seed: 4)
        let t = Self.worstULPs(ten, LaneMath.exp10, { Foundation.exp($0 * 2.302_585_092_994_045_7) })
        #expect(t.ulps <= 1, "10^\(t.at): \(t.ulps) ulp")
        // Against pow(10, x) the product x·ln 10 adds its own rounding (as the scalar code's did).
        let p = Self.worstULPs(Self.uniform(40_000, -3...3, seed: 5), LaneMath.exp10, { pow(10, $0) })
        #expect(p.ulps <= 16, "10^\(p.at): \(p.ulps) ulp against pow")
    }

    @Test("e^x is held within the normal range: tiny below −708, finite above 709")
    func exponentialLimits() {
        let y = LaneMath.exp(SIMD8<Double>(-800, -1e6, -.infinity, 710, 1e6, .infinity, -708, 709))
        for lane in 0..<3 { #expect(y[lane] > 0 && y[lane] < 1e-307) }
        for lane in 3..<6 { #expect(y[lane].isFinite && y[lane] > 8e307) }
        #expect(y[6] == Foundation.exp(-708.0) || abs(y[6] - Foundation.exp(-708.0)) <= 2 * Foundation.exp(-708.0).ulp)
    }

    @Test("ln x and log10 x are within 2 units in the last place of glibc's, 1e-300 to 1e300")
    func logarithms() {
        var rng = SeededGenerator(seed: 6)
        var inputs = (0..<80_000).map { _ in Foundation.exp(Double.random(in: -690...690, using: &rng)) }
        inputs += Self.uniform(40_000, 0.5...2, seed: 7)
        // Either side of √½·2^k, where the reduction changes k, and powers of two.
        for k in -20...20 {
            let edge = 0.5.squareRoot() * Foundation.pow(2, Double(k))
            inputs += [edge.nextDown, edge, edge.nextUp, Foundation.pow(2, Double(k))]
        }
        inputs += [1, 1.nextUp, 1.nextDown, 10, 100, 0.1, Double.leastNormalMagnitude, Double.greatestFiniteMagnitude]
        let l = Self.worstULPs(inputs.filter { $0 != 1 }, LaneMath.log, Foundation.log)
        #expect(l.ulps <= 2, "ln \(l.at): \(l.ulps) ulp")
        let t = Self.worstULPs(inputs.filter { $0 != 1 }, LaneMath.log10, Foundation.log10)
        #expect(t.ulps <= 2, "log10 \(t.at): \(t.ulps) ulp")
        let one = LaneMath.log10(SIMD8<Double>(repeating: 1))
        #expect(one == SIMD8<Double>(repeating: 0) && LaneMath.log(SIMD8<Double>(repeating: 1)) == one)
    }

    @Test("a scenario's run is the same bits in every lane and batch, whatever its neighbours")
    func laneIndependence() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<12 {
            let s = Scenario.random(using: &rng)
            let alone = Simulation.run(s)
            #expect(Simulation.outcome(s) == alone.outcome)
            for lane in [0, 3, 7, 8, 13] {
                // Neighbours with other horizons and policy starts, and a batch split that
                // puts s in the second batch for lanes 8 and 13.
                var batch = (0..<16).map { _ in Scenario.random(using: &rng) }
                batch[lane] = s
                #expect(Simulation.outcomes(batch)[lane] == alone.outcome, "lane \(lane)")
                #expect(Simulation.runs(batch)[lane] == alone, "lane \(lane)")
                #expect(Simulation.outcomes(Array(batch[..<(lane + 1)]))[lane] == alone.outcome, "last of \(lane + 1)")
            }
        }
    }
}
