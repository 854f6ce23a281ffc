import FuturesModel

/// Something that happened, for `reduce` to turn into a new state (named for the event,
/// not for the intended change, in the bubbletea/TCA manner). The results of effects come
/// back as actions too.
public enum Action: Sendable, Equatable {
    case keyPressed(Key)
    case resized(width: Int, height: Int)
    case mouse(MouseEvent)
    /// Time passed: the shell's clock in milliseconds. A playing demo moves on.
    case tick(now: Int)
    /// `action` happened at the shell's clock `now`: the clock moves on first (as `tick`),
    /// then the action acts, in one `reduce` (the shell sends every event this way).
    indirect case timed(Action, now: Int)
    /// A job the shell ran delivered a result; it is kept only while it answers what the
    /// screen shows (latest wins; see `Job.current`).
    case jobFinished(JobResult)
    /// The shell carried out `Effect.save`.
    case saveFinished(SaveResult)
    /// The shell carried out `Effect.listSaved`.
    case savedListed(OpenList)
    /// The shell carried out `Effect.export`: the files' path without extension, or why not.
    case exported(ExportResult)
    /// `twofutures demo`: play `script` from now (at the last `tick`); quit at its end when
    /// `exitAtEnd`.
    case demoLoaded(DemoScript, exitAtEnd: Bool)
}

/// How a save ended.
public enum SaveResult: Sendable, Equatable {
    /// Written to `path`; `replaced` when it replaced a file the user agreed to replace.
    case saved(path: String, replaced: Bool)
    /// A file of that name exists and the user has not agreed to replace it yet.
    case exists(SaveRequest)
    /// One line saying why not.
    case failed(String)
}

/// How an export ended.
public enum ExportResult: Sendable, Equatable {
    /// `stem`.json, `stem`.csv and `stem`.svg were written.
    case exported(stem: String)
    case failed(String)
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
