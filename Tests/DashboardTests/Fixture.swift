import Dashboard
import FuturesModel

/// A fixed dashboard state reached through real key presses, and its ensemble.
enum Fixture {
    /// Pins the status quo, raises anti-smuggling to 60 %, selects it, and attaches an
    /// ensemble of 400 members (one thread, so it is reproducible).
    static func state(width: Int, height: Int) -> State {
        var state = State(width: width, height: height)
        state.results.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("p")))
        reduce(&state, .keyPressed(.down))
        for _ in 0..<6 { reduce(&state, .keyPressed(.right)) }
        let result = Ensemble.run(
            state.scenario, settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(result))))
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
