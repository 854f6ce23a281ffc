import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fraction of members at a row's two settings, and the change between them.
public struct PairedFraction: Sendable, Equatable {
    public let weak: Double
    public let strong: Double
    /// `strong − weak`, exactly as computed in doubles.
    public var delta: Double { strong - weak }

    public init(weak: Double, strong: Double) {
        self.weak = weak
        self.strong = strong
    }
}

/// One row of "Robustness across worlds" (MODEL.md §4): one lever, or the policy's start,
/// moved from its weak to its strong setting in every world of the ensemble.
public struct RobustnessRow: Sendable, Equatable {
    /// `.lever(…)` or `.policyStart`.
    public let parameter: ParameterID
    /// The parameter's weak and strong values: a lever's `future2` and `future1` preset
    /// values; for the start, 12 and 0 months.
    public let weak: Double
    public let strong: Double
    public let pFuture1: PairedFraction
    public let pFuture2: PairedFraction
    /// The median over members of lead(strong) − lead(weak), in months.
    public let medianGain: Double
    /// The fractions of members whose gain is > 0, < 0, and whose future differs.
    public let helps: Double
    public let hurts: Double
    public let pivotal: Double

    public var id: String { parameter.spec.id }
    public var kind: ParameterKind { parameter.spec.kind }
}

/// The robustness rows of one scenario, sorted as MODEL.md §4 says.
public struct RobustnessResult: Sendable, Equatable {
    public let scenario: Scenario
    public let settings: EnsembleSettings
    public let rows: [RobustnessRow]
}

/// "Robustness across worlds": does a lever help in most plausible worlds, or only in the
/// one on screen? Every row runs the same members (paired draws).
public enum Robustness {
    /// The timing row's weak start (a year's delay) and strong start (now), in months.
    public static let lateStart = 12
    public static let earlyStart = 0

    /// The rows' parameters in table order: the five levers, then `policy_start`.
    public static let parameters: [ParameterID] = LeverID.allCases.map { .lever($0) } + [.policyStart]

    /// The weak and strong values of a row's parameter.
    public static func weakAndStrong(_ id: ParameterID) -> (weak: Double, strong: Double) {
        switch id {
        case .lever(let l): (Preset.future2.levers[l], Preset.future1.levers[l])
        case .policyStart: (Double(lateStart), Double(earlyStart))
        case .assumption: preconditionFailure("robustness rows are levers and the policy's start")
        }
    }

    /// Runs the six rows with the ensemble `settings` (members > 0). Results are identical
    /// whatever `threads` is. Nil when `isCancelled` turns true; the dashboard's worker
    /// passes its "a newer request came" check (latest wins). Members run in single
    /// precision when the uncertainty is above 0, as in `Ensemble.run`.
    public static func run(
        _ scenario: Scenario, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> RobustnessResult? {
        run(scenario, settings: settings, threads: threads, precision: .single, isCancelled: isCancelled)
    }

    /// A member whose single-precision gain is this small (0 included, unless the two
    /// settings are the same scenario) has both leads computed in double precision, so that
    /// whether a lever helps or hurts it does not depend on the precision.
    static let gainGuard = 0.001

    /// The rows in the given precision (`.double` is the reference; uncertainty 0 is
    /// always double).
    public static func run(
        _ scenario: Scenario, settings: EnsembleSettings, threads: Int, precision: EnsemblePrecision,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> RobustnessResult? {
        let pairs = parameters.map { id -> (Scenario, Scenario) in
            let (weak, strong) = weakAndStrong(id)
            var w = scenario, s = scenario
            w[id] = weak
            s[id] = strong
            return (w, s)
        }
        guard
            let leads = WorldsEngine.members(
                pairs.flatMap { [$0.0, $0.1] }, settings: settings, threads: threads, precision: precision,
                isCancelled: isCancelled)?.leads
        else { return nil }
        let single = precision == .single && settings.uncertainty > 0
        let draws = MemberDraws(scenario.assumptions, settings: settings)
        let selector = QuantileSelector<Double>()
        let rows = parameters.indices.map { k in
            var weak = leads[2 * k], strong = leads[2 * k + 1]
            if single {
                // A gain of exactly 0 is checked too: two settings whose double-precision
                // constants differ by ~1e-8 can round to the same Float32 world.
                let same = pairs[k].0 == pairs[k].1
                let small = weak.indices.filter { m in
                    let gain = strong[m] - weak[m]
                    return !same && abs(gain) < gainGuard
                }
                let exactWeak = EnsembleKernel.exactOutcomes(pairs[k].0, draws: draws, members: small)
                for (m, x) in zip(small, exactWeak) { weak[m] = x.lead }
                let exactStrong = EnsembleKernel.exactOutcomes(pairs[k].1, draws: draws, members: small)
                for (m, x) in zip(small, exactStrong) { strong[m] = x.lead }
            }
            return row(parameters[k], weak: weak, strong: strong, selector: selector)
        }
        return RobustnessResult(scenario: scenario, settings: settings, rows: sorted(rows, members: settings.members))
    }

    /// Sorts rows by |Δp_future1| + |Δp_future2|, largest first, then by |median_gain|,
    /// largest first; equal rows keep their order (a stable sort). The first key is
    /// compared in whole members, so that rounding in doubles cannot split a tie.
    static func sorted(_ rows: [RobustnessRow], members n: Int) -> [RobustnessRow] {
        func moved(_ r: RobustnessRow) -> Int {
            let count = { (p: Double) in Int((p * Double(n)).rounded()) }
            return abs(count(r.pFuture1.strong) - count(r.pFuture1.weak))
                + abs(count(r.pFuture2.strong) - count(r.pFuture2.weak))
        }
        let keyed = rows.map { (row: $0, moved: moved($0)) }
        return stableSorted(keyed) { a, b in
            a.moved != b.moved ? a.moved > b.moved : abs(a.row.medianGain) > abs(b.row.medianGain)
        }.map(\.row)
    }

    /// One row from each member's lead at the weak and the strong setting.
    private static func row(
        _ id: ParameterID, weak: [Double], strong: [Double], selector: QuantileSelector<Double>
    ) -> RobustnessRow {
        let n = weak.count
        var f1 = (weak: 0, strong: 0), f2 = (weak: 0, strong: 0)
        var helps = 0, hurts = 0, pivotal = 0
        var gains = [Double](repeating: 0, count: n)
        for m in 0..<n {
            let (a, b) = (Future(lead: weak[m]), Future(lead: strong[m]))
            if a == .future1 { f1.weak += 1 }
            if b == .future1 { f1.strong += 1 }
            if a == .future2 { f2.weak += 1 }
            if b == .future2 { f2.strong += 1 }
            if a != b { pivotal += 1 }
            let gain = strong[m] - weak[m]
            if gain > 0 { helps += 1 }
            if gain < 0 { hurts += 1 }
            gains[m] = gain
        }
        let median = gains.withUnsafeMutableBufferPointer { selector.quantiles($0, [0.5])[0] }
        let fraction = { (count: Int) in Double(count) / Double(n) }
        let (w, s) = weakAndStrong(id)
        return RobustnessRow(
            parameter: id, weak: w, strong: s,
            pFuture1: PairedFraction(weak: fraction(f1.weak), strong: fraction(f1.strong)),
            pFuture2: PairedFraction(weak: fraction(f2.weak), strong: fraction(f2.strong)),
            medianGain: median, helps: fraction(helps), hurts: fraction(hurts), pivotal: fraction(pivotal))
    }
}
