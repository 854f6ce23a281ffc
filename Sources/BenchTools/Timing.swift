import Dashboard
import Dispatch
import FoundationEssentials
import FuturesModel
import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock timing with a monotonic clock.
enum Timing {
    static let repetitions = 25

    /// The median time of one call of `body`, in milliseconds: a warm-up, then
    /// `repetitions` timed repetitions of `batch` calls each.
    static func median(batch: Int, _ body: () -> Void) -> Double {
        for _ in 0..<max(1, batch) { body() }
        var samples = [Double]()
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch { body() }
            let end = DispatchTime.now().uptimeNanoseconds
            samples.append(Double(end - start) / 1e6 / Double(batch))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Keypress latency: `count` scripted keys, each through reduce, the deterministic
    /// recompute and render into a 120×36 Screen (the terminal write excluded), with a
    /// 2000-member ensemble's bands on screen. Returns p50, p99 and max in milliseconds.
    /// `mapOpen`: with the map view open and a map drawn (the worker's, computed once
    /// before; the keys change the scenario, so it is drawn scaled as while a new one
    /// computes).
    static func keypresses(
        count: Int, workspace: EnsembleWorkspace, mapOpen: Bool = false
    ) -> (
        p50: Double, p99: Double, max: Double
    ) {
        let script: [Key] = [
            .right, .right, .down, .right, .shiftRight, .left, .down, .down, .shiftLeft, .up, .tab, .right,
            .left, .down, .right, .char("1"), .char("c"), .left, .char("a"), .char("3"), .char("u"), .ctrl("r"),
            .end, .home, .char("p"), .right, .char("2"), .up, .right, .char("r"),
        ]
        var state = State(scenario: Scenario(), width: 120, height: 36)
        if mapOpen {
            reduce(&state, .keyPressed(.char("m")))
            // The map the screen asks for: across worlds (the default language), its final grid.
            if let r = state.mapRequest, r.acrossWorlds, let grid = Job.worldsMapGrids(nx: r.nx, ny: r.ny).last,
                let map = WorldsMap.compute(
                    r.scenario, x: r.x, y: r.y, nx: grid.nx, ny: grid.ny,
                    settings: Job.worldsMapSettings(EnsembleSettings(members: 2000)))
            {
                reduce(&state, .jobFinished(JobResult(.map(r), .worldsMap(map))))
            } else if let r = state.mapRequest {
                let map = FuturesMap(r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny)
                reduce(&state, .jobFinished(JobResult(.map(r), .map(map))))
            }
        }
        let runtime = Runtime(settings: EnsembleSettings(members: 2000), threads: 1)
        if let ensemble = Ensemble.run(
            state.scenario, settings: EnsembleSettings(members: 2000), workspace: workspace)
        {
            reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(ensemble))))
        }
        var sink = 0
        var samples = [Double]()
        samples.reserveCapacity(count)
        for i in 0..<(count + 50) {
            let start = DispatchTime.now().uptimeNanoseconds
            reduce(&state, .keyPressed(script[i % script.count]))
            let screen = runtime.screen(state)
            let end = DispatchTime.now().uptimeNanoseconds
            sink &+= screen.cells.count
            if i >= 50 { samples.append(Double(end - start) / 1e6) }  // the first 50 warm up
        }
        samples.sort()
        if sink == 0 { print("") }
        return (samples[samples.count / 2], samples[Int(Double(samples.count) * 0.99)], samples.last!)
    }
}
