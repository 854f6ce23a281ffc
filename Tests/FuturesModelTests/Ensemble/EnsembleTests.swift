import Foundation
import FuturesModel
import TestSupport
import Testing

@Suite("Ensemble")
struct EnsembleTests {
    @Test("the same seed gives byte-identical JSON with 1, 2 or 3 threads")
    func threadIndependence() {
        var rng = SeededGenerator(seed: 3)
        for members in [1, 7, 1000, 4099] {
            let s = Scenario.random(using: &rng)
            let settings = EnsembleSettings(members: members, seed: 1234, uncertainty: 0.8)
            let analysis = Analysis(s)
            let texts = [1, 2, 3].map { threads in
                RunDocument(analysis: analysis, ensemble: Ensemble.run(s, settings: settings, threads: threads)!).json()
            }
            #expect(texts[0] == texts[1])
            #expect(texts[0] == texts[2])
        }
    }

    @Test("a different seed gives different bands")
    func seedMatters() throws {
        let s = Scenario()
        let a = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 500, seed: 1)))
        let b = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 500, seed: 2)))
        #expect(a.p50 != b.p50)
    }

    @Test("with no uncertainty every member is the deterministic run")
    func zeroUncertainty() throws {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<20 {
            let s = Scenario.random(using: &rng)
            let run = Simulation.run(s)
            let e = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 9, seed: 5, uncertainty: 0)))
            for o in OutcomeID.allCases {
                for t in 0...s.horizon {
                    let want = run.series[o.rawValue][t]
                    for band in [e.p10, e.p50, e.p90] {
                        #expect(abs(band[o.rawValue][t] - want) <= 1e-9 * max(1, abs(want)), "\(o.id) t=\(t)")
                    }
                }
            }
            let future = run.outcome.future
            #expect(e.probability[future] == 1)
        }
    }

    @Test("draws stay inside the triangular support and average near its mean")
    func draws() {
        let base = Assumptions()
        let settings = EnsembleSettings(members: 20_000, seed: 9, uncertainty: 0.5)
        var sums = [Double](repeating: 0, count: AssumptionID.allCases.count)
        for member in 0..<settings.members {
            let a = Ensemble.draw(base, member: member, settings: settings)
            for id in AssumptionID.allCases {
                let x = base[id], spec = id.spec
                let low = x - 0.5 * (x - spec.min), high = x + 0.5 * (spec.max - x)
                #expect(a[id] >= low && a[id] <= high)
                sums[id.rawValue] += a[id]
            }
        }
        for id in AssumptionID.allCases {
            let x = base[id], spec = id.spec
            let low = x - 0.5 * (x - spec.min), high = x + 0.5 * (spec.max - x)
            let mean = (low + x + high) / 3
            let sd = (high - low) / 4.9  // a bound on the triangular sd
            #expect(abs(sums[id.rawValue] / Double(settings.members) - mean) < 4 * sd / sqrt(20_000), "\(id.id)")
        }
    }

    @Test("probabilities add up to one and bands are ordered")
    func bandsOrdered() throws {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<10 {
            let s = Scenario.random(using: &rng)
            let e = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 999, seed: 3)))
            let p = e.probability
            #expect(abs(p.future1 + p.contested + p.future2 - 1) < 1e-12)
            for o in OutcomeID.allCases {
                for t in 0...s.horizon {
                    #expect(e.p10[o.rawValue][t] <= e.p50[o.rawValue][t])
                    #expect(e.p50[o.rawValue][t] <= e.p90[o.rawValue][t])
                }
            }
        }
    }

    @Test("a cancelled ensemble returns nil")
    func cancellation() {
        #expect(Ensemble.run(Scenario(), settings: EnsembleSettings(members: 5000), isCancelled: { true }) == nil)
    }

    @Test("percentiles equal NumPy's linear method on sorted data")
    func percentiles() {
        var rng = SeededGenerator(seed: 77)
        let qs = [0.1, 0.5, 0.9]
        for n in [1, 2, 3, 10, 63, 64, 65, 1000, 5001] {
            for shape in 0..<4 {
                let values: [Double] = (0..<n).map { i in
                    switch shape {
                    case 0: Double.random(in: -5...5, using: &rng)
                    case 1: Double(Int.random(in: 0...3, using: &rng))  // heavy ties
                    case 2: i % 97 == 0 ? 1e6 : Double.random(in: 0...1, using: &rng)  // outliers
                    default: 4.25  // constant
                    }
                }
                let sorted = values.sorted()
                let want = qs.map { q -> Double in
                    let h = q * Double(n - 1)
                    let k = Int(h)
                    let next = min(k + 1, n - 1)
                    return sorted[k] + (h - Double(k)) * (sorted[next] - sorted[k])
                }
                #expect(Percentiles.linear(values, qs) == want, "n=\(n) shape=\(shape)")
                // Many quantiles at once take the slower gather path; still exact.
                let many = (0...10).map { Double($0) / 10 }
                let wantMany = many.map { q -> Double in
                    let h = q * Double(n - 1)
                    let k = Int(h)
                    return sorted[k] + (h - Double(k)) * (sorted[min(k + 1, n - 1)] - sorted[k])
                }
                #expect(Percentiles.linear(values, many) == wantMany, "n=\(n) shape=\(shape), 11 quantiles")
            }
        }
    }
}
