import Foundation
import FuturesModel
import TestSupport
import Testing

/// What model 2 added: the lever regimes around `policy_start`, the spur factor S_spur
/// (controls that backfire for real) and `enforcement_effectiveness` (MODEL.md §§2–4).
@Suite("Model 2: timing, backfire, enforcement")
struct Model2Tests {
    /// A scenario with random assumptions and horizon, the Future 1 levers and backfire
    /// at most 0.3.
    static func future1(using rng: inout SeededGenerator, backfire: ClosedRange<Double>) -> Scenario {
        var s = Scenario.random(using: &rng)
        s.levers = Preset.future1.levers
        s.assumptions.controlsBackfire = Double.random(in: backfire, using: &rng)
        return s
    }

    /// The largest rise of the lead from one start month to the next, over `cases` random
    /// Future 1 scenarios with backfire ≤ 0.3 and distillation efficiency in `distillation`.
    static func largestGainFromWaiting(cases: Int, seed: UInt64, distillation: ClosedRange<Double>) -> Double {
        var rng = SeededGenerator(seed: seed)
        var worst = -Double.infinity
        for _ in 0..<cases {
            var s = Self.future1(using: &rng, backfire: 0...0.3)
            s.assumptions.distillationEfficiency = Double.random(in: distillation, using: &rng)
            var previous = Double.infinity
            for start in Constants.policyStartRange {
                s.policyStart = start
                let lead = Simulation.outcome(s).leadMonths
                worst = max(worst, lead - previous)
                previous = lead
            }
        }
        return worst
    }

    @Test("with backfire ≤ 0.3 (distillation efficiency ≤ 0.7) the Future 1 levers never gain from a later start")
    func waitingNeverHelps() {
        #expect(Self.largestGainFromWaiting(cases: 2000, seed: 2028, distillation: 0...0.7) <= 0)
    }

    @Test("above 0.7 distillation efficiency waiting can gain a trace: the catch-up of distillation is transient")
    func waitingGainsATraceWithStrongDistillation() {
        // Over the whole range the gain stays below 0.02 months (found: 0.014 at most in
        // 20,000 cases): a policy shock widens the gap, then distillation closes most of it
        // after its lag, so at a short horizon a later shock has been caught up less.
        #expect(Self.largestGainFromWaiting(cases: 2000, seed: 2029, distillation: 0...0.9) < 0.02)
        var s = Scenario(levers: Preset.future1.levers, horizon: 13)
        s.assumptions = Assumptions([4.82, 1.89, 2.63, 0.195, 0.515, 0.249, 0.829, 0.027, 0.057, 30])
        let now = Simulation.outcome(s).leadMonths
        s.policyStart = 1
        #expect(Simulation.outcome(s).leadMonths > now)
    }

    @Test("with backfire high a later start can raise the lead: the Future 1 controls then hurt")
    func waitingCanHelpWhenControlsBackfire() {
        // Found by a search over backfire 0.8…1: strong backfire, cheap-to-spur domestic
        // chips and leaky enforcement make the Future 1 controls cost lead.
        var s = Scenario(levers: Preset.future1.levers)
        s.assumptions.controlsBackfire = 1
        s.assumptions.chinaDomesticGrowth = 3
        s.assumptions.controlLeakage = 1
        s.assumptions.enforcementEffectiveness = 0.2
        s.horizon = 60
        let now = Simulation.outcome(s).leadMonths
        s.policyStart = 24
        let later = Simulation.outcome(s).leadMonths
        #expect(later > now + 0.1, "now \(now), starting 2028-01 \(later)")
    }

    @Test("with policy_start ≥ H every outcome equals the status quo's")
    func startAfterHorizon() {
        var rng = SeededGenerator(seed: 77)
        var checked = 0
        while checked < 200 {
            var s = Scenario.random(using: &rng)
            s.horizon = Int.random(in: 12...24, using: &rng)
            s.policyStart = Int.random(in: s.horizon...24, using: &rng)
            var quo = s
            quo.levers = Preset.statusQuo.levers
            quo.policyStart = 0
            let a = Simulation.run(s), b = Simulation.run(quo)
            for id in OutcomeID.allCases {
                #expect(a.series[id.rawValue] == b.series[id.rawValue], "\(id.id) in \(s)")
            }
            // China's sources follow the regime of each month: before the horizon, equal too.
            for id in [SeriesID.chinaDomestic, .chinaImports, .chinaSmuggled, .chinaOffshore] {
                #expect(Array(a[id].dropLast()) == Array(b[id].dropLast()), "\(id.id) in \(s)")
            }
            checked += 1
        }
    }

    @Test("with backfire 0 the lead never falls as export controls rise")
    func controlsHelpWithoutBackfire() {
        var rng = SeededGenerator(seed: 1022)
        for _ in 0..<300 {
            var s = Scenario.random(using: &rng)
            s.assumptions.controlsBackfire = 0
            let x = s.levers.exportControls
            let higher = Double.random(in: x...1, using: &rng)
            let low = Simulation.run(s)[.leadMonths],
                high = Simulation.run(s.withLever(.exportControls, higher))[.leadMonths]
            for month in 0...s.horizon {
                #expect(
                    high[month] >= low[month] - 1e-9 * max(1, abs(low[month])),
                    "export controls \(x)→\(higher), month \(month) of \(s)")
            }
        }
    }

    @Test("with backfire 1 and leakage 0.9 at status-quo enforcement, more export controls lower the lead")
    func controlsCanBackfire() {
        var s = Scenario()
        s.assumptions.controlsBackfire = 1
        s.assumptions.controlLeakage = 0.9
        let leads = stride(from: 0.0, through: 1.0, by: 0.1).map {
            Simulation.outcome(s.withLever(.exportControls, $0)).leadMonths
        }
        #expect(leads.last! < leads.max()! - 0.1, "\(leads)")
    }

    @Test("enforcement effectiveness scales what anti-smuggling and offshore controls stop")
    func enforcementScales() {
        var s = Scenario(levers: Preset.future1.levers)
        s.assumptions.enforcementEffectiveness = 0.5
        let half = Simulation.run(s)
        // At t = 0, smuggled = λs·blocked·(1 − 0.5·s)·revCN.
        let blocked = s.assumptions.controlLeakage * Constants.imports0 * s.levers.exportControls
        let want = Constants.smuggledShare * blocked * (1 - 0.5 * s.levers.smugglingEnforcement)
        #expect(abs(half[.chinaSmuggled][0] - want) < 1e-12)
        s.assumptions.enforcementEffectiveness = 1
        #expect(Simulation.outcome(s).leadMonths > half.outcome.leadMonths)
    }

    @Test("the timing row sweeps policy_start from 0 to 24 and sorts like the others")
    func timingRow() throws {
        let s = Scenario(levers: Preset.future1.levers, policyStart: 6)
        let rows = Sensitivity.rows(s)
        #expect(rows.count == ParameterID.all.count)
        let row = try #require(rows.first { $0.parameter == .policyStart })
        #expect(row.kind == .timing)
        #expect(row.low == Simulation.outcome(Scenario(levers: Preset.future1.levers, policyStart: 0)))
        #expect(row.high == Simulation.outcome(Scenario(levers: Preset.future1.levers, policyStart: 24)))
        // Every other row keeps the start as set.
        let lever = try #require(rows.first { $0.parameter == .lever(.exportControls) })
        var low = s
        low.levers.exportControls = 0
        #expect(lever.low == Simulation.outcome(low))
    }

    @Test("attribution and response curves keep policy_start as set")
    func startCarriedThrough() {
        let s = Scenario(levers: Preset.future1.levers, policyStart: 12)
        let a = Attribution.compute(s)
        var base = s
        base.levers = Preset.future2.levers
        #expect(
            abs(a.total.leadMonths - (Simulation.outcome(s).leadMonths - Simulation.outcome(base).leadMonths)) < 1e-12)
        let curves = Response.curves(s)
        #expect(curves[0].last == Simulation.outcome(s.withLever(.exportControls, 1)).leadMonths)
        // The two futures on screen start now, whatever the scenario's start.
        let analysis = Analysis(s)
        #expect(analysis.future1.outcome == Simulation.outcome(Scenario(levers: Preset.future1.levers)))
    }

    @Test("policy_start is read as months or as a date, and bad values are refused")
    func parsing() throws {
        #expect(try InputParser.value("12", for: .policyStart) == 12)
        #expect(try InputParser.value("2027-01", for: .policyStart) == 12)
        #expect(try InputParser.value("2028-01", for: .policyStart) == 24)
        #expect(try InputParser.value("2026-07", for: .policyStart) == 6)
        for bad in ["25", "-1", "12.5", "2025-12", "2028-02", "2027-13", "2027-1", "soon", "50%", ""] {
            #expect(throws: InputError.self, "\(bad)") { try InputParser.value(bad, for: .policyStart) }
        }
        var message = ""
        do {
            _ = try InputParser.assignments("policy_start=30")
        } catch let error as InputError {
            message = error.message
        }
        #expect(message == "policy_start must be within 0…24 months (or 2026-01…2028-01), got '30'")
    }

    @Test("the ensemble switches regimes too: with r = 0 every member equals a delayed run")
    func ensembleRegimes() throws {
        var rng = SeededGenerator(seed: 404)
        for _ in 0..<20 {
            var s = Scenario.random(using: &rng)
            s.policyStart = Int.random(in: 1...24, using: &rng)
            let run = Simulation.run(s)
            let e = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 9, seed: 3, uncertainty: 0)))
            for t in 0...s.horizon {
                let want = run[.leadMonths][t]
                #expect(abs(e.p50[0][t] - want) <= 1e-9 * max(1, abs(want)), "t=\(t) of \(s)")
            }
        }
    }
}
