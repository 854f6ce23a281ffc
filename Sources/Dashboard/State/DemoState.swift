/// A demo's part of the state: the playback, its caption and progress, and the clock the
/// playback runs on.
public struct DemoState: Sendable, Equatable {
    /// The demo being played, if any (`twofutures demo`): it takes Space, n, b and q while
    /// it plays, and the clock moves it on.
    public var session: DemoSession?
    /// The current caption, shown in a box above the outcome bar; nil shows nothing.
    public var caption: String?
    /// The progress ("step 3/12"), shown in the status bar; empty outside demos.
    public var progress: String = ""
    /// The clock as the shell last reported it (`Action.tick`, `Action.timed`), in
    /// milliseconds.
    public var now = 0

    public init() {}

    /// Whether the caption band is reserved: while a demo is loaded or a caption shows.
    public var showsCaption: Bool { session != nil || !(caption ?? "").isEmpty }
}
