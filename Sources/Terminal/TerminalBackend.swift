/// What the main loop needs from a terminal: its size, a palette, frames out, events in
/// (ratatui's `Backend`). `Terminal` is the ncurses one; `MemoryBackend` runs the loop in
/// tests, with scripted events and the frames kept.
public protocol TerminalBackend: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// The colours of the roles; everything is redrawn on the next `draw`.
    func setPalette(_ palette: TerminalPalette)
    /// Shows `frame` (a real terminal writes only the cells that changed).
    func draw(_ frame: TerminalFrame)
    /// Puts `text` on the clipboard where the terminal allows it (OSC 52).
    func copyToClipboard(_ text: String)
    /// Forgets the last frame, so that the next `draw` repaints every cell (Ctrl-L).
    func invalidate()
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
