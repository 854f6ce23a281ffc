import Dashboard
import FuturesModel
import Shell

/// A fixed dashboard state reached through real key presses, and its ensemble.
enum Fixture {
    /// Pins the status quo, raises anti-smuggling to 60 %, selects it, and attaches an
    /// ensemble of 400 members (one thread, so it is reproducible), and the results across
    /// 400 worlds with the last change explained across them (`withWorldsResults`).
    static func state(width: Int, height: Int) -> State {
        var state = State(width: width, height: height)
        state.results.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("p")))
        reduce(&state, .keyPressed(.down))
        for _ in 0..<6 { reduce(&state, .keyPressed(.right)) }
        let result = Ensemble.run(
            state.scenario, settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(result))))
        return withWorldsResults(withFutures(state))
    }

    /// `state` with its results across worlds (400 worlds, seed 7, one thread) and, if a
    /// change waits for them, its explanation, as the worker would send them.
    static func withWorldsResults(_ state: State) -> State {
        var state = state
        let runtime = Runtime(settings: EnsembleSettings(members: 400, seed: 7), threads: 1)
        let jobs = [Job.current(.worlds, in: state), Job.current(.explain, in: state)].compactMap { $0 }
        for job in jobs {
            for result in runtime.answers(job) { reduce(&state, .jobFinished(result)) }
        }
        return state
    }

    /// `state` with the presets' ensembles (400 members, seed 7, one thread) for its
    /// scenario delivered, as the worker would send them.
    static func withFutures(_ state: State) -> State {
        var state = state
        let key = Job.futuresScenario(state.scenario)
        var f2 = key
        f2.levers = Preset.future2.levers
        let settings = EnsembleSettings(members: 400, seed: 7)
        let futures = FuturesEnsembles(
            future1: Ensemble.run(key, settings: settings, threads: 1)!,
            future2: Ensemble.run(f2, settings: settings, threads: 1)!)
        reduce(&state, .jobFinished(JobResult(.futures(key), .futures(futures))))
        return state
    }

    /// The frame of `state` at its own size, with its ensemble only while it is current
    /// (a stale one, which the live session still shows while the next refines, is left out).
    static func frame(_ state: State) -> Screen {
        var shown = state
        if state.currentEnsemble == nil { shown.results.drop(.ensemble) }
        return render(shown, Analysis(state.scenario))
    }
}

extension Fixture {
    /// An ensemble of the status quo: 400 members, seed 7, one thread.
    static let ensemble = Ensemble.run(Scenario(), settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!

    /// `state` with the map it asks for computed in place (what the worker would send): as
    /// set the central run's; across worlds the final grid (`Job.worldsMapGrids`) over
    /// `members` worlds a point (seed 7, one thread).
    static func withMap(_ state: State, members: Int = 100) -> State {
        var state = state
        guard let r = state.mapRequest else { return state }
        guard r.acrossWorlds else {
            let map = FuturesMap(r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny)
            reduce(&state, .jobFinished(JobResult(.map(r), .map(map))))
            return state
        }
        let grid = Job.worldsMapGrids(nx: r.nx, ny: r.ny).last!
        let map = WorldsMap.compute(
            r.scenario, x: r.x, y: r.y, nx: grid.nx, ny: grid.ny, settings: EnsembleSettings(members: members, seed: 7),
            threads: 1)!
        reduce(&state, .jobFinished(JobResult(.map(r), .worldsMap(map))))
        return state
    }

    /// `state` with its levers across worlds computed in place.
    static func withWorlds(_ state: State, members: Int = 400) -> State {
        var state = state
        let result = Robustness.run(state.scenario, settings: EnsembleSettings(members: members), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.robustness(result.scenario), .robustness(result))))
        return state
    }
}

extension Fixture {
    /// The answer of the Future 1 preset: 200 worlds, seed 7, one thread.
    static let future1Answer = Answer.compute(
        Scenario(levers: Preset.future1.levers), settings: EnsembleSettings(members: 200, seed: 7), threads: 1)!

    /// `state` (its scenario the Future 1 preset's) with the answer view open and its answer delivered.
    static func withAnswer(_ state: State, complete: Bool = true) -> State {
        var state = state
        if !state.view.mode.isAnswer { reduce(&state, .keyPressed(.char("A"))) }
        reduce(
            &state, .jobFinished(JobResult(.answer(future1Answer.scenario), .answer(future1Answer), complete: complete))
        )
        return state
    }
}
