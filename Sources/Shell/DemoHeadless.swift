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
        let played = frames(script, from: initial, ensemble: ensemble, jobs: jobs)
        return (played.final.screen, played.frames.map(\.screen))
    }

    /// The same screens with the theme each is drawn in and the script time of its state
    /// (for pictures in the theme's colours).
    public static func frames(
        _ script: DemoScript, from initial: State, ensemble: (Scenario) -> EnsembleResult?,
        jobs: (Job) -> Action? = { _ in nil }
    ) -> (final: DemoFrame, frames: [DemoFrame]) {
        func frame(_ at: Int, _ state: State) -> DemoFrame {
            DemoFrame(at: at, screen: screen(state, ensemble, jobs: jobs), theme: state.theme)
        }
        let steps = DemoPlayer.steps(script, from: initial)
        var frames = [DemoFrame]()
        var segment: (lastWait: DemoStep?, last: DemoStep)?
        for step in steps {
            if step.isCaption, let current = segment {
                let shown = current.lastWait ?? current.last
                frames.append(frame(shown.at, shown.state))
            }
            guard step.isCaption || segment != nil else { continue }
            let isWait =
                switch script.lines[step.command].command {
                case .sleep, .pause: true
                default: false
                }
            let lastWait = step.isCaption ? nil : segment?.lastWait
            segment = (isWait ? step : lastWait, step)
        }
        if let current = segment {
            let shown = current.lastWait ?? current.last
            frames.append(frame(shown.at, shown.state))
        }
        let final = steps.last.map { frame($0.at, $0.state) } ?? frame(0, initial)
        return (final, frames)
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
