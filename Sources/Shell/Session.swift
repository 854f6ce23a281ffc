import Dashboard
import FoundationEssentials
import FuturesModel
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Carries out the effects that touch the world beyond the terminal (files) and says how
/// they ended, as the action to feed back. The executable uses `Storage`; tests may use
/// a folder of their own.
public protocol EffectPerformer {
    /// Does `effect` and returns the action that reports its result, if it has one.
    /// `state` is the dashboard as it is now, and `runtime` draws it and holds its
    /// analysis (an export needs both).
    func perform(_ effect: Effect, in state: State, runtime: Runtime) -> Action?
}

/// How a dashboard session starts: the scenario, the ensemble, the themes, and what the
/// shell was asked to do (a demo, a key recorder, a first-frame exit, a crash).
public struct SessionOptions {
    public var scenario: Scenario
    public var settings: EnsembleSettings
    public var threads: Int
    public var themes: [Theme]
    public var themeIndex: Int
    /// The lenses `v` cycles through.
    public var lenses: [Lens]
    public var warning: String
    public var noColor: Bool
    public var demo: DemoScript?
    public var exitAfterDemo: Bool
    /// Called with every key the dashboard applies, except one that quits (`record`).
    public var onKey: ((Key) -> Void)?
    /// Called once the first frame is drawn; a true return ends the session (status 0).
    public var afterFirstFrame: (() -> Bool)?
    /// Where the demo's presenter snapshots go (`twofutures notes`), if anywhere.
    public var notes: NotesServer?

    public init(
        scenario: Scenario, settings: EnsembleSettings, threads: Int, themes: [Theme], themeIndex: Int,
        warning: String = "", noColor: Bool = false, demo: DemoScript? = nil, exitAfterDemo: Bool = false,
        onKey: ((Key) -> Void)? = nil, afterFirstFrame: (() -> Bool)? = nil, lenses: [Lens] = Lens.builtIn,
        notes: NotesServer? = nil
    ) {
        self.lenses = lenses
        self.notes = notes
        self.scenario = scenario
        self.settings = settings
        self.threads = threads
        self.themes = themes
        self.themeIndex = themeIndex
        self.warning = warning
        self.noColor = noColor
        self.demo = demo
        self.exitAfterDemo = exitAfterDemo
        self.onKey = onKey
        self.afterFirstFrame = afterFirstFrame
    }
}

/// The main loop (DESIGN.md "Shape"): read an event, reduce, carry out the effects,
/// recompute, render, draw. It runs on any `TerminalBackend`: ncurses in the program, a
/// `MemoryBackend` in tests.
public struct Session {
    let options: SessionOptions
    let backend: TerminalBackend
    let effects: EffectPerformer
    /// The clock in milliseconds (the demo's timeline).
    let now: () -> Int
    /// Whether `performed` records the effects carried out: for tests. Off in the program,
    /// where the list would grow with every key for as long as it runs (an export's effect
    /// holds a whole `State`: some 18 kB a key in `bench --soak`).
    public var recordsEffects = false
    /// Every effect carried out, in order, while `recordsEffects` is on.
    public private(set) var performed: [Effect] = []
    /// The last screen painted, for the diff.
    var painter = FramePainter()

    public init(
        options: SessionOptions, backend: TerminalBackend, effects: EffectPerformer, now: @escaping () -> Int
    ) {
        self.options = options
        self.backend = backend
        self.effects = effects
        self.now = now
    }

    /// The palette of `theme` for the terminal (no colours with NO_COLOR).
    public static func palette(_ theme: Theme, noColor: Bool) -> TerminalPalette {
        if noColor { return .monochrome(roles: Bridge.roles.count) }
        return TerminalPalette(
            background: theme.colors[.background].flatMap(RGB.init(hex:)),
            roles: Bridge.roles.map { theme.colors[$0].flatMap(RGB.init(hex:)) })
    }

    /// Runs until a quit; returns the exit status: 0, or 128 + the signal that ended it.
    public mutating func run() -> Int32 {
        let runtime = Runtime(settings: options.settings, threads: options.threads)
        let worker = Worker(executor: runtime.executor, onFinish: backend.waker)
        defer { worker.cancelAll() }
        let size = backend.size
        var state = State(scenario: options.scenario, width: size.width, height: size.height)
        state.view.themes = options.themes
        state.view.themeIndex = options.themeIndex
        state.document.lenses = options.lenses
        state.results.ensembleMembers = options.settings.members
        state.view.warning = options.warning
        state.view.noColor = options.noColor
        var requests = JobRequests()
        var palette = state.view.themeIndex
        var quit = dispatch(.tick(now: now()), &state, runtime)
        if let demo = options.demo, !quit {
            quit = dispatch(.demoLoaded(demo, exitAtEnd: options.exitAfterDemo), &state, runtime)
        }
        var presenter = PresenterFeed(start: now(), demo: options.demo)
        var firstFrame = true
        while !quit {
            if let notes = options.notes { presenter.publish(state, to: notes, now: now()) }
            // What the screen needs computed: new requests supersede their kind's last one;
            // a kind no longer needed is cancelled.
            for change in requests.changes(for: state) {
                if let job = change.job { worker.request(job) } else { worker.cancel(change.kind) }
            }
            if state.view.themeIndex != palette {
                // The whole theme or nothing: every theme in the list was validated at start.
                painter.setPalette(Self.palette(state.view.theme, noColor: state.view.noColor), on: backend)
                palette = state.view.themeIndex
            }
            painter.paint(runtime.screen(state), on: backend)  // the latest results, even while they refine
            if firstFrame, let after = options.afterFirstFrame, after() { return 0 }
            firstFrame = false

            // Wait for one event, then take every event already pending, so that a held
            // key is applied in full before the next frame and never lags behind.
            let wait = state.demo.millisecondsUntilNext(now: now()).map { Int32(min($0, 60_000)) } ?? -1
            var event = backend.nextEvent(timeoutMilliseconds: wait)
            if event == nil { quit = dispatch(.tick(now: now()), &state, runtime) }
            while let current = event, !quit {
                switch current {
                case .quit(let signal):
                    return 128 + signal
                case .wake:
                    quit = dispatch(.tick(now: now()), &state, runtime)
                    for action in worker.take() { quit = quit || dispatch(action, &state, runtime) }
                default:
                    // The event with the clock it came at: one `reduce`.
                    guard let action = Bridge.action(current) else {
                        quit = dispatch(.tick(now: now()), &state, runtime)
                        break
                    }
                    quit = dispatch(.timed(action, now: now()), &state, runtime)
                    if case .keyPressed(let key) = action, !quit { options.onKey?(key) }
                }
                event = quit ? nil : backend.nextEvent(timeoutMilliseconds: 0)
            }
        }
        return 0
    }

    /// Reduces `action`, carries out its effects and reduces their results in turn.
    /// Returns whether one of them was a quit.
    mutating func dispatch(_ action: Action, _ state: inout State, _ runtime: Runtime) -> Bool {
        var queue = [action]
        var quit = false
        while !queue.isEmpty {
            for effect in reduce(&state, queue.removeFirst()) {
                if recordsEffects { performed.append(effect) }
                switch effect {
                case .quit: quit = true
                case .copyToClipboard(let text): backend.copyToClipboard(text)
                case .redraw: painter.invalidate()
                default:
                    if let result = effects.perform(effect, in: state, runtime: runtime) { queue.append(result) }
                }
            }
        }
        return quit
    }
}

/// What the session sends the notes terminal: the demo's snapshot while it plays (only
/// while a client listens: otherwise nothing is made), and once it has ended (the
/// dashboard stays) the last one marked finished, its clock stopped at the end.
struct PresenterFeed {
    /// When the demo started, and ended (the first loop that found it gone).
    let start: Int
    var end: Int?
    /// The last snapshot sent, or one with only the demo's name and length.
    var last: PresenterSnapshot

    init(start: Int, demo: DemoScript?) {
        self.start = start
        let name = demo.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file } ?? ""
        last = PresenterSnapshot(demo: name, durationSeconds: demo?.duration)
    }

    mutating func publish(_ state: State, to notes: NotesServer, now: Int) {
        let playing = state.demo.session != nil
        if !playing && end == nil { end = now }
        guard notes.wantsSnapshot else { return }
        if playing, let snapshot = state.demo.presenterSnapshot {
            last = snapshot
            notes.publish(snapshot)
            return
        }
        var ended = last
        ended.caption = nil
        ended.notes = []
        ended.next = nil
        ended.nextChapter = nil
        ended.prediction = nil
        ended.paused = false
        ended.finished = true
        ended.step = ended.steps
        ended.elapsedMilliseconds = (end ?? now) - start
        notes.publish(ended)
    }
}
