import Dashboard
import FuturesModel

/// A fixed dashboard state reached through real key presses, and its ensemble.
enum Fixture {
    /// Pins the status quo, raises anti-smuggling to 60 %, selects it, and attaches an
    /// ensemble of 400 members (one thread, so it is reproducible).
    static func state(width: Int, height: Int) -> State {
        var state = State(width: width, height: height)
        state.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("p")))
        reduce(&state, .keyPressed(.down))
        for _ in 0..<6 { reduce(&state, .keyPressed(.right)) }
        let result = Ensemble.run(
            state.scenario, settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!
        reduce(&state, .ensembleFinished(result, for: state.scenario))
        return state
    }

    /// The frame of `state` at its own size.
    static func frame(_ state: State) -> Screen {
        render(state, Analysis(state.scenario), ensemble: state.currentEnsemble)
    }
}
