import Dashboard
import Dispatch
import FuturesModel
import Shell

extension Timing {
    /// Key to the first refined band, as the dashboard lives it: a key through reduce and
    /// the deterministic recompute, the ensemble asked of the shell's `Worker` (10,000
    /// members, so the first 1,000 come first), its first band reduced into the state and
    /// the frame rendered at 120×36. The worker stays up across keys, as in a session;
    /// each key changes the scenario. Median of `Timing.repetitions` keys, in milliseconds.
    static func firstBand(members: Int, threads: Int) -> Double {
        let signal = DispatchSemaphore(value: 0)
        let settings = EnsembleSettings(members: members, seed: 1, uncertainty: Constants.defaultUncertainty)
        let runtime = Runtime(settings: settings, threads: threads)
        let worker = Worker(executor: runtime.executor) { signal.signal() }
        defer { worker.cancelAll() }
        var state = State(width: 120, height: 36)
        state.results.ensembleMembers = members
        let keys: [Key] = [.right, .left, .down, .right, .right, .up, .left, .char("1"), .char("3")]
        var samples: [Double] = []
        var sink = 0
        for i in 0..<(Timing.repetitions + 3) {
            // Let the previous key's full ensemble finish, so that each key starts from a quiet worker.
            worker.cancelAll()
            _ = worker.take()
            while signal.wait(timeout: .now()) == .success {}
            let start = DispatchTime.now().uptimeNanoseconds
            reduce(&state, .keyPressed(keys[i % keys.count]))
            let analysis = runtime.analysis(for: state.scenario)
            worker.request(.ensemble(state.scenario))
            var band = false
            while !band, signal.wait(timeout: .now() + 30) == .success {
                for action in worker.take() {
                    reduce(&state, action)
                    band = band || state.currentEnsemble != nil
                }
            }
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
