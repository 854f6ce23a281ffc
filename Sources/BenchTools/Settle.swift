import Dashboard
import Dispatch
import FuturesModel
import Shell

extension Timing {
    /// Key to the whole screen settled, as the dashboard lives it at 120×36 across worlds: a
    /// key through reduce and the deterministic recompute, every job the screen then needs
    /// asked of the shell's `Worker` (the ensemble of `members`, the presets' ensembles,
    /// the results across worlds over 500 and then 2,000 worlds), each result reduced into
    /// the state as it comes and the jobs asked again, until every job the screen needs has
    /// delivered its final result; then the frame rendered. Each key changes the scenario
    /// (levers, presets). Median of `Timing.repetitions` keys, in milliseconds.
    static func settle(members: Int, threads: Int) -> Double {
        let signal = DispatchSemaphore(value: 0)
        let settings = EnsembleSettings(members: members, seed: 1, uncertainty: Constants.defaultUncertainty)
        let runtime = Runtime(settings: settings, threads: threads)
        let worker = Worker(executor: runtime.executor) { signal.signal() }
        defer { worker.cancelAll() }
        var state = State(width: 120, height: 36)
        state.results.ensembleMembers = members
        var requests = JobRequests()
        func ask() {
            for change in requests.changes(for: state) {
                if let job = change.job { worker.request(job) } else { worker.cancel(change.kind) }
            }
        }
        func settled() -> Bool {
            state.jobs.allSatisfy { job in state.results.latest[job.kind].map { $0.job == job && $0.complete } ?? false
            }
        }
        func waitSettled() {
            ask()
            while !settled(), signal.wait(timeout: .now() + 30) == .success {
                for action in worker.take() { reduce(&state, action) }
                ask()
            }
        }
        waitSettled()
        let keys: [Key] = [.right, .left, .right, .right, .char("1"), .left, .char("3")]
        var samples: [Double] = []
        var sink = 0
        for i in 0..<(Timing.repetitions + 3) {
            while signal.wait(timeout: .now()) == .success {}
            let start = DispatchTime.now().uptimeNanoseconds
            reduce(&state, .keyPressed(keys[i % keys.count]))
            let analysis = runtime.analysis(for: state.scenario)
            sink &+= render(state, analysis).cells.count
            waitSettled()
            let screen = render(state, analysis)
            let end = DispatchTime.now().uptimeNanoseconds
            sink &+= screen.cells.count
            if i >= 3 { samples.append(Double(end - start) / 1e6) }  // the first three warm up
        }
        if sink == 0 { print("") }
        samples.sort()
        return samples[samples.count / 2]
    }
}
