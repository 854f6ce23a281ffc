import Terminal

/// A terminal that also records what it shows: every call goes to `inner` (the real
/// terminal), and every update painted, with its real time, goes into an asciicast through
/// the `ANSIWriter` (`twofutures record --cast`). Both get the same updates, so palette
/// changes and Ctrl-L repaint the cast as they repaint the terminal.
public final class CastingBackend: TerminalBackend {
    private let inner: TerminalBackend
    private let clock: () -> Int
    public private(set) var recorder: CastRecorder
    private var started: Int?

    /// `clock`: microseconds on any monotonic clock; the first frame is time 0.
    public init(
        _ inner: TerminalBackend, palette: TerminalPalette, colors: ANSIWriter.Colors = .truecolor, term: String,
        title: String?, timestamp: Int?, clock: @escaping () -> Int
    ) {
        self.inner = inner
        self.clock = clock
        let size = inner.size
        recorder = CastRecorder(
            header: Asciicast.Header(
                width: size.width, height: size.height, title: title, term: term, timestamp: timestamp),
            palette: palette, colors: colors)
    }

    /// The recording so far, ending now.
    public var cast: Asciicast {
        var copy = recorder
        copy.finish(at: elapsed())
        return copy.cast
    }

    private func elapsed() -> Int {
        let now = clock()
        guard let started else { return 0 }
        return now - started
    }

    public var size: (width: Int, height: Int) { inner.size }

    public func setPalette(_ palette: TerminalPalette) {
        recorder.setPalette(palette)
        inner.setPalette(palette)
    }

    public func paint(_ update: FrameUpdate) {
        inner.paint(update)
        let now = clock()
        if started == nil { started = now }
        recorder.record(update, at: now - (started ?? now))
    }

    public func copyToClipboard(_ text: String) { inner.copyToClipboard(text) }

    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        inner.nextEvent(timeoutMilliseconds: timeoutMilliseconds)
    }

    public var waker: @Sendable () -> Void { inner.waker }
}
