import Dispatch
import Foundation
import FuturesModel
import Terminal

/// Runs ensembles off the main thread. The latest request wins: a newer request cancels
/// the one running (it checks between chunks) and skips any still queued, so holding an
/// arrow key never queues up work. A finished result wakes the terminal's event loop.
public final class EnsembleWorker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "twofutures.ensemble", qos: .userInitiated)
    private let lock = NSLock()
    private var generation = 0
    private var finished: (Scenario, EnsembleResult)?
    private let workspace = EnsembleWorkspace()
    private let threads: Int
    private let onFinish: @Sendable () -> Void

    /// `threads`: worker threads per ensemble (leave a core for the interface);
    /// `onFinish` wakes the main loop (the backend's `wake`).
    public init(threads: Int, onFinish: @escaping @Sendable () -> Void) {
        self.threads = threads
        self.onFinish = onFinish
    }

    /// Asks for the ensemble of `scenario`; supersedes every earlier request.
    public func request(_ scenario: Scenario, settings: EnsembleSettings) {
        let mine = lock.withLock {
            generation += 1
            return generation
        }
        queue.async { [self] in
            guard isCurrent(mine) else { return }
            let result = Ensemble.run(
                scenario, settings: settings, threads: threads, workspace: workspace,
                isCancelled: { [self] in !isCurrent(mine) })
            guard let result else { return }
            let delivered = lock.withLock { () -> Bool in
                guard generation == mine else { return false }
                finished = (scenario, result)
                return true
            }
            if delivered { onFinish() }
        }
    }

    /// Takes the newest finished result, if any.
    public func take() -> (Scenario, EnsembleResult)? {
        lock.withLock {
            defer { finished = nil }
            return finished
        }
    }

    /// Cancels whatever runs and waits until the worker is idle.
    public func cancelAll() {
        lock.withLock { generation += 1 }
        queue.sync {}
    }

    private func isCurrent(_ request: Int) -> Bool {
        lock.withLock { generation == request }
    }
}
