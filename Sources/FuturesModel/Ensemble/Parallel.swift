import Dispatch
import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The thread plumbing of the ensemble, the map and the member leads: members (in blocks of
// SIMD lanes) or rows split among workers, the workers run on threads, and the memory they
// share. Every worker owns a fixed part of the output, or takes items whose output has a
// place of its own, so every result is written to the same place whatever the thread count
// and results never depend on it.

extension Ensemble {
    /// Runs `body(worker)` for workers 0..<count, concurrently when count > 1.
    static func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// The blocks worker `worker` of `count` takes out of `blocks`: contiguous and in order,
    /// their sizes differing by at most one, together every block exactly once.
    static func chunk(_ worker: Int, of count: Int, blocks: Int) -> Range<Int> {
        (blocks * worker / count)..<(blocks * (worker + 1) / count)
    }
}

/// Items 0..<count that workers take one at a time, in order, until none is left: a
/// worker that starts late (a pool thread still waking) or runs slowly takes fewer, so
/// no worker waits for another's fixed share. What an item computes must not depend on
/// which worker takes it. Once cancelled, no item is handed out.
final class WorkQueue: @unchecked Sendable {
    let count: Int
    private let condition = Condition()
    private var next = 0, finished = 0, cancelled = false

    /// How often a worker out of items yields its processor before it sleeps until the
    /// last item is done: an item takes some microseconds, a yield well under one.
    static let spins = 200

    init(_ count: Int) { self.count = count }

    /// The next item, or nil when every item is taken or the queue is cancelled.
    func take() -> Int? {
        condition.withLock {
            guard !cancelled, next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Marks one taken item as done.
    func finish() {
        condition.withLock {
            finished += 1
            if finished == count { condition.broadcast() }
        }
    }

    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    var isCancelled: Bool { condition.withLock { cancelled } }

    /// Waits until every item is done (true) or the queue is cancelled (false): first
    /// yielding the processor (the items still running end within microseconds), then
    /// asleep (their worker was descheduled). Never waits for a worker that took nothing,
    /// so it cannot hang on one that never started.
    func waitUntilFinished() -> Bool {
        for _ in 0..<Self.spins {
            let (done, stop) = condition.withLock { (finished == count, cancelled) }
            if stop { return false }
            if done { return true }
            sched_yield()
        }
        return condition.withLock {
            while finished < count && !cancelled { condition.wait() }
            return !cancelled
        }
    }
}

/// Reusable memory for ensembles: one buffer of outcome rows, and each worker's percentile
/// selector. Reuse one per caller (the dashboard's worker keeps one) to avoid page faults
/// on every run. Not for concurrent use.
/// It keeps what the largest ensemble run in it needed, in pages of its own (`PageMemory`):
/// 4 outcomes × (horizon + 1) months of Float32 rows a member and the Float32 kernel's
/// blocks (56 B a member): 5.9 + 0.6 MB for 10,000 members over 36 months (19.4 + 0.6 MB
/// over 120); Float64 rows (twice the Float32 ones) only once a run needed double
/// precision (uncertainty 0, or leads that run away).
public final class EnsembleWorkspace: @unchecked Sendable {
    /// The outcome rows of the double-precision path, and of the single-precision one.
    private(set) var values = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    private(set) var floats = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)
    /// The Float32 kernel's per-block constants and state.
    private var blockMemory = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    /// One percentile selector per worker (their scratch grows to the largest row).
    private var floatSelectors: [QuantileSelector<Float>] = []
    private var doubleSelectors: [QuantileSelector<Double>] = []

    public init() {}

    /// `count` selectors of `Value` rows, one per worker, kept for the next run.
    func selectors<Value: QuantileValue>(_: Value.Type, count: Int) -> WorkerSelectors<Value> {
        if Value.self == Float.self {
            while floatSelectors.count < count { floatSelectors.append(QuantileSelector()) }
            return WorkerSelectors(floatSelectors as! [QuantileSelector<Value>])
        }
        while doubleSelectors.count < count { doubleSelectors.append(QuantileSelector()) }
        return WorkerSelectors(doubleSelectors as! [QuantileSelector<Value>])
    }

    /// Room for `count` doubles of outcome rows.
    func reserve(values count: Int) {
        if values.count >= count { return }
        PageMemory.deallocate(values)
        values = PageMemory.allocate(Double.self, count: count)
    }

    /// Room for `rows` floats of outcome rows and `blocks` blocks of the Float32 kernel.
    func reserveSingle(rows count: Int, blocks: Int) -> EnsembleKernelF.Blocks {
        if floats.count < count {
            PageMemory.deallocate(floats)
            floats = PageMemory.allocate(Float.self, count: count)
        }
        let bytes = blocks * EnsembleKernelF.Blocks.bytesPerBlock
        if blockMemory.count < bytes {
            PageMemory.deallocate(blockMemory.baseAddress, byteCount: blockMemory.count)
            blockMemory = UnsafeMutableRawBufferPointer(start: PageMemory.allocate(byteCount: bytes), count: bytes)
        }
        return EnsembleKernelF.Blocks(blockMemory.baseAddress!, count: blocks)
    }

    deinit {
        PageMemory.deallocate(values)
        PageMemory.deallocate(floats)
        PageMemory.deallocate(blockMemory.baseAddress, byteCount: blockMemory.count)
    }
}

/// Percentile selectors handed to worker threads: worker w uses only `all[w]`.
struct WorkerSelectors<Value: QuantileValue>: @unchecked Sendable {
    let all: [QuantileSelector<Value>]
    init(_ all: [QuantileSelector<Value>]) { self.all = all }
}

/// A raw pointer handed to worker threads, each writing its own disjoint range (a chunk of
/// blocks, or its own rows).
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A flag that workers raise when they saw a cancellation.
final class CancelFlag: @unchecked Sendable {
    private let lock = Lock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var isSet: Bool { lock.withLock { raised } }
}
