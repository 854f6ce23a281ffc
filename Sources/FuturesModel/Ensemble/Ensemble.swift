import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How an ensemble is drawn: N members, a seed, and the uncertainty r ∈ [0, 1].
public struct EnsembleSettings: Sendable, Equatable, Hashable {
    public var members: Int
    public var seed: UInt64
    public var uncertainty: Double

    public init(
        members: Int, seed: UInt64 = Constants.defaultSeed,
        uncertainty: Double = Constants.defaultUncertainty
    ) {
        self.members = members
        self.seed = seed
        self.uncertainty = uncertainty
    }
}

/// P(Future 1), P(contested), P(Future 2): fractions of members at the horizon; and
/// P(China's markets), the fraction whose developing markets go to China (MODEL.md §4).
public struct Probabilities: Sendable, Equatable {
    public var future1: Double
    public var contested: Double
    public var future2: Double
    public var chinaMarkets: Double

    public subscript(future: Future) -> Double {
        switch future {
        case .future1: future1
        case .contested: contested
        case .future2: future2
        }
    }

    /// The most likely future across the worlds, and its probability; a tie goes to the
    /// contested middle, then to Future 1.
    public var mostLikely: (future: Future, probability: Double) {
        let best = [Future.contested, .future1, .future2].max { self[$0] < self[$1] } ?? .contested
        return (best, self[best])
    }
}

/// How an ensemble computes its members (MODEL.md §4 "Precision"): `single` (Float32,
/// the default whenever the uncertainty is above 0) or `double`, the reference.
public enum EnsemblePrecision: Sendable, Equatable {
    case single, double
}

/// Bands and probabilities of one ensemble.
public struct EnsembleResult: Sendable, Equatable {
    public let settings: EnsembleSettings
    public let horizon: Int
    /// `p10[OutcomeID.rawValue][t]`, likewise p50 and p90.
    public let p10: [[Double]]
    public let p50: [[Double]]
    public let p90: [[Double]]
    public let probability: Probabilities
}

/// The Monte Carlo ensemble of MODEL.md §4.
public enum Ensemble {
    /// The percentiles reported as bands.
    public static let quantiles = [0.1, 0.5, 0.9]

    /// The assumptions of one member: each drawn from a triangular distribution with mode
    /// x (its current value), low x − r·(x − min) and high x + r·(max − x). The draws
    /// depend only on (seed, member index).
    public static func draw(_ base: Assumptions, member: Int, settings: EnsembleSettings) -> Assumptions {
        MemberDraws(base, settings: settings).assumptions(member: member)
    }

    /// Runs the ensemble. Results are identical whatever `threads` is. Returns nil when
    /// `isCancelled` turns true (checked between tiles of members in the kernel and between
    /// rows of percentiles). Members are computed in single precision when the uncertainty
    /// is above 0 (MODEL.md §4 "Precision"), in double precision otherwise.
    public static func run(
        _ scenario: Scenario, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        workspace: EnsembleWorkspace? = nil,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> EnsembleResult? {
        run(
            scenario, settings: settings, threads: threads, workspace: workspace,
            precision: settings.uncertainty > 0 ? .single : .double, isCancelled: isCancelled)
    }

    /// Runs the ensemble in the given precision: `.double` is the reference that the
    /// Float32 path is held to (same draws), `.single` the fast path. With uncertainty 0
    /// every member is the deterministic run, so the precision is always double there.
    public static func run(
        _ scenario: Scenario, settings: EnsembleSettings, threads: Int, workspace: EnsembleWorkspace?,
        precision: EnsemblePrecision, isCancelled: @Sendable () -> Bool = { false }
    ) -> EnsembleResult? {
        precondition(settings.members > 0, "an ensemble needs at least one member")
        let space = workspace ?? EnsembleWorkspace()
        let worlds = DrawCache.shared.worlds(scenario.assumptions, settings: settings)
        let threadCount = max(1, min(threads, 64))
        let single = precision == .single && settings.uncertainty > 0
        let months = scenario.horizon + 1
        var computed =
            single
            ? runSingle(scenario, settings, worlds, threadCount, space, isCancelled)
            : runDouble(scenario, settings, worlds, threadCount, space, isCancelled)
        // Float32 holds a lead to MODEL.md's 1e-3 months only while leads stay modest
        // (its step at 2048 months is 2.4e-4); worlds that run away are redone in double.
        if single, let (bands, _) = computed, Self.leadsRunAway(bands, months: months) {
            computed = runDouble(scenario, settings, worlds, threadCount, space, isCancelled)
        }
        guard let (bands, counts) = computed else { return nil }
        var p = [[[Double]]](repeating: [], count: 3)
        for i in 0..<3 {
            p[i] = OutcomeID.allCases.map { o in
                (0..<months).map { t in bands[(o.rawValue * months + t) * 3 + i] }
            }
        }
        let n = Double(settings.members)
        let probability = Probabilities(
            future1: Double(counts.0) / n, contested: Double(counts.1) / n, future2: Double(counts.2) / n,
            chinaMarkets: Double(counts.3) / n)
        return EnsembleResult(
            settings: settings, horizon: scenario.horizon, p10: p[0], p50: p[1], p90: p[2],
            probability: probability)
    }

    /// The largest lead, in months, that a single-precision band may hold: past it the
    /// ensemble is computed in double precision.
    package static let singleLeadLimit = 256.0

    /// Whether any percentile of the lead, at any month, lies beyond `singleLeadLimit`.
    static func leadsRunAway(_ bands: [Double], months: Int) -> Bool {
        let start = OutcomeID.leadMonths.rawValue * months * 3
        return bands[start..<(start + months * 3)].contains { !(abs($0) <= singleLeadLimit) }
    }

    /// A member whose single-precision lead at the horizon lies this close to a future's
    /// threshold is classified by its lead in double precision, so that no member's future
    /// depends on the precision. Twice the 1e-3 months MODEL.md allows a Float32 band value,
    /// which `PrecisionTests` holds every member's lead to (the worst it finds, over all
    /// presets at H = 12…120, is about 4e-4 months, at H = 120; 2e-5 at H = 36).
    package static let thresholdGuard = 2e-3

    /// Likewise for the markets: a member whose single-precision adoption at the horizon
    /// lies this close to the markets threshold is classified by its adoption in double
    /// precision. Twice the 1e-4 of a share MODEL.md allows, which `PrecisionTests` holds
    /// every member's adoption to (the worst it finds is about 4e-6).
    package static let marketsGuard = 2e-4

    /// Blocks of the Float32 kernel in one item of work: small enough that the workers run
    /// out of items together (a tile is about 1/150 of the 10,000-member kernel), large
    /// enough that taking one costs nothing.
    static let tileBlocks = 8

    /// The Float32 members, in one parallel pass, so that a second thread is woken once a
    /// run. The workers take tiles of blocks in turn: each sets up and runs its tile, then
    /// classifies the tile's members at the horizon (while their rows are still in cache);
    /// a worker out of tiles settles its near-threshold members in double precision, waits
    /// for the tiles still running, then takes rows for percentiles in turn. The bands,
    /// `[(o·(H+1) + t)·3 + quantile]`, and the counts.
    private static func runSingle(
        _ scenario: Scenario, _ settings: EnsembleSettings, _ worlds: Worlds, _ threadCount: Int,
        _ space: EnsembleWorkspace, _ isCancelled: @Sendable () -> Bool
    ) -> ([Double], (Int, Int, Int, Int))? {
        let n = settings.members
        let months = scenario.horizon + 1
        let lanes = EnsembleKernelF.lanes
        let blockCount = (n + lanes - 1) / lanes
        let rowStride = blockCount * lanes
        let rows = OutcomeID.allCases.count * months
        let blocks = space.reserveSingle(rows: rows * rowStride, blocks: blockCount)
        let out = SendablePointer(space.floats.baseAddress!)
        let selectors = space.selectors(Float.self, count: threadCount)
        let tiles = WorkQueue((blockCount + tileBlocks - 1) / tileBlocks)
        let rowQueue = WorkQueue(rows)
        let tally = Tally()
        // Member m's lead and adoption at the horizon.
        let leads = SendablePointer(out.pointer + scenario.horizon * rowStride)
        let adoptions = SendablePointer(
            out.pointer + (OutcomeID.adoption.rawValue * months + scenario.horizon) * rowStride)
        var bands = [Double](repeating: 0, count: rows * 3)
        bands.withUnsafeMutableBufferPointer { bandsBuffer in
            let bandsOut = SendablePointer(bandsBuffer.baseAddress!)
            parallel(threadCount) { worker in
                var counts = (0, 0, 0, 0)
                var near: [Int] = [], nearLead: [Bool] = [], nearMarkets: [Bool] = []
                while let tile = tiles.take() {
                    if isCancelled() {
                        tiles.cancel()
                        return
                    }
                    let range = (tile * tileBlocks)..<min(blockCount, (tile + 1) * tileBlocks)
                    EnsembleKernelF.setUp(scenario, worlds: worlds, blocks: blocks, range: range)
                    _ = EnsembleKernelF.simulate(
                        scenario, blocks: blocks, range: range, rows: out.pointer, stride: rowStride, leads: nil,
                        isCancelled: { false })
                    for member in (range.lowerBound * lanes)..<min(n, range.upperBound * lanes) {
                        let lead = Double(leads.pointer[member]), adoption = Double(adoptions.pointer[member])
                        let leadIsNear = isNearThreshold(lead), marketsIsNear = isNearMarketsThreshold(adoption)
                        if leadIsNear || marketsIsNear {
                            near.append(member)
                            nearLead.append(leadIsNear)
                            nearMarkets.append(marketsIsNear)
                        }
                        if !leadIsNear { count(lead, &counts) }
                        if !marketsIsNear { countMarkets(adoption, &counts) }
                    }
                    tiles.finish()
                }
                // Only the verdict that is near its threshold is settled in double precision.
                for (i, exact) in EnsembleKernel.exactOutcomes(scenario, worlds: worlds, members: near).enumerated() {
                    if nearLead[i] { count(exact.lead, &counts) }
                    if nearMarkets[i] { countMarkets(exact.adoption, &counts) }
                }
                tally.add(counts)
                guard tiles.waitUntilFinished() else { return }
                bandRows(
                    rowQueue, selectors.all[worker], out.pointer, stride: rowStride, n: n, bands: bandsOut.pointer,
                    isCancelled)
            }
        }
        if tiles.isCancelled || rowQueue.isCancelled { return nil }
        return (bands, tally.counts)
    }

    /// Whether a single-precision lead is too close to a threshold to classify.
    @inline(__always)
    static func isNearThreshold(_ lead: Double) -> Bool {
        abs(lead - Constants.future1Threshold) < thresholdGuard
            || abs(lead - Constants.future2Threshold) < thresholdGuard
    }

    /// Whether a single-precision adoption is too close to the markets threshold to classify.
    @inline(__always)
    static func isNearMarketsThreshold(_ adoption: Double) -> Bool {
        abs(adoption - Constants.marketsThreshold) < marketsGuard
    }

    @inline(__always)
    static func count(_ lead: Double, _ counts: inout (Int, Int, Int, Int)) {
        switch Future(lead: lead) {
        case .future1: counts.0 += 1
        case .contested: counts.1 += 1
        case .future2: counts.2 += 1
        }
    }

    @inline(__always)
    static func countMarkets(_ adoption: Double, _ counts: inout (Int, Int, Int, Int)) {
        if Markets(adoption: adoption) == .china { counts.3 += 1 }
    }

    /// The double-precision members (the reference, and every ensemble with uncertainty 0).
    private static func runDouble(
        _ scenario: Scenario, _ settings: EnsembleSettings, _ worlds: Worlds, _ threadCount: Int,
        _ space: EnsembleWorkspace, _ isCancelled: @Sendable () -> Bool
    ) -> ([Double], (Int, Int, Int, Int))? {
        let n = settings.members
        let months = scenario.horizon + 1
        let blocks = (n + Vec.scalarCount - 1) / Vec.scalarCount
        let rowStride = blocks * Vec.scalarCount
        let rows = OutcomeID.allCases.count * months
        space.reserve(values: rows * rowStride)
        let out = SendablePointer(space.values.baseAddress!)

        // 1. Members, in contiguous ranges of blocks per worker.
        var counts = [[Int]](repeating: [0, 0, 0, 0], count: threadCount)
        let cancelled = counts.withUnsafeMutableBufferPointer { countsBuffer -> Bool in
            let countsOut = SendablePointer(countsBuffer.baseAddress!)
            let flags = CancelFlag()
            parallel(threadCount) { worker in
                let range = chunk(worker, of: threadCount, blocks: blocks)
                let first = range.lowerBound, last = range.upperBound
                var local = [0, 0, 0, 0]
                var block = first
                while block < last {
                    if isCancelled() {
                        flags.set()
                        return
                    }
                    let end = min(last, block + 256)
                    let c = EnsembleKernel.simulate(
                        scenario, worlds: worlds, blocks: block..<end, members: n, out: out.pointer,
                        stride: rowStride)
                    local[0] += c.0
                    local[1] += c.1
                    local[2] += c.2
                    local[3] += c.3
                    block = end
                }
                countsOut.pointer[worker] = local
            }
            return flags.isSet
        }
        if cancelled { return nil }
        guard
            let bands = percentiles(out.pointer, rows: rows, stride: rowStride, n: n, threadCount, space, isCancelled)
        else { return nil }
        let total = counts.reduce([0, 0, 0, 0]) { [$0[0] + $1[0], $0[1] + $1[1], $0[2] + $1[2], $0[3] + $1[3]] }
        return (bands, (total[0], total[1], total[2], total[3]))
    }

    /// The percentiles of every (outcome, month) row, `n` values each `stride` apart, the
    /// rows taken by the workers in turn: `[row·3 + quantile]`.
    private static func percentiles<Value: QuantileValue>(
        _ out: UnsafeMutablePointer<Value>, rows: Int, stride rowStride: Int, n: Int, _ threadCount: Int,
        _ space: EnsembleWorkspace, _ isCancelled: @Sendable () -> Bool
    ) -> [Double]? {
        let base = SendablePointer(out)
        let selectors = space.selectors(Value.self, count: threadCount)
        let queue = WorkQueue(rows)
        var bands = [Double](repeating: 0, count: rows * 3)
        bands.withUnsafeMutableBufferPointer { bandsBuffer in
            let bandsOut = SendablePointer(bandsBuffer.baseAddress!)
            parallel(threadCount) { worker in
                bandRows(
                    queue, selectors.all[worker], base.pointer, stride: rowStride, n: n, bands: bandsOut.pointer,
                    isCancelled)
            }
        }
        return queue.isCancelled ? nil : bands
    }

    /// Takes rows from `queue` until none is left, and writes the percentiles of row r
    /// (`n` values from `out + r·stride`, left unchanged) to `bands[r·3…]`. Cancels the
    /// queue when `isCancelled` turns true (checked before every row).
    private static func bandRows<Value: QuantileValue>(
        _ queue: WorkQueue, _ selector: QuantileSelector<Value>, _ out: UnsafeMutablePointer<Value>, stride: Int,
        n: Int, bands: UnsafeMutablePointer<Double>, _ isCancelled: () -> Bool
    ) {
        while let row = queue.take() {
            if isCancelled() {
                queue.cancel()
                return
            }
            let values = UnsafeMutableBufferPointer(start: out + row * stride, count: n)
            selector.quantiles(values, Ensemble.quantiles, into: bands + row * 3)
        }
    }
}

/// The counts of futures and markets that the workers of one run add up.
private final class Tally: @unchecked Sendable {
    private let lock = Lock()
    private var total = (0, 0, 0, 0)

    func add(_ c: (Int, Int, Int, Int)) {
        lock.withLock { total = (total.0 + c.0, total.1 + c.1, total.2 + c.2, total.3 + c.3) }
    }

    var counts: (Int, Int, Int, Int) { lock.withLock { total } }
}
