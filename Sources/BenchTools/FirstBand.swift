import Dashboard
import Dispatch
import FuturesModel
import Shell

extension Timing {
    /// Key to the first refined band, as the dashboard lives it: a key through reduce and
    /// the deterministic recompute, the ensemble asked of the shell's `Worker` (the
    /// screen's 2,000 members, so the first 1,000 come first), its first band reduced into the state and
    /// the frame rendered at 120×36. The worker stays up across keys, as in a session;
    /// each key changes the scenario. Median of `Timing.repetitions` keys, in milliseconds.
    static func firstBand(members: Int, threads: Int) -> Double {
        let live = LiveDashboard(members: members, threads: threads)
        let keys: [Key] = [.right, .left, .down, .right, .right, .up, .left, .char("1"), .char("3")]
        return live.medianMilliseconds(keys: keys) {
            // Let the previous key's full ensemble finish, so that each key starts from a quiet worker.
            live.worker.cancelAll()
            _ = live.worker.take()
            live.drainWakes()
        } press: { key in
            reduce(&live.state, .keyPressed(key))
            let analysis = live.runtime.analysis(for: live.state.scenario)
            live.worker.request(.ensemble(live.state.scenario))
            var band = false
            while !band, live.signal.wait(timeout: .now() + 30) == .success {
                for action in live.worker.take() {
                    reduce(&live.state, action)
                    band = band || live.state.currentEnsemble != nil
                }
            }
            return render(live.state, analysis)
        }
    }
}
