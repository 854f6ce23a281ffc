/// What the main loop needs from a terminal: its size, a palette, frame updates out, events
/// in (ratatui's `Backend`). A backend only paints: the diff is made above it, by
/// `Screen.diff` (through `FramePainter`). `Terminal` is the ncurses one; `MemoryBackend`
/// runs the loop in tests, with scripted events and the frames kept.
public protocol TerminalBackend: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// The colours of the roles (whoever diffs repaints every cell after a new palette).
    func setPalette(_ palette: TerminalPalette)
    /// Paints `update`: clears the screen first when it is full, then paints its cells.
    func paint(_ update: FrameUpdate)
    /// Puts `text` on the clipboard where the terminal allows it (OSC 52).
    func copyToClipboard(_ text: String)
    /// The next event, waiting at most `timeoutMilliseconds` (−1: until one comes); nil
    /// when the time passed.
    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent?
    /// A function that makes a waiting `nextEvent` return `.wake`, callable from any
    /// thread (an ensemble worker's).
    var waker: @Sendable () -> Void { get }
}

extension Terminal: TerminalBackend {
    public var waker: @Sendable () -> Void { { Terminal.wake() } }
}
