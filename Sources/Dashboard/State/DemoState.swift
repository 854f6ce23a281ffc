/// A demo's part of the state: the playback, its caption and progress, and the clock the
/// playback runs on.
public struct DemoState: Sendable, Equatable {
    /// The demo being played, if any (`twofutures demo`): it takes Space, n, b and q while
    /// it plays, and the clock moves it on.
    public var session: DemoSession?
    /// What the script says on screen and to the presenter at this point: the caption,
    /// the chapter, the notes, the spotlight and a question waiting for its answer.
    public var cue = DemoCue()
    /// The current caption, shown in a box above the outcome bar; nil shows nothing.
    public var caption: String? {
        get { cue.caption }
        set { cue.caption = newValue }
    }
    /// Until when (on `now`'s clock) the change a `predict` step revealed is highlighted.
    public var revealUntil: Int?
    /// The progress ("step 3/12"), shown in the status bar; empty outside demos.
    public var progress: String = ""
    /// The clock as the shell last reported it (`Action.tick`, `Action.timed`), in
    /// milliseconds.
    public var now = 0

    public init() {}

    /// How long the shell may wait before the demo needs the clock again: the next step,
    /// or the end of a highlighted reveal; nil when nothing is due.
    public func millisecondsUntilNext(now: Int) -> Int? {
        let step = session?.millisecondsUntilNext(now: now)
        let reveal = revealUntil.map { max(0, $0 - now) }
        return [step, reveal].compactMap { $0 }.min()
    }

    /// Whether a revealed change is highlighted now.
    public var highlightsReveal: Bool { revealUntil.map { now < $0 } ?? false }

    /// What the presenter's notes terminal shows now; nil without a demo.
    public var presenterSnapshot: PresenterSnapshot? {
        session?.snapshot(cue: cue, now: now)
    }

    /// Whether the caption band is reserved: while a demo is loaded or a caption shows.
    public var showsCaption: Bool { session != nil || !(caption ?? "").isEmpty }
}

/// The script's words at one step: what the audience sees (the caption, the spotlight, a
/// question with the numbers hidden) and what only the presenter sees (the notes).
public struct DemoCue: Sendable, Equatable {
    /// The caption, shown in a box above the outcome bar; nil shows nothing.
    public var caption: String?
    /// The current chapter's title and number (1-based; 0 before the first chapter).
    public var chapter: String?
    public var chapterNumber = 0
    /// The speaker notes of the current step (`note` lines after its caption).
    public var notes: [String] = []
    /// The panel in the spotlight: every other one is dimmed.
    public var focus: Spotlight?
    /// A question to the room (`predict`): while it stands, the numbers the next step
    /// changes show `?`.
    public var prediction: String?
    /// This step reveals the answer to a prediction (its change is highlighted).
    public var reveals = false

    public init() {}
}
