import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one engine behind every result across worlds (MODEL.md §4 "Across worlds"): a batch
/// of scenarios, each run in the same N worlds of one seed (member i at the same quantile
/// U(i, k) of every assumption k, drawn around the scenario's own assumptions), on every
/// core, and reduced to a `Summary` per scenario, or to each member's lead and adoption at
/// the horizon. The robustness rows, sensitivity, attribution and response across worlds,
/// the map across worlds and the answer are all such batches.
///
/// How the work is cut: scenarios are grouped by their assumptions (one set of worlds per
/// group), and each group into units of at most `scenariosPerUnit` scenarios × a chunk of
/// `chunkMembers` members. A worker takes units one after the other from a shared counter;
/// for a unit it draws its chunk's worlds (from the uniform table the `DrawCache` keeps for
/// the seed), sets up the kernel's per-member constants once, then runs each scenario of the
/// unit (only the lever regimes change). Every member's result goes to its own place, and no
/// result depends on which worker ran it, so results never depend on the thread count.
///
/// Precision: members run in Float32 (`EnsembleKernelF`) when the uncertainty is above 0,
/// as the ensemble does: a member whose lead lies within `Ensemble.thresholdGuard` of a
/// future's threshold, or whose adoption lies within `Ensemble.marketsGuard` of the markets
/// threshold, has that verdict settled in double precision, so probabilities are those of
/// double precision, and the same members as `Ensemble.run` (its P(F1) equals the summary's).
/// A scenario whose single-precision median lead passes `Ensemble.singleLeadLimit` is redone
/// in double precision. With uncertainty 0 every member is the central run, so each
/// scenario is one deterministic run: the median is its lead, each probability 0 or 1.
package enum WorldsEngine {
    /// Members per unit of work: about 64 kB of the kernel's blocks, warm in the cache.
    static let chunkMembers = 1024
    /// Scenarios per unit of work (the more, the fewer times a chunk's worlds are drawn).
    static let scenariosPerUnit = 8

    /// Each scenario's Summary over its worlds, in the order given. Identical scenarios run
    /// once. Nil when `isCancelled` turns true (checked between units and months).
    package static func summaries(
        _ scenarios: [Scenario], settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EnsemblePrecision = .single,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> [Summary]? {
        precondition(settings.members > 0, "worlds need at least one member")
        let plan = Plan(scenarios)
        if settings.uncertainty == 0 {
            let runs = Simulation.outcomes(plan.unique).map(Summary.init)
            return plan.runOf.map { runs[$0] }
        }
        let single = precision == .single
        guard let raw = run(plan, settings: settings, threads: threads, single: single, isCancelled: isCancelled)
        else { return nil }
        guard var unique = reduce(raw, plan: plan, settings: settings, threads: threads, isCancelled: isCancelled)
        else { return nil }
        if single {
            let runaway = unique.indices.filter { !(abs(unique[$0].medianLead) <= Ensemble.singleLeadLimit) }
            if !runaway.isEmpty {
                guard
                    let redone = summaries(
                        runaway.map { plan.unique[$0] }, settings: settings, threads: threads, precision: .double,
                        isCancelled: isCancelled)
                else { return nil }
                for (i, s) in zip(runaway, redone) { unique[i] = s }
            }
        }
        return plan.runOf.map { unique[$0] }
    }

    /// Each scenario's members at the horizon, in the order given: `leads[scenario][member]`
    /// and `adoptions[scenario][member]`. In single precision a lead near a future's
    /// threshold, or an adoption near the markets threshold, is its double-precision value.
    package static func members(
        _ scenarios: [Scenario], settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EnsemblePrecision = .single,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> (leads: [[Double]], adoptions: [[Double]])? {
        precondition(settings.members > 0, "worlds need at least one member")
        let n = settings.members
        let plan = Plan(scenarios)
        if settings.uncertainty == 0 {
            let runs = Simulation.outcomes(plan.unique)
            return (
                plan.runOf.map { [Double](repeating: runs[$0].leadMonths, count: n) },
                plan.runOf.map { [Double](repeating: runs[$0].adoption, count: n) }
            )
        }
        let single = precision == .single
        guard let raw = run(plan, settings: settings, threads: threads, single: single, isCancelled: isCancelled)
        else { return nil }
        var leads = [[Double]](), adoptions = [[Double]]()
        for (u, scenario) in plan.unique.enumerated() {
            var l = (0..<n).map { raw.lead(u, $0) }
            var a = (0..<n).map { raw.adoption(u, $0) }
            if single {
                let near = (0..<n).filter {
                    Ensemble.isNearThreshold(l[$0]) || Ensemble.isNearMarketsThreshold(a[$0])
                }
                let draws = MemberDraws(plan.groups[plan.groupOf[u]].assumptions, settings: settings)
                for (m, exact) in zip(near, EnsembleKernel.exactOutcomes(scenario, draws: draws, members: near)) {
                    if Ensemble.isNearThreshold(l[m]) { l[m] = exact.lead }
                    if Ensemble.isNearMarketsThreshold(a[m]) { a[m] = exact.adoption }
                }
            }
            leads.append(l)
            adoptions.append(a)
        }
        return (plan.runOf.map { leads[$0] }, plan.runOf.map { adoptions[$0] })
    }

    /// The batch's distinct scenarios, grouped by assumptions, and its units of work.
    struct Plan {
        /// The distinct scenarios, in order of first appearance.
        var unique: [Scenario] = []
        /// For each scenario given, its index in `unique`.
        var runOf: [Int] = []
        /// Groups of distinct scenarios that share their assumptions (one set of worlds).
        var groups: [(assumptions: Assumptions, scenarios: [Int])] = []
        /// For each distinct scenario, its group.
        var groupOf: [Int] = []

        init(_ scenarios: [Scenario]) {
            var slot: [Scenario: Int] = [:]
            var groupSlot: [Assumptions: Int] = [:]
            for s in scenarios {
                if let i = slot[s] {
                    runOf.append(i)
                    continue
                }
                let i = unique.count
                slot[s] = i
                unique.append(s)
                runOf.append(i)
                if let g = groupSlot[s.assumptions] {
                    groups[g].scenarios.append(i)
                    groupOf.append(g)
                } else {
                    groupSlot[s.assumptions] = groups.count
                    groupOf.append(groups.count)
                    groups.append((s.assumptions, [i]))
                }
            }
        }

        /// The units of work for `paddedMembers` members: (group, its scenarios, members).
        func units(paddedMembers: Int) -> [Unit] {
            var units: [Unit] = []
            for (g, group) in groups.enumerated() {
                for first in stride(from: 0, to: group.scenarios.count, by: scenariosPerUnit) {
                    let scenarios = Array(group.scenarios[first..<min(group.scenarios.count, first + scenariosPerUnit)])
                    for m in stride(from: 0, to: paddedMembers, by: chunkMembers) {
                        units.append(
                            Unit(group: g, scenarios: scenarios, members: m..<min(paddedMembers, m + chunkMembers)))
                    }
                }
            }
            return units
        }
    }

    struct Unit {
        let group: Int
        /// Indices into `Plan.unique`.
        let scenarios: [Int]
        /// A multiple of `Worlds.granule` long, from a multiple of it.
        let members: Range<Int>
    }

    /// Every member's lead and adoption at the horizon, in single or double precision:
    /// distinct scenario u's member m at `u·stride + m`.
    final class Raw: @unchecked Sendable {
        let stride: Int
        let floats: UnsafeMutableBufferPointer<Float>?
        let doubles: UnsafeMutableBufferPointer<Double>?
        let scenarios: Int

        init(scenarios: Int, stride: Int, single: Bool) {
            self.scenarios = scenarios
            self.stride = stride
            let count = 2 * scenarios * stride
            floats = single ? .allocate(capacity: count) : nil
            doubles = single ? nil : .allocate(capacity: count)
        }

        deinit {
            floats?.deallocate()
            doubles?.deallocate()
        }

        @inline(__always)
        func lead(_ u: Int, _ m: Int) -> Double {
            if let floats { Double(floats[u * stride + m]) } else { doubles![u * stride + m] }
        }

        @inline(__always)
        func adoption(_ u: Int, _ m: Int) -> Double {
            let at = (scenarios + u) * stride + m
            return if let floats { Double(floats[at]) } else { doubles![at] }
        }
    }

    /// Runs every unit of `plan` on `threads` workers.
    private static func run(
        _ plan: Plan, settings: EnsembleSettings, threads: Int, single: Bool, isCancelled: @Sendable () -> Bool
    ) -> Raw? {
        let padded = DrawCache.padded(settings.members)
        let uniforms = DrawCache.shared.uniforms(seed: settings.seed, count: padded)
        let draws = plan.groups.map { MemberDraws($0.assumptions, settings: settings) }
        // The first group's worlds in full (cached: usually the scenario's own, which the
        // ensemble draws too): the other groups copy every column they share with it.
        let reference = plan.groups.first.map { DrawCache.shared.worlds($0.assumptions, settings: settings) }
        let units = plan.units(paddedMembers: padded)
        let raw = Raw(scenarios: plan.unique.count, stride: padded, single: single)
        let next = UnitCounter()
        let flags = CancelFlag()
        let threadCount = max(1, min(threads, 64, units.count))
        let scenarios = plan.unique
        let uncertainty = settings.uncertainty
        Ensemble.parallel(threadCount) { _ in
            let lanes = EnsembleKernelF.lanes
            let blockCount = chunkMembers / lanes
            let memory = UnsafeMutableRawPointer.allocate(
                byteCount: blockCount * EnsembleKernelF.Blocks.bytesPerBlock, alignment: 64)
            defer { memory.deallocate() }
            let blocks = EnsembleKernelF.Blocks(memory, count: blockCount)
            while let u = next.take(below: units.count) {
                if isCancelled() || flags.isSet {
                    flags.set()
                    return
                }
                let unit = units[u]
                let worlds = Worlds(
                    draws[unit.group], uncertainty: uncertainty, uniforms: uniforms, first: unit.members.lowerBound,
                    count: unit.members.count, pageBacked: false, reference: reference)
                let done =
                    single
                    ? runSingle(unit, scenarios, worlds, blocks, raw, isCancelled)
                    : runDouble(unit, scenarios, worlds, raw)
                if !done {
                    flags.set()
                    return
                }
            }
        }
        return flags.isSet ? nil : raw
    }

    /// One unit in Float32: the chunk's constants once, then each scenario's regimes and months.
    private static func runSingle(
        _ unit: Unit, _ scenarios: [Scenario], _ worlds: Worlds, _ blocks: EnsembleKernelF.Blocks, _ raw: Raw,
        _ isCancelled: () -> Bool
    ) -> Bool {
        let range = 0..<(unit.members.count / EnsembleKernelF.lanes)
        let out = raw.floats!.baseAddress!
        for (j, u) in unit.scenarios.enumerated() {
            let scenario = scenarios[u]
            if j == 0 {
                EnsembleKernelF.setUp(scenario, worlds: worlds, blocks: blocks, range: range)
            } else {
                EnsembleKernelF.regimes(scenario, worlds: worlds, blocks: blocks, range: range)
            }
            let at = u * raw.stride + unit.members.lowerBound
            let done = EnsembleKernelF.simulate(
                scenario, blocks: blocks, range: range, rows: nil, stride: 0, leads: out + at,
                adoptions: out + raw.scenarios * raw.stride + at, isCancelled: isCancelled)
            if !done { return false }
        }
        return true
    }

    /// One unit in double precision (`EnsembleKernel`, the reference).
    private static func runDouble(_ unit: Unit, _ scenarios: [Scenario], _ worlds: Worlds, _ raw: Raw) -> Bool {
        let lanes = Vec.scalarCount
        let drawn = (0..<(unit.members.count / lanes)).map { worlds.block(firstMember: $0 * lanes) }
        let out = raw.doubles!.baseAddress!
        for u in unit.scenarios {
            let at = u * raw.stride + unit.members.lowerBound
            EnsembleKernel.leads(
                scenarios[u], assumptions: drawn[...], out: out + at, adoption: out + raw.scenarios * raw.stride + at)
        }
        return true
    }

    /// Each distinct scenario's Summary, scenarios dealt out to the workers in turn.
    private static func reduce(
        _ raw: Raw, plan: Plan, settings: EnsembleSettings, threads: Int, isCancelled: @Sendable () -> Bool
    ) -> [Summary]? {
        let count = plan.unique.count
        let threadCount = max(1, min(threads, 64, count))
        var summaries = [Summary](repeating: .zero, count: count)
        let cancelled = summaries.withUnsafeMutableBufferPointer { buffer -> Bool in
            let out = SendablePointer(buffer.baseAddress!)
            let flags = CancelFlag()
            Ensemble.parallel(threadCount) { worker in
                let floats = QuantileSelector<Float>(), doubles = QuantileSelector<Double>()
                for u in stride(from: worker, to: count, by: threadCount) {
                    if isCancelled() {
                        flags.set()
                        return
                    }
                    let draws = MemberDraws(plan.groups[plan.groupOf[u]].assumptions, settings: settings)
                    out.pointer[u] = summary(
                        u, plan.unique[u], raw, draws: draws, members: settings.members, floats: floats,
                        doubles: doubles)
                }
            }
            return flags.isSet
        }
        return cancelled ? nil : summaries
    }

    /// One distinct scenario's Summary: the median of its members' leads as computed (the
    /// band rule, as `Ensemble.run`'s p50), the verdicts near a threshold in double precision.
    private static func summary(
        _ u: Int, _ scenario: Scenario, _ raw: Raw, draws: MemberDraws, members n: Int,
        floats: QuantileSelector<Float>, doubles: QuantileSelector<Double>
    ) -> Summary {
        // (future1, contested, future2, China's markets), counted as the ensemble counts.
        var counts = (0, 0, 0, 0)
        var near: [Int] = [], nearLead: [Bool] = [], nearMarkets: [Bool] = []
        let countOne = { (m: Int) in
            let lead = raw.lead(u, m), adoption = raw.adoption(u, m)
            let leadIsNear = raw.floats != nil && Ensemble.isNearThreshold(lead)
            let marketsIsNear = raw.floats != nil && Ensemble.isNearMarketsThreshold(adoption)
            if leadIsNear || marketsIsNear {
                near.append(m)
                nearLead.append(leadIsNear)
                nearMarkets.append(marketsIsNear)
            }
            if !leadIsNear { Ensemble.count(lead, &counts) }
            if !marketsIsNear { Ensemble.countMarkets(adoption, &counts) }
        }
        var m = 0
        if let floats = raw.floats?.baseAddress {
            // Eight members at a time, with the same comparisons in double precision; eight
            // with a member near a threshold go one by one. Per lane, how many members were
            // Future 1, Future 2 and China's markets (a true comparison is −1), classified as
            // Ensemble.count and countMarkets do (NaN is contested, and China's). Contested
            // ones are not counted: the Summary needs none.
            var future1 = SIMD8<Int64>(), future2 = SIMD8<Int64>(), china = SIMD8<Int64>()
            typealias D = SIMD8<Double>
            let (t1, t2, tm) = (Constants.future1Threshold, Constants.future2Threshold, Constants.marketsThreshold)
            while m + 8 <= n {
                let lead = D(UnsafeRawPointer(floats + u * raw.stride + m).loadUnaligned(as: SIMD8<Float>.self))
                let adoption = D(
                    UnsafeRawPointer(floats + (raw.scenarios + u) * raw.stride + m).loadUnaligned(as: SIMD8<Float>.self)
                )
                let within = { (x: D, t: Double, g: Double) in (x - t .< g) .& (x - t .> -g) }
                let isNear =
                    within(lead, t1, Ensemble.thresholdGuard) .| within(lead, t2, Ensemble.thresholdGuard)
                    .| within(adoption, tm, Ensemble.marketsGuard)
                if any(isNear) {
                    for i in m..<(m + 8) { countOne(i) }
                } else {
                    future1 &-= unsafeBitCast(lead .>= t1, to: SIMD8<Int64>.self)
                    future2 &-= unsafeBitCast(lead .<= t2, to: SIMD8<Int64>.self)
                    china &-= unsafeBitCast(.!(adoption .>= tm), to: SIMD8<Int64>.self)
                }
                m += 8
            }
            counts.0 += Int(future1.wrappedSum())
            counts.2 += Int(future2.wrappedSum())
            counts.3 += Int(china.wrappedSum())
        }
        while m < n {
            countOne(m)
            m += 1
        }
        for (i, exact) in EnsembleKernel.exactOutcomes(scenario, draws: draws, members: near).enumerated() {
            if nearLead[i] { Ensemble.count(exact.lead, &counts) }
            if nearMarkets[i] { Ensemble.countMarkets(exact.adoption, &counts) }
        }
        let members = (u * raw.stride)..<(u * raw.stride + n)
        let median =
            if let values = raw.floats {
                floats.quantiles(UnsafeMutableBufferPointer(rebasing: values[members]), [0.5])[0]
            } else {
                doubles.quantiles(UnsafeMutableBufferPointer(rebasing: raw.doubles![members]), [0.5])[0]
            }
        let fraction = { (count: Int) in Double(count) / Double(n) }
        return Summary(
            medianLead: median, pFuture1: fraction(counts.0), pFuture2: fraction(counts.2),
            pChinaMarkets: fraction(counts.3))
    }
}

/// The next unit of work, shared by the workers.
final class UnitCounter: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0

    /// The next index below `count`, or nil when none is left.
    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
