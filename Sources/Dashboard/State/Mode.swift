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
    /// `A`: the answer view, over the whole dashboard.
    case answer(AnswerView)
    /// `l` while a demo plays: its chapters, with the one chosen (0-based).
    case chapters(Int)

    /// Which keys of the key table act in this mode (see also `State.keyContext`).
    public var context: KeyContext {
        switch self {
        case .normal, .seekResult: .normal
        case .help: .help
        case .savePrompt, .overwrite: .prompt
        case .openList, .chapters: .list
        case .answer: .answer
        }
    }

    /// Whether the answer view is open.
    public var isAnswer: Bool {
        if case .answer = self { true } else { false }
    }
}

/// What the answer view (`A`) shows: the probability whose Shapley points fill its cells
/// (←→ chooses), and the first column shown when they do not all fit (< > scroll).
public struct AnswerView: Sendable, Equatable {
    public var verdict: Summary.Verdict
    public var scroll: Int

    public init(verdict: Summary.Verdict = .future1, scroll: Int = 0) {
        self.verdict = verdict
        self.scroll = scroll
    }

    /// The next (or previous) of Future 1, Future 2 and China's markets, wrapping.
    public mutating func cycle(by step: Int) {
        let all = Summary.Verdict.allCases
        let i = all.firstIndex(of: verdict) ?? 0
        verdict = all[(i + step + all.count) % all.count]
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
