import FuturesModel

/// Work for the shell, returned by `reduce` as a plain value (bubbletea's `Cmd`, TCA's
/// `Effect`): tests assert them, and the shell carries them out and feeds the results
/// back as actions.
public enum Effect: Sendable, Equatable {
    /// Put `text` on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Write the document's scenario (and the lens it matches) as a scenario file; the
    /// result comes back as `.saveFinished`.
    case save(SaveRequest, Document)
    /// Read the saved scenarios; they come back as `.savedListed`.
    case listSaved
    /// Export the run of the document's scenario (with its ensemble when it is current) as
    /// JSON and CSV, and the screen as it is shown as SVG; the result comes back as
    /// `.exported`. The shell holds the analysis and the screen it last drew.
    case export(Document)
    /// End the program.
    case quit
}
