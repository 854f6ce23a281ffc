import Dashboard
import Dispatch
import FuturesModel
import Shell

extension Timing {
    /// Key to the whole screen settled, as the dashboard lives it at 120×36 across worlds: a
    /// key through reduce and the deterministic recompute, every job the screen then needs
    /// asked of the shell's `Worker` (the ensemble of `members`, the presets' ensembles,
    /// the results across worlds over 500 and then `members` worlds), each result reduced into
    /// the state as it comes and the jobs asked again, until every job the screen needs has
    /// delivered its final result; then the frame rendered. Each key changes the scenario
    /// (levers, presets). Median of `Timing.repetitions` keys, in milliseconds.
    static func settle(members: Int, threads: Int) -> Double {
        let live = LiveDashboard(members: members, threads: threads)
        var requests = JobRequests()
        func ask() {
            for change in requests.changes(for: live.state) {
                if let job = change.job { live.worker.request(job) } else { live.worker.cancel(change.kind) }
            }
        }
        func settled() -> Bool {
            live.state.jobs.allSatisfy { job in
                live.state.results.latest[job.kind].map { $0.job == job && $0.complete } ?? false
            }
        }
        func waitSettled() {
            ask()
            while !settled(), live.signal.wait(timeout: .now() + 30) == .success {
                for action in live.worker.take() { reduce(&live.state, action) }
                ask()
            }
        }
        waitSettled()
        let keys: [Key] = [.right, .left, .right, .right, .char("1"), .left, .char("3")]
        var sink = 0
        let median = live.medianMilliseconds(keys: keys, prepare: live.drainWakes) { key in
            reduce(&live.state, .keyPressed(key))
            let analysis = live.runtime.analysis(for: live.state.scenario)
            sink &+= render(live.state, analysis).cells.count
            waitSettled()
            return render(live.state, analysis)
        }
        if sink == 0 { print("") }
        return median
    }
}
