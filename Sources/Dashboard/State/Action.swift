import FuturesModel

/// Something that happened, for `reduce` to turn into a new state (named for the event,
/// not for the intended change, in the bubbletea/TCA manner).
public enum Action: Sendable, Equatable {
    case keyPressed(Key)
    case resized(width: Int, height: Int)
    /// The ensemble the shell ran for `scenario` finished; it is kept only while that
    /// scenario is still the current one (latest wins).
    case ensembleFinished(EnsembleResult, for: Scenario)
    case mouse(MouseEvent)
}

/// A key as the terminal layer reports it, already decoded from escape sequences.
public enum Key: Sendable, Equatable, Hashable {
    case up, down, left, right
    case shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace
    /// A printable character, as typed (shifted letters arrive upper-case).
    case char(Character)
    /// A control chord such as Ctrl-R, with the letter in lower case.
    case ctrl(Character)
}

/// A mouse event in screen cells.
public enum MouseEvent: Sendable, Equatable, Hashable {
    /// A press of the primary button.
    case click(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}
