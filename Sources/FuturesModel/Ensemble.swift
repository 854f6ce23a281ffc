import Foundation

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

/// P(Future 1), P(contested), P(Future 2): fractions of members at the horizon.
public struct Probabilities: Sendable, Equatable {
    public var future1: Double
    public var contested: Double
    public var future2: Double

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
    /// `isCancelled` turns true (checked between chunks of members and of percentiles).
    public static func run(
        _ scenario: Scenario, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        workspace: EnsembleWorkspace? = nil,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> EnsembleResult? {
        precondition(settings.members > 0, "an ensemble needs at least one member")
        let n = settings.members
        let months = scenario.horizon + 1
        let space = workspace ?? EnsembleWorkspace()
        let blocks = (n + Vec.scalarCount - 1) / Vec.scalarCount
        let rowStride = blocks * Vec.scalarCount
        let draws = MemberDraws(scenario.assumptions, settings: settings)
        let rows = OutcomeID.allCases.count * months
        space.reserve(values: rows * rowStride)
        let threadCount = max(1, min(threads, 64))
        let out = SendablePointer(space.values.baseAddress!)

        // 1. Members, in contiguous ranges of blocks per worker.
        var counts = [[Int]](repeating: [0, 0, 0], count: threadCount)
        let cancelled = counts.withUnsafeMutableBufferPointer { countsBuffer -> Bool in
            let countsOut = SendablePointer(countsBuffer.baseAddress!)
            let flags = CancelFlag()
            parallel(threadCount) { worker in
                let first = blocks * worker / threadCount
                let last = blocks * (worker + 1) / threadCount
                var local = [0, 0, 0]
                var block = first
                while block < last {
                    if isCancelled() {
                        flags.set()
                        return
                    }
                    let end = min(last, block + 256)
                    let c = EnsembleKernel.simulate(
                        scenario, draws: draws, blocks: block..<end, members: n, out: out.pointer,
                        stride: rowStride)
                    local[0] += c.0
                    local[1] += c.1
                    local[2] += c.2
                    block = end
                }
                countsOut.pointer[worker] = local
            }
            return flags.isSet
        }
        if cancelled { return nil }

        // 2. Percentiles of every (outcome, month) row.
        var bands = [Double](repeating: 0, count: rows * 3)
        let bandsCancelled = bands.withUnsafeMutableBufferPointer { bandsBuffer -> Bool in
            let bandsOut = SendablePointer(bandsBuffer.baseAddress!)
            let flags = CancelFlag()
            parallel(threadCount) { worker in
                let selector = QuantileSelector()
                for row in stride(from: worker, to: rows, by: threadCount) {
                    if isCancelled() {
                        flags.set()
                        return
                    }
                    let values = UnsafeMutableBufferPointer(start: out.pointer + row * rowStride, count: n)
                    selector.quantiles(values, Ensemble.quantiles, into: bandsOut.pointer + row * 3)
                }
            }
            return flags.isSet
        }
        if bandsCancelled { return nil }

        var p = [[[Double]]](repeating: [], count: 3)
        for i in 0..<3 {
            p[i] = OutcomeID.allCases.map { o in
                (0..<months).map { t in bands[(o.rawValue * months + t) * 3 + i] }
            }
        }
        let total = counts.reduce([0, 0, 0]) { [$0[0] + $1[0], $0[1] + $1[1], $0[2] + $1[2]] }
        let probability = Probabilities(
            future1: Double(total[0]) / Double(n), contested: Double(total[1]) / Double(n),
            future2: Double(total[2]) / Double(n))
        return EnsembleResult(
            settings: settings, horizon: scenario.horizon, p10: p[0], p50: p[1], p90: p[2],
            probability: probability)
    }

    /// Runs `body(worker)` for workers 0..<count, concurrently when count > 1.
    static func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}

/// Reusable memory for ensembles: one buffer of outcome rows. Reuse one per caller (the
/// dashboard's worker keeps one) to avoid page faults on every run. Not for concurrent use.
public final class EnsembleWorkspace: @unchecked Sendable {
    fileprivate var values = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)

    public init() {}

    fileprivate func reserve(values count: Int) {
        if values.count >= count { return }
        values.deallocate()
        values = .allocate(capacity: count)
        values.initialize(repeating: 0)
    }

    deinit { values.deallocate() }
}

/// A raw pointer handed to worker threads, each writing its own disjoint range.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A flag that workers raise when they saw a cancellation.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var isSet: Bool { lock.withLock { raised } }
}
