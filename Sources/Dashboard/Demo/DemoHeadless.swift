import FuturesModel

/// Plays a script with no terminal and no waiting, and renders the screens a viewer would
/// see: one per caption and the final one. A caption's frame shows the state the viewer
/// looks at while reading it: the end of its last wait (`sleep` or `pause`); commands after
/// that wait set up the next caption. Without a wait, the state just before the next caption.
public enum DemoHeadless {
    /// The rendered screens. `ensemble` computes a scenario's ensemble synchronously (nil
    /// for none); it is attached before each screen is rendered, so the bands show.
    public static func play(
        _ script: DemoScript, from initial: State, ensemble: (Scenario) -> EnsembleResult?
    ) -> (final: Screen, frames: [Screen]) {
        let played = frames(script, from: initial) { ensembleOnly($0, ensemble) }
        return (played.final.screen, played.frames.map(\.screen))
    }

    /// The same screens with the theme each is drawn in and the time its state is reached
    /// (for pictures in the theme's colours). `jobs` answers what each screen asks for
    /// (`State.jobs`: the ensemble, levers across worlds, the map) synchronously, so that
    /// each shows what the live dashboard shows once its answers are in; `ensembles` is
    /// false when none run.
    public static func frames(
        _ script: DemoScript, from initial: State, ensembles: Bool = true, jobs: (Job) -> Action?
    ) -> (final: DemoFrame, frames: [DemoFrame]) {
        let steps = DemoPlayer.steps(script, from: initial)
        var frames = [DemoFrame]()
        var segment: (lastWait: DemoStep?, last: DemoStep)?
        func frame(_ step: DemoStep) -> DemoFrame {
            DemoFrame(
                at: step.at, screen: screen(step.state, ensembles: ensembles, jobs: jobs), theme: step.state.theme)
        }
        for step in steps {
            if step.isCaption, let current = segment {
                frames.append(frame(current.lastWait ?? current.last))
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
        if let current = segment { frames.append(frame(current.lastWait ?? current.last)) }
        let final =
            steps.last.map(frame)
            ?? DemoFrame(at: 0, screen: screen(initial, ensembles: ensembles, jobs: jobs), theme: initial.theme)
        return (final, frames)
    }

    /// One screen of `state`, with its ensemble attached.
    public static func screen(_ state: State, _ ensemble: (Scenario) -> EnsembleResult?) -> Screen {
        screen(state) { ensembleOnly($0, ensemble) }
    }

    /// One screen of `state`, with the answers to its jobs reduced into it.
    public static func screen(_ state: State, ensembles: Bool = true, jobs: (Job) -> Action?) -> Screen {
        var state = state
        for job in state.jobs(ensemble: ensembles) {
            if let answer = jobs(job) { reduce(&state, answer) }
        }
        return render(state, Analysis(state.scenario), ensemble: state.currentEnsemble)
    }

    /// A job answered by an ensemble function: the ensemble only.
    static func ensembleOnly(_ job: Job, _ ensemble: (Scenario) -> EnsembleResult?) -> Action? {
        guard case .ensemble(let scenario) = job else { return nil }
        return ensemble(scenario).map { .ensembleFinished($0, for: scenario) }
    }
}
