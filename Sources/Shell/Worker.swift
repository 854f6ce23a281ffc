import Dashboard
import Dispatch
import Foundation
import FuturesModel
import Terminal

/// Runs the dashboard's jobs (ensembles, levers across worlds, maps) off the main thread,
/// one at a time on a serial queue, the ensemble first. Per kind the latest request wins:
/// a newer request cancels the one of its kind running (each job checks between chunks)
/// and skips any still queued, so holding an arrow key never queues up work. A finished
/// result wakes the terminal's event loop; `take` hands the results over as actions.
public final class Worker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "twofutures.worker", qos: .userInitiated)
    private let lock = NSLock()
    /// Per kind, the number of the latest request.
    private var generation = [Int](repeating: 0, count: Job.Kind.allCases.count)
    private var finished: [Action] = []
    private let workspace = EnsembleWorkspace()
    private let threads: Int
    private let settings: EnsembleSettings
    private let onFinish: @Sendable () -> Void

    /// `threads`: threads per job (leave a core for the interface); `settings`: the
    /// ensemble's and the across-worlds rows' members, seed and spread; `onFinish` wakes
    /// the main loop (the backend's `wake`).
    public init(threads: Int, settings: EnsembleSettings, onFinish: @escaping @Sendable () -> Void) {
        self.threads = threads
        self.settings = settings
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
            let cancelled: @Sendable () -> Bool = { !current() }
            run(job, isCancelled: cancelled) { action in
                let delivered = lock.withLock { () -> Bool in
                    guard generation[kind] == mine else { return false }
                    finished.append(action)
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

    /// Runs `job`, handing each result to `deliver`: an ensemble twice, its first
    /// `Job.firstMembers` members (a band within a frame) and then all of them.
    private func run(
        _ job: Job, isCancelled: @escaping @Sendable () -> Bool, deliver: (Action) -> Void
    ) {
        switch job {
        case .ensemble(let scenario):
            for step in Job.ensembleSteps(settings) {
                let result = Ensemble.run(
                    scenario, settings: step, threads: threads, workspace: workspace, isCancelled: isCancelled)
                guard let result else { return }
                deliver(.ensembleFinished(result, for: scenario))
            }
        case .robustness(let scenario):
            let result = Robustness.run(
                scenario, settings: Job.robustnessSettings(settings), threads: threads, isCancelled: isCancelled)
            if let result { deliver(.robustnessFinished(result)) }
        case .map(let r):
            let map = FuturesMap.compute(
                r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny, threads: threads, isCancelled: isCancelled)
            if let map { deliver(.mapFinished(map)) }
        }
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
