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
