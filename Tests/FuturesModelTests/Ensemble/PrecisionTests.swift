import Foundation
import FuturesModel
import TestSupport
import Testing

/// MODEL.md §4 "Precision": the Float32 ensemble against the double-precision one on the
/// same draws, and the cached draws against `Ensemble.draw`.
@Suite("Precision and cached draws")
struct PrecisionTests {
    static let horizons = Array(stride(from: 12, through: 120, by: 12))

    /// MODEL.md's tolerance for a band value of `o`: 1e-3 months of lead, 1e-4 of a share.
    static func tolerance(_ o: OutcomeID) -> Double { o == .leadMonths ? 1e-3 : 1e-4 }

    /// The ensemble of `s` in Float32 and in Double on the same draws, held to `expectClose`.
    static func compare(_ s: Scenario, _ settings: EnsembleSettings, threads: Int, _ label: String) throws {
        let single = try #require(
            Ensemble.run(s, settings: settings, threads: threads, workspace: nil, precision: .single))
        let double = try #require(
            Ensemble.run(s, settings: settings, threads: threads, workspace: nil, precision: .double))
        expectClose(single, double, label)
    }

    /// Every band value of `single` within the tolerance of `double`; the probabilities equal.
    static func expectClose(_ single: EnsembleResult, _ double: EnsembleResult, _ label: String) {
        #expect(single.probability == double.probability, "\(label)")
        for (name, a, b) in [("p10", single.p10, double.p10), ("p50", single.p50, double.p50)]
            + [("p90", single.p90, double.p90)]
        {
            for o in OutcomeID.allCases {
                let worst = zip(a[o.rawValue], b[o.rawValue]).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= tolerance(o), "\(label) \(name) \(o.id): off by \(worst)")
            }
        }
    }

    @Test("Float32 bands lie within MODEL.md's tolerance of Double ones, all presets, r = 1, H = 12…120")
    func presetsAtFullUncertainty() throws {
        for preset in Preset.allCases {
            for h in Self.horizons {
                let s = Scenario(levers: preset.levers, horizon: h)
                let settings = EnsembleSettings(members: 4099, seed: 77, uncertainty: 1)
                try Self.compare(s, settings, threads: 2, "\(preset.rawValue) H=\(h)")
            }
        }
    }

    @Test("Float32 bands lie within tolerance for random scenarios, uncertainties and starts")
    func randomScenarios() throws {
        var rng = SeededGenerator(seed: 515)
        for _ in 0..<12 {
            let s = Scenario.random(using: &rng)
            let settings = EnsembleSettings(
                members: Int.random(in: 1...3000, using: &rng), seed: rng.next(),
                uncertainty: Double.random(in: 0.05...1, using: &rng))
            try Self.compare(s, settings, threads: 1, "\(s) \(settings)")
        }
    }

    /// A random scenario with every assumption at one end of its range.
    static func corner(_ rng: inout SeededGenerator, horizon: Int) -> Scenario {
        var s = Scenario.random(using: &rng)
        for id in AssumptionID.allCases {
            let spec = ParameterID.assumption(id).spec
            s[.assumption(id)] = Bool.random(using: &rng) ? spec.min : spec.max
        }
        s.horizon = horizon
        return s
    }

    @Test("at the corners of the assumptions, H = 120, Float32 bands stay within tolerance (runaway leads in double)")
    func corners() throws {
        // Found by review: leads of thousands of months overflowed the Float32 2^x (garbage
        // shares) and outgrow 1e-3 months of single precision.
        var runaway = Scenario(levers: Levers([1, 1, 0, 1, 1]), horizon: 120)
        runaway.assumptions = Assumptions([2, 6, 3, 1, 1, 1, 0, 1, 0.6, 50])
        #expect(Simulation.outcome(runaway).leadMonths < -10_000, "a lead of minus thousands of months")
        for r in [0.1, 0.5] {
            let settings = EnsembleSettings(members: 2000, seed: 3, uncertainty: r)
            try Self.compare(runaway, settings, threads: 2, "runaway r=\(r)")
        }
        var rng = SeededGenerator(seed: 9001)
        for trial in 0..<40 {
            let s = Self.corner(&rng, horizon: [60, 120][trial % 2])
            let settings = EnsembleSettings(
                members: 1500, seed: rng.next(), uncertainty: Double.random(in: 0.3...1, using: &rng))
            try Self.compare(s, settings, threads: 2, "corner \(trial): \(s) \(settings)")
        }
    }

    @Test("levers across worlds at the corners count the same members in Float32 as in Double")
    func robustnessCorners() throws {
        // Found by review: with distillation at its minimum two settings round to the same
        // Float32 world, a gain of exactly 0 where double precision has a small gain.
        var rng = SeededGenerator(seed: 4242)
        for trial in 0..<30 {
            let s = Self.corner(&rng, horizon: [60, 120, 120][trial % 3])
            let settings = EnsembleSettings(
                members: 1000, seed: rng.next(), uncertainty: Double.random(in: 0.3...1, using: &rng))
            let single = try #require(Robustness.run(s, settings: settings, threads: 2, precision: .single))
            let double = try #require(Robustness.run(s, settings: settings, threads: 2, precision: .double))
            #expect(single.rows.count == double.rows.count && !double.rows.isEmpty, "corner \(trial)")
            for (a, b) in zip(single.rows, double.rows) {
                #expect(a.parameter == b.parameter, "corner \(trial)")
                #expect(
                    a.helps == b.helps && a.hurts == b.hurts && a.pivotal == b.pivotal,
                    "corner \(trial) \(b.parameter): helps \(a.helps) vs \(b.helps), hurts \(a.hurts) vs \(b.hurts)")
                #expect(a.pFuture1 == b.pFuture1 && a.pFuture2 == b.pFuture2, "corner \(trial) \(b.parameter)")
            }
        }
    }

    @Test("no member changes its future or its markets in Float32 (the worlds engine), all presets, r = 1, H = 12…120")
    func memberFutures() throws {
        let scenarios = { (h: Int) in Preset.allCases.map { Scenario(levers: $0.levers, horizon: h) } }
        for h in Self.horizons {
            let settings = EnsembleSettings(members: 10_000, seed: 3, uncertainty: 1)
            let single = try #require(
                WorldsEngine.members(scenarios(h), settings: settings, threads: 2, precision: .single))
            let double = try #require(
                WorldsEngine.members(scenarios(h), settings: settings, threads: 2, precision: .double))
            for (run, preset) in Preset.allCases.enumerated() {
                let changed = zip(single.leads[run], double.leads[run]).filter {
                    Future(lead: $0) != Future(lead: $1)
                }
                #expect(changed.isEmpty, "\(preset.rawValue) H=\(h): \(changed.count) members change their future")
                let markets = zip(single.adoptions[run], double.adoptions[run]).filter {
                    Markets(adoption: $0) != Markets(adoption: $1)
                }
                #expect(markets.isEmpty, "\(preset.rawValue) H=\(h): \(markets.count) members change their markets")
                // MODEL.md's tolerances, and half the guards within which members are settled in
                // double precision: no member farther from a threshold can cross it.
                let worst = zip(single.leads[run], double.leads[run]).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= 1e-3, "\(preset.rawValue) H=\(h): a lead off by \(worst)")
                #expect(worst <= Ensemble.thresholdGuard / 2)
                let worstShare = zip(single.adoptions[run], double.adoptions[run]).map { abs($0 - $1) }.max() ?? 0
                #expect(worstShare <= 1e-4, "\(preset.rawValue) H=\(h): an adoption off by \(worstShare)")
                #expect(worstShare <= Ensemble.marketsGuard / 2)
            }
        }
    }

    /// The status quo with China's price advantage set so that the central run ends at
    /// adoption 0.5, the markets threshold, within double precision (bisection).
    static func marketsOnTheEdge() -> Scenario {
        var s = Scenario()
        var (lo, hi) = (1.0, 50.0)  // adoption at the horizon falls as the price advantage grows
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            s.assumptions.chinaPriceAdvantage = mid
            if Simulation.outcome(s).adoption >= Constants.marketsThreshold { lo = mid } else { hi = mid }
        }
        s.assumptions.chinaPriceAdvantage = lo
        return s
    }

    /// Each of the first `n` members' verdict on the markets (true: China's) in one
    /// precision, read from `Ensemble.run` itself: the ensembles of the first k members
    /// share their draws, so member k − 1's verdict is how much the China count grows
    /// from k − 1 members to k.
    static func memberMarkets(
        _ s: Scenario, members n: Int, seed: UInt64, uncertainty: Double, _ precision: EnsemblePrecision
    ) throws -> [Bool] {
        var verdicts: [Bool] = []
        var before = 0
        for k in 1...n {
            let settings = EnsembleSettings(members: k, seed: seed, uncertainty: uncertainty)
            let e = try #require(Ensemble.run(s, settings: settings, threads: 1, workspace: nil, precision: precision))
            let count = Int((e.probability.chinaMarkets * Double(k)).rounded())
            #expect(count - before == 0 || count - before == 1)
            verdicts.append(count > before)
            before = count
        }
        return verdicts
    }

    @Test("no member changes its markets in Float32: members near adoption 0.5 are settled in double")
    func memberMarkets() throws {
        // Every member sits within about 1e-7 of adoption 0.5 (the central run ends there and
        // the uncertainty is tiny), closer than Float32 resolves: without the double-precision
        // settling of near-threshold members, many of them change sides.
        let s = Self.marketsOnTheEdge()
        let n = 200
        let single = try Self.memberMarkets(s, members: n, seed: 21, uncertainty: 1e-6, .single)
        let double = try Self.memberMarkets(s, members: n, seed: 21, uncertainty: 1e-6, .double)
        #expect(double.contains(true) && double.contains(false), "members on both sides of the threshold")
        let changed = (0..<n).filter { single[$0] != double[$0] }
        #expect(
            changed.isEmpty, "\(changed.count) of \(n) members change their markets in Float32: \(changed.prefix(10))")
        // And the whole ensemble, at a wider spread that still straddles the threshold.
        for r in [1e-6, 1e-3, 0.5] {
            let settings = EnsembleSettings(members: 4001, seed: 8, uncertainty: r)
            try Self.compare(s, settings, threads: 2, "markets on the edge r=\(r)")
        }
    }

    @Test("levers across worlds in Float32 count the same members as in Double")
    func robustness() throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<4 {
            let s = Scenario.random(using: &rng)
            let settings = EnsembleSettings(members: 2000, seed: rng.next(), uncertainty: 1)
            let single = try #require(Robustness.run(s, settings: settings, threads: 2, precision: .single))
            let double = try #require(Robustness.run(s, settings: settings, threads: 2, precision: .double))
            #expect(single.rows.count == double.rows.count && !double.rows.isEmpty)
            for row in double.rows {
                let other = try #require(single.rows.first { $0.parameter == row.parameter })
                #expect(other.pFuture1 == row.pFuture1 && other.pFuture2 == row.pFuture2)
                #expect(other.helps == row.helps && other.hurts == row.hurts && other.pivotal == row.pivotal)
                #expect(abs(other.medianGain - row.medianGain) <= 1e-3)
            }
        }
    }

    @Test("with uncertainty 0 the Float32 request runs in double precision: the deterministic run")
    func zeroUncertaintyIsDouble() throws {
        let s = Scenario(levers: Preset.future1.levers, horizon: 60)
        let settings = EnsembleSettings(members: 100, seed: 1, uncertainty: 0)
        let single = try #require(Ensemble.run(s, settings: settings, threads: 1, workspace: nil, precision: .single))
        let double = try #require(Ensemble.run(s, settings: settings, threads: 1, workspace: nil, precision: .double))
        #expect(single == double)
    }

    @Test("cached worlds hold each member's draws bit for bit as Ensemble.draw")
    func cachedDraws() {
        var rng = SeededGenerator(seed: 12)
        for members in [1, 15, 16, 17, 1000] {
            let base = Scenario.random(using: &rng).assumptions
            let settings = EnsembleSettings(
                members: members, seed: rng.next(), uncertainty: Double.random(in: 0...1, using: &rng))
            let worlds = DrawCache.shared.worlds(base, settings: settings)
            #expect(worlds.count >= members)
            for member in 0..<worlds.count {
                let want = Ensemble.draw(base, member: member, settings: settings)
                let got = worlds.assumptions(member: member)
                #expect(
                    got.values.map(\.bitPattern) == want.values.map(\.bitPattern), "members=\(members) member=\(member)"
                )
            }
        }
    }

    @Test("the cache draws once per (assumptions, seed, r) and serves smaller ensembles of the seed")
    func cacheReuse() {
        let cache = DrawCache()
        let base = Assumptions()
        let settings = EnsembleSettings(members: 2000, seed: 4242, uncertainty: 0.5)
        let first = cache.worlds(base, settings: settings)
        #expect(cache.worlds(base, settings: settings) === first)
        var fewer = settings
        fewer.members = 1000
        #expect(cache.worlds(base, settings: fewer) === first)
        var otherSeed = settings
        otherSeed.seed = 4243
        #expect(cache.worlds(base, settings: otherSeed) !== first)
    }

    @Test("a larger entry takes the place of the smaller ones it covers; at most bounds.worlds worlds stay")
    func cacheBound() {
        let cache = DrawCache()
        let base = Assumptions()
        var settings = EnsembleSettings(members: 1000, seed: 4242, uncertainty: 0.5)
        _ = cache.worlds(base, settings: settings)
        #expect(cache.members.worlds == [1008] && cache.members.tables == [1008])
        settings.members = 3000
        let larger = cache.worlds(base, settings: settings)
        #expect(cache.members.worlds == [3008] && cache.members.tables == [3008])
        var rng = SeededGenerator(seed: 7)
        for _ in 0...DrawCache.Bounds().worlds {
            _ = cache.worlds(Scenario.random(using: &rng).assumptions, settings: settings)
        }
        #expect(cache.members.worlds == [Int](repeating: 3008, count: DrawCache.Bounds().worlds))
        #expect(cache.members.tables == [3008])
        #expect(cache.worlds(base, settings: settings) !== larger, "the least recently used went first")
    }
}
