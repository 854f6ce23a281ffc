import Foundation
import FuturesModel
import TestSupport
import Testing

/// Properties that must hold for any valid input.
@Suite("Model properties")
struct PropertyTests {
    static let cases = 300

    @Test("outputs are finite and shares lie in [0, 1]")
    func finiteAndBounded() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<Self.cases {
            let s = Scenario.random(using: &rng)
            let run = Simulation.run(s)
            for id in SeriesID.allCases {
                #expect(run[id].allSatisfy { $0.isFinite }, "\(id.id) in \(s)")
                #expect(run[id].count == s.horizon + 1)
            }
            for id in [SeriesID.computeShare, .adoption, .normShare] {
                #expect(run[id].allSatisfy { $0 >= 0 && $0 <= 1 }, "\(id.id) in \(s)")
            }
            for id in [SeriesID.chinaDomestic, .chinaImports, .chinaSmuggled, .chinaOffshore] {
                #expect(run[id].allSatisfy { $0 >= 0 }, "\(id.id) in \(s)")
            }
        }
    }

    @Test(
        "the lead never falls when enforcement, offshore controls, distillation defence or promotion rises",
        arguments: [LeverID.smugglingEnforcement, .offshoreControls, .distillationDefense, .exportPromotion])
    func monotoneLevers(lever: LeverID) {
        var rng = SeededGenerator(seed: 7 &+ UInt64(lever.rawValue))
        for _ in 0..<Self.cases {
            let s = Scenario.random(using: &rng)
            let x = s.levers[lever]
            let higher = Double.random(in: x...1, using: &rng)
            var t = s
            t.levers[lever] = higher
            let low = Simulation.run(s)[.leadMonths], high = Simulation.run(t)[.leadMonths]
            for month in 0...s.horizon {
                #expect(
                    high[month] >= low[month] - 1e-9 * max(1, abs(low[month])),
                    "\(lever.id) \(x)→\(higher), month \(month) of \(s)")
            }
        }
    }

    @Test("Shapley shares add up to the total within 1e-9")
    func attributionSums() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<100 {
            let s = Scenario.random(using: &rng)
            let a = Attribution.compute(s)
            let sum = a.shares.reduce(Outcome.zero, +)
            for id in OutcomeID.allCases {
                #expect(abs(sum[id] - a.total[id]) <= 1e-9, "\(id.id)")
            }
            // The total is outcome(current) − outcome(Future 2 preset).
            var base = s
            base.levers = Preset.future2.levers
            #expect(
                abs(a.total.leadMonths - (Simulation.outcome(s).leadMonths - Simulation.outcome(base).leadMonths))
                    < 1e-12)
        }
    }

    @Test("a lever that equals its Future 2 value gets no attribution")
    func attributionNullPlayer() {
        var s = Scenario()
        s.levers.exportPromotion = Preset.future2.levers.exportPromotion
        #expect(abs(Attribution.compute(s)[.exportPromotion].leadMonths) < 1e-12)
    }

    @Test("the fast outcome path equals the recorded run")
    func outcomeMatchesRun() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<50 {
            let s = Scenario.random(using: &rng)
            #expect(Simulation.outcome(s) == Simulation.run(s).outcome)
        }
    }

    @Test("sensitivity rows are sorted by |swing of lead| and cover every parameter once")
    func sensitivityOrder() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<30 {
            let rows = Sensitivity.rows(.random(using: &rng))
            #expect(rows.count == ParameterID.all.count)
            #expect(Set(rows.map(\.id)).count == ParameterID.all.count)
            for (a, b) in zip(rows, rows.dropFirst()) {
                #expect(abs(a.swing.leadMonths) >= abs(b.swing.leadMonths))
            }
        }
    }

    @Test("response curves end where sensitivity's lever rows do")
    func responseMatchesSensitivity() {
        let s = Scenario()
        let analysis = Analysis(s)
        for row in analysis.sensitivity {
            guard case .lever(let lever) = row.parameter else { continue }
            let curve = analysis.response[lever.rawValue]
            #expect(curve.count == 11)
            #expect(curve.first == row.low.leadMonths)
            #expect(curve.last == row.high.leadMonths)
        }
    }
}
