import Dashboard
import FuturesModel

/// Plays a script with no terminal and no waiting, and renders the screens a viewer would
/// see: one per caption and the final one. A caption's frame shows the state the viewer
/// looks at while reading it: the end of its last wait (`sleep`, `pause` or `predict`, which
/// waits for the presenter with the numbers hidden); commands after
/// that wait set up the next caption. Without a wait, the state just before the next caption.
public enum DemoHeadless {
    /// The rendered screens. Each is drawn with the final answers of the jobs it asks for
    /// (the bands, levers across worlds, the map), which the runtime computes, each once:
    /// what the live dashboard shows once its worker has delivered.
    public static func play(
        _ script: DemoScript, from initial: State, runtime: Runtime
    ) -> (
        final: Screen, frames: [Screen]
    ) {
        let played = frames(script, from: initial, runtime: runtime)
        return (played.final.screen, played.frames.map(\.screen))
    }

    /// The same screens with the theme each is drawn in, the script time of its state and
    /// its chapter (for pictures in the theme's colours, titled by chapter).
    public static func frames(
        _ script: DemoScript, from initial: State, runtime: Runtime
    ) -> (
        final: DemoFrame, frames: [DemoFrame]
    ) {
        func frame(_ step: DemoStep?) -> DemoFrame {
            var state = initial
            step?.show(on: &state)
            return DemoFrame(
                at: step?.at ?? 0, screen: screen(state, runtime: runtime), theme: state.view.theme,
                chapter: step?.cue.chapter)
        }
        let steps = DemoPlayer.steps(script, from: initial)
        var frames = [DemoFrame]()
        var segment: (lastWait: DemoStep?, last: DemoStep)?
        for step in steps {
            if step.isCaption, let current = segment { frames.append(frame(current.lastWait ?? current.last)) }
            guard step.isCaption || segment != nil else { continue }
            let isWait =
                switch script.lines[step.command].command {
                case .sleep, .pause, .predict: true
                default: false
                }
            let lastWait = step.isCaption ? nil : segment?.lastWait
            segment = (isWait ? step : lastWait, step)
        }
        if let current = segment { frames.append(frame(current.lastWait ?? current.last)) }
        return (frame(steps.last), frames)
    }

    /// One screen of `state`, with the final answers of the jobs it asks for.
    public static func screen(_ state: State, runtime: Runtime) -> Screen {
        runtime.screen(runtime.settled(state))
    }
}
