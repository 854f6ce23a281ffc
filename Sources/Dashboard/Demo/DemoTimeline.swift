import FuturesModel

/// One screen of a demo's playback, the moment it appears and the theme it is drawn in.
public struct DemoFrame: Sendable, Equatable {
    /// Milliseconds from the start of the playback.
    public var at: Int
    public var screen: Screen
    public var theme: Theme

    public init(at: Int, screen: Screen, theme: Theme) {
        self.at = at
        self.screen = screen
        self.theme = theme
    }
}

/// A demo as the audience of the live dashboard sees it, screen by screen in time, with no
/// terminal and no clock: what a recording of the demo (`demo FILE --cast`) shows. It
/// plays the shell's part as `Session` and `DemoSession` do. The steps come at their times:
/// those due together make one screen, a `set` animates, a `pause` holds for `pause`
/// milliseconds (live, the presenter decides). The jobs the screen asks for (`State.jobs`:
/// the ensemble, levers across worlds, the map) are answered `jobDelay` milliseconds after
/// they are asked for, unless a newer request of their kind came first (the worker's
/// latest-wins); meanwhile the screen shows the previous ensemble, "refining". The last
/// screen is `DemoHeadless`'s final screen.
public enum DemoTimeline {
    /// How long a `pause` holds when nobody presses Space.
    public static let pauseMilliseconds = 2000
    /// When a job's answer arrives: about what the worker takes for a 2000-member ensemble
    /// on two cores, plus a frame.
    public static let jobMilliseconds = 30

    /// Every screen that changes, with its time, and one more at the end of the script's last
    /// wait (the same screen), so that a recording lasts as long as the demo. `jobs` answers
    /// a job synchronously (nil: no answer); `ensembles` is false when none run (`--members 0`).
    public static func frames(
        _ script: DemoScript, from initial: State, pause: Int = pauseMilliseconds, jobDelay: Int = jobMilliseconds,
        ensembles: Bool = true, jobs: (Job) -> Action?
    ) -> [DemoFrame] {
        var player = Player(delay: jobDelay, ensembles: ensembles)
        let steps = DemoPlayer.steps(script, from: initial)
        var state = initial
        var offset = 0
        var index = 0
        var time = 0
        // The steps due at the start are applied before the first screen.
        while index < steps.count, steps[index].at == 0, !(index > 0 && steps[index - 1].isPause) {
            state = steps[index].state
            index += 1
        }
        player.show(state, at: 0)
        if index > 0, steps[index - 1].isPause {
            offset += pause
            time += pause
        }
        while index < steps.count {
            time = steps[index].at + offset
            player.deliver(until: time, jobs)
            // Every step due at this moment, up to and including a pause.
            let due = steps[index].at
            repeat {
                state = steps[index].state
                index += 1
            } while index < steps.count && steps[index].at == due && !steps[index - 1].isPause
            player.show(state, at: time)
            if steps[index - 1].isPause {
                offset += pause
                time += pause
            }
        }
        player.deliver(until: Int.max, jobs)
        player.hold(until: time)
        return player.frames
    }

    /// The virtual shell: the state on the screen (with the answers reduced into it), the
    /// jobs asked for and when their answers are due, and the screens drawn.
    private struct Player {
        let delay: Int
        let ensembles: Bool
        var frames: [DemoFrame] = []
        var shell = State()
        var requested: [Job.Kind: Job] = [:]
        var due: [Job.Kind: Int] = [:]
        var analysis: Analysis?

        init(delay: Int, ensembles: Bool) {
            self.delay = delay
            self.ensembles = ensembles
        }

        /// Shows a step's state at `time`, keeping the ensemble the shell has (as
        /// `DemoSession` does), and asks for what it needs.
        mutating func show(_ state: State, at time: Int) {
            var next = state
            if !frames.isEmpty {
                next.ensemble = shell.ensemble
                next.ensembleScenario = shell.ensembleScenario
            }
            // The tick that applied the step: the slider list scrolls to the selection.
            reduce(&next, .tick(now: next.now))
            shell = next
            request(at: time)
            draw(at: time)
        }

        /// Asks for the jobs the screen needs that differ from those asked for (`Session`).
        mutating func request(at time: Int) {
            let wanted = Dictionary(uniqueKeysWithValues: shell.jobs(ensemble: ensembles).map { ($0.kind, $0) })
            for kind in Job.Kind.allCases where requested[kind] != wanted[kind] {
                due[kind] = wanted[kind] == nil ? nil : time + delay
                requested[kind] = wanted[kind]
            }
        }

        /// The answers due by `time` arrive, the earliest first, and the screen is redrawn.
        mutating func deliver(until time: Int, _ jobs: (Job) -> Action?) {
            while let next = due.values.min(), next <= time {
                for kind in Job.Kind.allCases where due[kind] == next {
                    due[kind] = nil
                    if let job = requested[kind], let answer = jobs(job) { reduce(&shell, answer) }
                }
                request(at: next)
                draw(at: next)
            }
        }

        /// A last frame at `time` when the script's last wait ends after the last change.
        mutating func hold(until time: Int) {
            guard let last = frames.last, last.at < time else { return }
            frames.append(DemoFrame(at: time, screen: last.screen, theme: last.theme))
        }

        private mutating func draw(at time: Int) {
            if analysis?.scenario != shell.scenario { analysis = Analysis(shell.scenario) }
            let screen = render(shell, analysis!, ensemble: shell.currentEnsemble ?? shell.ensemble)
            if let last = frames.last, last.screen == screen, last.theme == shell.theme { return }
            frames.append(DemoFrame(at: time, screen: screen, theme: shell.theme))
        }
    }
}
