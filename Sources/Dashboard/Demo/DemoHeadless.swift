import FuturesModel

/// Plays a script with no terminal and no waiting, and renders the screens a viewer would
/// see: one per caption (as it looks just before the next caption) and the final one.
public enum DemoHeadless {
    /// The rendered screens. `ensemble` computes a scenario's ensemble synchronously (nil
    /// for none); it is attached before each screen is rendered, so the bands show.
    public static func play(
        _ script: DemoScript, from initial: State, ensemble: (Scenario) -> EnsembleResult?
    ) -> (final: Screen, frames: [Screen]) {
        let steps = DemoPlayer.steps(script, from: initial)
        var frames = [Screen]()
        var shown: State?
        for step in steps {
            if step.isCaption, let previous = shown { frames.append(screen(previous, ensemble)) }
            if step.isCaption || shown != nil { shown = step.state }
        }
        if let last = shown { frames.append(screen(last, ensemble)) }
        let final = steps.last?.state ?? initial
        return (screen(final, ensemble), frames)
    }

    /// One screen of `state`, with its ensemble attached.
    public static func screen(_ state: State, _ ensemble: (Scenario) -> EnsembleResult?) -> Screen {
        var state = state
        if let result = ensemble(state.scenario) { reduce(&state, .ensembleFinished(result, for: state.scenario)) }
        return render(state, Analysis(state.scenario), ensemble: state.currentEnsemble)
    }
}
