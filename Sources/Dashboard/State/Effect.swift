import FuturesModel

/// Work for the shell, returned by `reduce` as a plain value (bubbletea's `Cmd`, TCA's
/// `Effect`): tests assert them, and the shell carries them out and feeds the results
/// back as actions.
public enum Effect: Sendable, Equatable {
    /// Put `text` on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Write `scenario` as a scenario file; the result comes back as `.saveFinished`.
    case save(SaveRequest, Scenario)
    /// Read the saved scenarios; they come back as `.savedListed`.
    case listSaved
    /// Export the run of `scenario` (with `ensemble` when it is current) as JSON and CSV,
    /// and the screen as SVG; the result comes back as `.exported`. `shown` is the
    /// dashboard as it is on the screen: the shell draws it with `render` (which needs the
    /// analysis that the shell holds, not `reduce`).
    case export(Scenario, ensemble: EnsembleResult?, shown: State)
    /// End the program.
    case quit
}
