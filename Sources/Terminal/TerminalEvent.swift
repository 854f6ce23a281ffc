/// What the terminal reports: keys, mouse, resizes, wake-ups and quit signals.
public enum TerminalEvent: Equatable, Sendable {
    case key(TerminalKey)
    case mouse(TerminalMouse)
    case resize(width: Int, height: Int)
    /// Another thread called `Terminal.wake()` (for example, an ensemble finished).
    case wake
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case quit(signal: Int32)
}

/// A key, decoded from curses' key codes.
public enum TerminalKey: Equatable, Hashable, Sendable {
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete
    case function(Int)
    /// Ctrl plus a letter, lower case ("r" for Ctrl-R).
    case ctrl(Character)
    case character(Character)
}

/// A mouse event in cell coordinates.
public struct TerminalMouse: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case press, release, drag, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
