import Dashboard
import Dispatch
import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the runtime's jobs off the main thread, one at a time on a serial queue, through
/// the `JobExecutor`. Per kind the latest request wins: a newer request cancels the one of
/// its kind running (each job checks between chunks) and skips any still queued, so
/// holding an arrow key never queues up work. A result wakes the terminal's event loop;
/// `take` hands the results over as actions.
public final class Worker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "twofutures.worker", qos: .userInitiated)
    private let lock = Lock()
    /// Per kind, the number of the latest request.
    private var generation = [Int](repeating: 0, count: Job.Kind.allCases.count)
    private var finished: [Action] = []
    private let executor: JobExecutor
    private let onFinish: @Sendable () -> Void

    /// `onFinish` wakes the main loop (the backend's `wake`).
    public init(executor: JobExecutor, onFinish: @escaping @Sendable () -> Void) {
        self.executor = executor
        self.onFinish = onFinish
    }

    /// Asks for `job`; supersedes every earlier request of its kind.
    public func request(_ job: Job) {
        let kind = job.kind.rawValue
        let mine = lock.withLock {
            generation[kind] += 1
            return generation[kind]
        }
        let current: @Sendable () -> Bool = { [self] in lock.withLock { generation[kind] == mine } }
        queue.async { [self] in
            guard current() else { return }
            executor.run(job, isCancelled: { !current() }) { result in
                let delivered = lock.withLock { () -> Bool in
                    guard generation[kind] == mine else { return false }
                    finished.append(.jobFinished(result))
                    return true
                }
                if delivered { onFinish() }
            }
        }
    }

    /// Drops the request of `kind` that runs or waits, if any (the screen stopped needing it).
    public func cancel(_ kind: Job.Kind) {
        lock.withLock { generation[kind.rawValue] += 1 }
    }

    /// Takes the finished results, oldest first, each still the latest of its kind.
    public func take() -> [Action] {
        lock.withLock {
            defer { finished = [] }
            return finished
        }
    }

    /// Cancels whatever runs and waits until the worker is idle.
    public func cancelAll() {
        lock.withLock { for k in generation.indices { generation[k] += 1 } }
        queue.sync {}
    }
}
