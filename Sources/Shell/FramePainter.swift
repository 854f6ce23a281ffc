import Dashboard
import Terminal

/// The one keeper of the last screen shown, for every path that paints (the session's
/// terminal, `record --cast`, `demo --cast`): it diffs each new screen against it
/// (`Screen.diff`) and forgets it when the terminal must be repainted whole, on Ctrl-L
/// (`invalidate`) and on a new palette; a new size repaints whole through the diff.
public struct FramePainter: Sendable {
    private var previous: Screen?
    /// The palette the screens are painted in (nil: not known yet).
    public private(set) var palette: TerminalPalette?

    /// `palette`: the one the terminal already has, if known.
    public init(palette: TerminalPalette? = nil) { self.palette = palette }

    /// Forgets the last screen: the next update repaints every cell (Ctrl-L).
    public mutating func invalidate() { previous = nil }

    /// Takes `palette` for the next screens; a palette other than the last one repaints
    /// every cell on the next update. Returns whether it was another palette.
    @discardableResult
    public mutating func setPalette(_ palette: TerminalPalette) -> Bool {
        guard palette != self.palette else { return false }
        self.palette = palette
        previous = nil
        return true
    }

    /// The update that turns the last screen into `screen`, in the terminal's form; `screen`
    /// becomes the last screen.
    public mutating func update(_ screen: Screen) -> FrameUpdate {
        defer { previous = screen }
        return Bridge.update(screen, screen.diff(from: previous))
    }

    /// Gives `backend` the palette, and takes it for the next screens (see `setPalette(_:)`).
    public mutating func setPalette(_ palette: TerminalPalette, on backend: TerminalBackend) {
        setPalette(palette)
        backend.setPalette(palette)
    }

    /// Paints on `backend` what changed since the last screen.
    public mutating func paint(_ screen: Screen, on backend: TerminalBackend) { backend.paint(update(screen)) }
}
