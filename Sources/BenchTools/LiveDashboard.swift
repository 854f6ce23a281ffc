import Dashboard
import Dispatch
import FuturesModel
import Shell

/// The dashboard as a session lives it, without a terminal: the state at 120×36, the
/// runtime and the shell's `Worker` answering jobs in the background, the worker's wakes
/// on a semaphore. What the key-to-screen timings (`firstBand`, `settle`) share.
final class LiveDashboard {
    let signal: DispatchSemaphore
    let runtime: Runtime
    let worker: Worker
    var state: State

    init(members: Int, threads: Int) {
        let signal = DispatchSemaphore(value: 0)
        self.signal = signal
        let settings = EnsembleSettings(members: members, seed: 1, uncertainty: Constants.defaultUncertainty)
        runtime = Runtime(settings: settings, threads: threads)
        worker = Worker(executor: runtime.executor) { signal.signal() }
        state = State(width: 120, height: 36)
        state.results.ensembleMembers = members
    }

    deinit { worker.cancelAll() }

    /// Forgets the wakes already signalled.
    func drainWakes() { while signal.wait(timeout: .now()) == .success {} }

    /// The median time in milliseconds from a key to the screen `press` returns for it, over
    /// `Timing.repetitions` keys cycled from `keys` after three that warm up; `prepare` runs
    /// before each key, untimed.
    func medianMilliseconds(keys: [Key], prepare: () -> Void, press: (Key) -> Screen) -> Double {
        var samples: [Double] = []
        var sink = 0
        for i in 0..<(Timing.repetitions + 3) {
            prepare()
            let start = DispatchTime.now().uptimeNanoseconds
            let screen = press(keys[i % keys.count])
            let end = DispatchTime.now().uptimeNanoseconds
            sink &+= screen.cells.count
            if i >= 3 { samples.append(Double(end - start) / 1e6) }  // the first three warm up
        }
        if sink == 0 { print("") }
        samples.sort()
        return samples[samples.count / 2]
    }
}
