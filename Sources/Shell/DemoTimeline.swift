import Dashboard
import FuturesModel

/// One screen of a demo's playback, the moment it appears and the theme it is drawn in.
public struct DemoFrame: Sendable, Equatable {
    /// Milliseconds from the start of the playback.
    public var at: Int
    public var screen: Screen
    public var theme: Theme
    /// In a timeline (`DemoTimeline`), the chapter that starts with this screen, if one does
    /// (a recording's marker); in a caption's frame (`DemoHeadless`), the chapter it is in.
    public var chapter: String?

    public init(at: Int, screen: Screen, theme: Theme, chapter: String? = nil) {
        self.at = at
        self.screen = screen
        self.theme = theme
        self.chapter = chapter
    }
}

/// A demo as the audience of the live dashboard sees it, screen by screen in time, with no
/// terminal and no clock: what a recording of the demo (`demo FILE --cast`) shows. It
/// plays the shell's part as `Session` and `DemoSession` do, through the same `Runtime`. The steps come at their times:
/// those due together make one screen, a `set` animates, a `pause` holds for `pause`
/// milliseconds (live, the presenter decides). The jobs the screen asks for (`State.jobs`:
/// the ensemble, levers across worlds, the map) are answered as the worker answers them,
/// one answer every `jobDelay` milliseconds after the request (an ensemble twice: its
/// first `Job.firstMembers` members, then all), unless a newer request of their kind came
/// first (latest wins); meanwhile the screen shows the previous ensemble, refining. The
/// last screen is `DemoHeadless`'s final screen.
public enum DemoTimeline {
    /// How long a `pause` holds when nobody presses Space.
    public static let pauseMilliseconds = 2000
    /// How long each answer of a job takes: a frame at 60 Hz, the budget of the first band
    /// (`bench`'s first_band_ms); the full 10,000-member ensemble takes about as long again.
    public static let jobMilliseconds = 16

    /// Every screen that changes, with its time, and one more at the end of the script's last
    /// wait (the same screen), so that a recording lasts as long as the demo. The runtime
    /// answers the jobs (each once) in the order the worker delivers them.
    public static func frames(
        _ script: DemoScript, from initial: State, runtime: Runtime, pause: Int = pauseMilliseconds,
        jobDelay: Int = jobMilliseconds
    ) -> [DemoFrame] {
        var player = Player(delay: jobDelay, runtime: runtime)
        let steps = DemoPlayer.steps(script, from: initial)
        var state = initial
        var offset = 0
        var index = 0
        var time = 0
        // The steps due at the start are applied before the first screen.
        while index < steps.count, steps[index].at == 0, !(index > 0 && steps[index - 1].isPause) {
            steps[index].show(on: &state)
            index += 1
        }
        player.show(state, at: 0, chapter: steps.prefix(index).last(where: \.isChapter)?.cue.chapter)
        if index > 0, steps[index - 1].isPause {
            offset += pause
            time += pause
        }
        while index < steps.count {
            time = steps[index].at + offset
            player.deliver(until: time)
            // Every step due at this moment, up to and including a pause.
            let due = steps[index].at
            var chapter: String?
            repeat {
                steps[index].show(on: &state)
                if steps[index].isChapter { chapter = steps[index].cue.chapter }
                index += 1
            } while index < steps.count && steps[index].at == due && !steps[index - 1].isPause
            player.show(state, at: time, chapter: chapter)
            if steps[index - 1].isPause {
                offset += pause
                time += pause
            }
        }
        player.deliver(until: Int.max)
        player.hold(until: time)
        return player.frames
    }

    /// The virtual shell: the state on the screen (with the answers reduced into it), when
    /// the next answer of each kind is due, and the screens drawn.
    private struct Player {
        let delay: Int
        let runtime: Runtime
        var frames: [DemoFrame] = []
        var shell = State()
        var requests = JobRequests()
        /// Per kind: the next answer's time and index, and the answers once computed.
        var pending: [Job.Kind: (job: Job, due: Int, next: Int, answers: [JobResult]?)] = [:]

        init(delay: Int, runtime: Runtime) {
            self.delay = delay
            self.runtime = runtime
        }

        /// Shows a step's state at `time`, keeping what the shell owns (its results), and
        /// asks for what it needs.
        mutating func show(_ state: State, at time: Int, chapter: String? = nil) {
            var next = state
            if !frames.isEmpty {
                next.results = shell.results
                next.completeExplanationFromResults()
            }
            // The tick that applied the step: the slider list scrolls to the selection.
            reduce(&next, .tick(now: next.demo.now))
            shell = next
            request(at: time)
            draw(at: time)
            if let chapter {
                // The chapter's marker goes on the frame drawn now, or on a copy of the
                // screen that stayed.
                if let last = frames.last, last.at == time {
                    frames[frames.count - 1].chapter = chapter
                } else if let last = frames.last {
                    frames.append(DemoFrame(at: time, screen: last.screen, theme: last.theme, chapter: chapter))
                }
            }
        }

        /// Asks for the jobs the screen needs that differ from those asked for (as
        /// `Session` does): a new request drops the answers of its kind's last one.
        mutating func request(at time: Int) {
            for change in requests.changes(for: shell) {
                pending[change.kind] = change.job.map { ($0, time + delay, 0, nil) }
            }
        }

        /// The answers due by `time` arrive, the earliest first, and the screen is redrawn
        /// after each moment's answers.
        mutating func deliver(until time: Int) {
            while let next = pending.values.map(\.due).min(), next <= time {
                for kind in Job.Kind.allCases {
                    guard var job = pending[kind], job.due == next else { continue }
                    let all = job.answers ?? runtime.answers(job.job)
                    if job.next < all.count { reduce(&shell, .jobFinished(all[job.next])) }
                    job.next += 1
                    job.answers = all
                    job.due += delay
                    pending[kind] = job.next < all.count ? job : nil
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
            let screen = runtime.screen(shell)  // as the session draws it
            if let last = frames.last, last.screen == screen, last.theme == shell.view.theme { return }
            frames.append(DemoFrame(at: time, screen: screen, theme: shell.view.theme))
        }
    }
}
