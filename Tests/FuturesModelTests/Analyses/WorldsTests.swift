import Foundation
import FuturesModel
import TestSupport
import Testing

/// The worlds engine and the results across worlds (MODEL.md §4 "Across worlds"): paired
/// draws, one set of worlds whichever result asks, thread independence, r = 0 against the
/// central run, the precision rule, and the reference figures of §6.
@Suite("Across worlds")
struct WorldsTests {
    /// A random scenario with its horizon cut to 12…48 months, so that the many runs stay quick.
    static func scenario(using rng: inout SeededGenerator) -> Scenario {
        var s = Scenario.random(using: &rng)
        s.horizon = Int.random(in: 12...48, using: &rng)
        return s
    }

    @Test("the triangular inverse CDF of MODEL.md §4, written out here, gives every cached draw bit for bit")
    func inverseCDF() {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<6 {
            let base = Self.scenario(using: &rng).assumptions
            let settings = EnsembleSettings(
                members: 1 + rng.below(300), seed: rng.next(), uncertainty: Double.random(in: 0...1, using: &rng))
            let worlds = DrawCache.shared.worlds(base, settings: settings)
            for member in 0..<settings.members {
                let got = worlds.assumptions(member: member)
                for k in AssumptionID.allCases {
                    let x = base[k], r = settings.uncertainty
                    let low = x - r * (x - k.spec.min), high = x + r * (k.spec.max - x)
                    let u = CounterRandom.uniform(seed: settings.seed, member: member, index: k.rawValue)
                    let want: Double
                    if low == high {
                        want = x
                    } else {
                        let f = (x - low) / (high - low)
                        want =
                            u < f
                            ? low + (u * (high - low) * (x - low)).squareRoot()
                            : high - ((1 - u) * (high - low) * (high - x)).squareRoot()
                    }
                    // The spec's form and the kernel's (u·width < x − low) may round the
                    // comparison differently right at f; the value is continuous there.
                    #expect(abs(got[k] - want) <= 1e-12 * max(1, abs(want)), "\(k.id) member \(member)")
                    #expect(got[k] >= low && got[k] <= high)
                }
            }
        }
    }

    @Test("paired draws: moving one assumption moves only that coordinate of each member's world")
    func pairedCoordinates() throws {
        var rng = SeededGenerator(seed: 32)
        for _ in 0..<6 {
            let s = Self.scenario(using: &rng)
            let settings = EnsembleSettings(members: 500, seed: rng.next(), uncertainty: 0.5)
            let k = AssumptionID.allCases[rng.below(AssumptionID.allCases.count)]
            var moved = s.assumptions
            moved[k] = Double.random(in: k.spec.min...k.spec.max, using: &rng)
            let a = DrawCache.shared.worlds(s.assumptions, settings: settings)
            let b = DrawCache.shared.worlds(moved, settings: settings)
            for m in 0..<settings.members {
                let x = a.assumptions(member: m), y = b.assumptions(member: m)
                for other in AssumptionID.allCases where other != k {
                    #expect(x[other].bitPattern == y[other].bitPattern, "\(other.id) member \(m)")
                }
            }
            // Through the engine: a scenario and its copy with k moved and back again are
            // the same worlds, and a lever that cannot act leaves every member as it was.
            var noControls = s
            noControls.levers.exportControls = 0
            noControls.policyStart = 0
            var other = noControls
            other.levers.smugglingEnforcement = 1 - noControls.levers.smugglingEnforcement
            let members = try #require(WorldsEngine.members([noControls, other], settings: settings))
            #expect(members.leads[0] == members.leads[1])
            #expect(members.adoptions[0] == members.adoptions[1])
        }
    }

    @Test(
        "a worker's chunk copied from reference worlds holds the bits it would draw: moved columns and their constants redrawn"
    )
    func referenceCopies() {
        var rng = SeededGenerator(seed: 39)
        for _ in 0..<12 {
            let base = Self.scenario(using: &rng).assumptions
            var moved = base
            // One assumption moved (a sensitivity or response point), or several (a lens).
            for _ in 0..<(1 + rng.below(3)) {
                let k = AssumptionID.allCases[rng.below(AssumptionID.allCases.count)]
                moved[k] = Double.random(in: k.spec.min...k.spec.max, using: &rng)
            }
            let settings = EnsembleSettings(
                members: 1, seed: rng.next(), uncertainty: Double.random(in: 0...1, using: &rng))
            let first = 16 * rng.below(40), count = 16 * (1 + rng.below(30))
            let drawn = Worlds.chunkColumns(moved, settings: settings, first: first, count: count, reference: nil)
            let copied = Worlds.chunkColumns(moved, settings: settings, first: first, count: count, reference: base)
            #expect(drawn.map { $0.map(\.bitPattern) } == copied.map { $0.map(\.bitPattern) })
            let same = Worlds.chunkColumns(base, settings: settings, first: first, count: count, reference: base)
            let cached = DrawCache.shared.worlds(
                base,
                settings: EnsembleSettings(
                    members: first + count, seed: settings.seed, uncertainty: settings.uncertainty))
            #expect(same[0][0].bitPattern == cached.assumptions(member: first)[AssumptionID(rawValue: 0)!].bitPattern)
        }
    }

    @Test("one seed and member count give one set of worlds: the ensemble's probabilities and p50 are the summary's")
    func oneSetOfWorlds() throws {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<8 {
            let s = Self.scenario(using: &rng)
            let settings = EnsembleSettings(
                members: 1 + rng.below(3000), seed: rng.next(), uncertainty: Double.random(in: 0.05...1, using: &rng))
            let e = try #require(Ensemble.run(s, settings: settings))
            let summary = try #require(WorldsEngine.summaries([s], settings: settings)).first!
            #expect(e.probability.future1 == summary.pFuture1)
            #expect(e.probability.future2 == summary.pFuture2)
            #expect(e.probability.chinaMarkets == summary.pChinaMarkets)
            if abs(summary.medianLead) <= Ensemble.singleLeadLimit {
                #expect(e.p50[OutcomeID.leadMonths.rawValue][s.horizon] == summary.medianLead)
            }
        }
    }

    @Test("the worlds analysis, the answer's yours column and the timing row agree on one scenario's summary")
    func resultsAgree() throws {
        var rng = SeededGenerator(seed: 34)
        for _ in 0..<3 {
            var s = Self.scenario(using: &rng)
            s.policyStart = 0
            let settings = EnsembleSettings(members: 400, seed: rng.next(), uncertainty: 0.5)
            let worlds = try #require(WorldsAnalysis.compute(s, settings: settings))
            let answer = try #require(Answer.compute(s, settings: settings))
            #expect(answer.columns[0].id == "yours")
            #expect(answer.columns[0].summary == worlds.summary)
            let timing = try #require(worlds.sensitivity.first { $0.parameter == .policyStart })
            #expect(timing.low == worlds.summary, "the start is 2026-01")
            #expect(answer.columns[0].base == worlds.attribution.baseSummary)
            for lever in LeverID.allCases {
                #expect(answer.columns[0][lever] == worlds.attribution[lever])
            }
            let ensemble = try #require(Ensemble.run(s, settings: settings))
            #expect(ensemble.probability.future1 == worlds.summary.pFuture1)
        }
    }

    @Test("same seed, same results on 1, 2 and 3 threads: worlds analysis, answer, map")
    func threadIndependence() throws {
        var rng = SeededGenerator(seed: 35)
        let s = Self.scenario(using: &rng)
        let settings = EnsembleSettings(members: 1500, seed: 8, uncertainty: 0.6)
        let worlds = (1...3).map { WorldsAnalysis.compute(s, settings: settings, threads: $0) }
        #expect(worlds[0] != nil && worlds[0] == worlds[1] && worlds[1] == worlds[2])
        let answers = (1...3).map { Answer.compute(s, settings: settings, threads: $0) }
        #expect(answers[0] != nil && answers[0] == answers[1] && answers[1] == answers[2])
        let maps = (1...3).map {
            WorldsMap.compute(
                s, x: .lever(.exportControls), y: .assumption(.controlLeakage), nx: 7, ny: 5, settings: settings,
                threads: $0)
        }
        #expect(maps[0] != nil && maps[0] == maps[1] && maps[1] == maps[2])
    }

    @Test("with r = 0 every result across worlds is its central-run counterpart exactly")
    func zeroUncertainty() throws {
        var rng = SeededGenerator(seed: 36)
        for _ in 0..<6 {
            let s = Self.scenario(using: &rng)
            let settings = EnsembleSettings(members: 1 + rng.below(50), seed: rng.next(), uncertainty: 0)
            let central = Analysis(s)
            let worlds = try #require(WorldsAnalysis.compute(s, settings: settings))
            #expect(worlds.summary == Summary(central.outcome))
            #expect(worlds.summary.medianLead == central.outcome.leadMonths)
            for row in worlds.sensitivity {
                let run = try #require(central.sensitivity.first { $0.parameter == row.parameter })
                #expect(row.low == Summary(run.low) && row.high == Summary(run.high), "\(row.id)")
            }
            #expect(worlds.sensitivity.map(\.parameter) == central.sensitivity.map(\.parameter))
            for lever in LeverID.allCases {
                #expect(worlds.attribution[lever].medianLead == central.attribution[lever].leadMonths)
            }
            #expect(worlds.attribution.total.medianLead == central.attribution.total.leadMonths)
            for (lever, curve) in zip(LeverID.allCases, central.response) {
                #expect(worlds.response[lever.rawValue].medianLead == curve, "\(lever)")
            }
            for p in [worlds.summary.pFuture1, worlds.summary.pFuture2, worlds.summary.pChinaMarkets] {
                #expect(p == 0 || p == 1)
            }
            let answer = try #require(Answer.compute(s, settings: settings))
            #expect(answer.columns[0].summary == Summary(central.outcome))
            for (column, lens) in zip(answer.columns.dropFirst(), Lens.builtIn) {
                var l = s
                l.assumptions = lens.assumptions
                #expect(column.summary == Summary(Simulation.outcome(l)), "\(lens.id)")
                let shares = Attribution.compute(l)
                for lever in LeverID.allCases {
                    #expect(column[lever].medianLead == shares[lever].leadMonths, "\(lens.id) \(lever)")
                }
            }
            let map = try #require(
                WorldsMap.compute(
                    s, x: .assumption(.controlLeakage), y: .policyStart, nx: 4, ny: 3, settings: settings))
            let plain = FuturesMap(s, x: .assumption(.controlLeakage), y: .policyStart, nx: 4, ny: 3)
            #expect(map.cells.map { $0.map(\.medianLead) } == plain.leadMonths)
        }
    }

    @Test("single precision holds every verdict to double precision's and the median to 1e-3 months")
    func precision() throws {
        var rng = SeededGenerator(seed: 37)
        for _ in 0..<4 {
            let s = Self.scenario(using: &rng)
            let settings = EnsembleSettings(members: 800, seed: rng.next(), uncertainty: 0.7)
            let batch = WorldsAnalysis.scenarios(s)
            let single = try #require(WorldsEngine.summaries(batch, settings: settings, precision: .single))
            let double = try #require(WorldsEngine.summaries(batch, settings: settings, precision: .double))
            for (a, b) in zip(single, double) {
                #expect(a.pFuture1 == b.pFuture1 && a.pFuture2 == b.pFuture2 && a.pChinaMarkets == b.pChinaMarkets)
                #expect(abs(a.medianLead - b.medianLead) <= 1e-3)
            }
        }
    }

    @Test("Shapley shares add up to the total for all four numbers")
    func sharesAddUp() throws {
        var rng = SeededGenerator(seed: 38)
        let s = Self.scenario(using: &rng)
        let worlds = try #require(
            WorldsAnalysis.compute(s, settings: EnsembleSettings(members: 600, seed: 3, uncertainty: 0.5)))
        let sum = worlds.attribution.shares.reduce(Summary.zero, +)
        for (a, b) in zip(sum.values, worlds.attribution.total.values) { #expect(abs(a - b) <= 1e-12) }
    }

    @Test("MODEL.md §6 across worlds, at 20,000 members: the Future 1 levers under the essay's view, the critics")
    func referenceFigures() throws {
        let settings = EnsembleSettings(members: 20000, seed: 1, uncertainty: 0.5)
        let f1 = Scenario(levers: Preset.future1.levers)
        let answer = try #require(Answer.compute(f1, settings: settings))
        let essay = try #require(answer.columns.first { $0.id == "essay" })
        #expect(abs(essay.summary.pFuture1 - 0.51) <= 0.02)
        #expect(abs(essay.summary.medianLead - 12.1) <= 0.15)
        #expect(essay.summary.pChinaMarkets == 0)
        for lever in [LeverID.exportControls, .offshoreControls, .smugglingEnforcement] {
            let points = essay[lever].pFuture1 * 100
            #expect(points >= 11.5 && points <= 13.5, "\(lever): \(points) points")
        }
        #expect(abs(essay[.distillationDefense].pFuture1 * 100 - 9.3) <= 2)
        #expect(abs(essay[.exportPromotion].pFuture1 * 100 - 4.3) <= 2)
        #expect(abs(essay[.exportPromotion].pChinaMarkets * 100 + 15.7) <= 2)
        let sq = try #require(Answer.compute(Scenario(), settings: settings))
        let critics = try #require(sq.columns.first { $0.id == "all-critics" })
        #expect(abs(critics.summary.pChinaMarkets - 0.98) <= 0.02)
        #expect(abs(critics.summary.pFuture2 - 1.0) <= 0.02)
        let price = try #require(sq.columns.first { $0.id == "price" })
        #expect(abs(price.summary.pChinaMarkets - 0.71) <= 0.02)
        let backfire = try #require(sq.columns.first { $0.id == "backfire" })
        #expect(abs(backfire.summary.pFuture2 - 0.71) <= 0.02)
    }
}
