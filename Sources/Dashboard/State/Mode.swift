import FuturesModel

/// What takes the keys: the dashboard itself, or one overlay or prompt over it. One value
/// instead of a flag per overlay, so that two can never be open at once.
public enum Mode: Sendable, Equatable {
    /// The sliders and charts.
    case normal
    /// The help overlay (`?`): any key closes it, q still quits.
    case help
    /// `s`: the scenario name being typed.
    case savePrompt(String)
    /// A save found a file of that name: y replaces it, n goes back to the name, anything
    /// else keeps the file.
    case overwrite(SaveRequest)
    /// `o`: the saved scenarios to choose from.
    case openList(OpenList)
    /// `g`: a goal-seek result waiting for Enter (apply) or Esc (discard).
    case seekResult(SeekResult)

    /// Which keys of the key table act in this mode (see also `State.keyContext`).
    public var context: KeyContext {
        switch self {
        case .normal, .seekResult: .normal
        case .help: .help
        case .savePrompt, .overwrite: .prompt
        case .openList: .list
        }
    }
}

/// The saved scenarios of the `o` list, the one selected, the folder listed (for the
/// title) and the files that could not be used (one line each).
public struct OpenList: Sendable, Equatable {
    public var entries: [SavedScenario]
    public var index: Int
    public var folder: String
    public var skipped: [String]

    public init(entries: [SavedScenario], index: Int = 0, folder: String = "", skipped: [String] = []) {
        self.entries = entries
        self.index = index
        self.folder = folder
        self.skipped = skipped
    }
}
