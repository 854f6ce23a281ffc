import FuturesModel

/// Plays a script with no terminal and no waiting, and renders the screens a viewer would
/// see: one per caption and the final one. A caption's frame shows the state the viewer
/// looks at while reading it: the end of its last wait (`sleep` or `pause`); commands after
/// that wait set up the next caption. Without a wait, the state just before the next caption.
public enum DemoHeadless {
    /// The rendered screens. `ensemble` computes a scenario's ensemble synchronously (nil
    /// for none); it is attached before each screen is rendered, so the bands show. `jobs`
    /// does the same for the other work a screen asks for (levers across worlds, the map):
    /// what the live dashboard's worker would deliver.
    public static func play(
        _ script: DemoScript, from initial: State, ensemble: (Scenario) -> EnsembleResult?,
        jobs: (Job) -> Action? = { _ in nil }
    ) -> (final: Screen, frames: [Screen]) {
        func screen(_ state: State) -> Screen { Self.screen(state, ensemble, jobs: jobs) }
        let steps = DemoPlayer.steps(script, from: initial)
        var frames = [Screen]()
        var segment: (lastWait: State?, last: State)?
        for step in steps {
            if step.isCaption, let current = segment {
                frames.append(screen(current.lastWait ?? current.last))
            }
            guard step.isCaption || segment != nil else { continue }
            let isWait =
                switch script.lines[step.command].command {
                case .sleep, .pause: true
                default: false
                }
            let lastWait = step.isCaption ? nil : segment?.lastWait
            segment = (isWait ? step.state : lastWait, step.state)
        }
        if let current = segment { frames.append(screen(current.lastWait ?? current.last)) }
        let final = steps.last?.state ?? initial
        return (screen(final), frames)
    }

    /// One screen of `state`, with its ensemble and the other jobs' results attached.
    public static func screen(
        _ state: State, _ ensemble: (Scenario) -> EnsembleResult?, jobs: (Job) -> Action? = { _ in nil }
    ) -> Screen {
        var state = state
        if let result = ensemble(state.scenario) { reduce(&state, .ensembleFinished(result, for: state.scenario)) }
        for job in state.jobs(ensemble: state.currentEnsemble != nil) where job.kind != .ensemble {
            if let action = jobs(job) { reduce(&state, action) }
        }
        return render(state, Analysis(state.scenario), ensemble: state.currentEnsemble)
    }
}
