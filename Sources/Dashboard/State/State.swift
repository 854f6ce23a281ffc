import FuturesModel

/// Which group of sliders the selection is in.
public enum Focus: Sendable, Equatable {
    case levers
    case assumptions
}

/// What the "What moves it" panel shows.
public enum MovesView: Sendable, Equatable {
    /// The sensitivity rows: each parameter swept over its range.
    case tornado
    /// The Shapley split of (your policy − Future 2) over the five levers.
    case attribution
}

/// A run pinned as a ghost line for comparison.
public struct Pin: Sendable, Equatable {
    public let scenario: Scenario
    public let trajectory: Trajectory
    /// 1, 2, 3…: counts every pin made, so labels stay stable when old pins drop out.
    public let number: Int
}

/// Everything the dashboard remembers. A value: `reduce` returns new ones, `render` reads them.
public struct State: Sendable, Equatable {
    public static let undoLimit = 100
    public static let pinLimit = 3

    public var scenario: Scenario
    /// Index into `ParameterID.all`: the five levers, then the nine assumptions.
    public var selection: Int = 0
    public var undoStack: [Scenario] = []
    public var redoStack: [Scenario] = []
    public var pins: [Pin] = []
    public var pinsMade = 0
    /// The chart shown in the compact layout (highlighted in the grid).
    public var chart: ChartKind = .lead
    public var moves: MovesView = .tornado
    public var helpOpen = false
    /// In the grid: the current chart fills the chart area (a click on a chart toggles it).
    public var chartEnlarged = false
    /// One line explaining the last change: "Anti-smuggling 30→35 %: lead +0.4 mo, …".
    public var explanation: String = ""
    public var width: Int
    public var height: Int
    public var shouldQuit = false
    /// The latest ensemble and the scenario it was run for.
    public var ensemble: EnsembleResult?
    public var ensembleScenario: Scenario?
    /// The themes `t` / `T` cycle through, and the current one.
    public var themes: [Theme] = Theme.builtIn
    public var themeIndex = 0
    /// A warning for the status bar (a theme file that was skipped); cleared by the next key.
    public var warning: String = ""
    /// NO_COLOR: no colours at all, so the chart lines also differ by their dots.
    public var noColor = false
    /// A demo's current caption, shown in a box above the outcome bar; nil shows nothing.
    public var caption: String?
    /// A demo's progress ("step 3/12"), shown in the status bar; empty outside demos.
    public var demoProgress: String = ""
    /// Text for the shell to copy to the terminal's clipboard (OSC 52), then clear; `y`
    /// sets it to the share token.
    public var clipboard: String?
    /// A goal-seek result (`g`) waiting for Enter (apply) or Esc (discard).
    public var pendingSeek: SeekResult?
    /// `e` asks the shell to export the current run (JSON and CSV) and then clears it.
    public var exportRequested = false
    /// `s`: the scenario name being typed in the one-line prompt; nil when no prompt.
    public var savePrompt: String?
    /// A name to save the current scenario under, for the shell to write and then clear.
    public var saveRequest: String?
    /// `o` asks the shell for the saved scenarios (`openList`), then clears it.
    public var openRequested = false
    /// The saved scenarios to choose from (`o`), and the one shown; nil when not choosing.
    public var openList: [SavedScenario]?
    public var openIndex = 0

    public init(scenario: Scenario = Scenario(), width: Int = 80, height: Int = 24) {
        self.scenario = scenario
        self.width = width
        self.height = height
    }

    /// Where everything goes at the current size.
    public var layout: Layout { Layout(width: width, height: height, chart: chart, enlarged: chartEnlarged) }

    /// The `o` chooser as one line: "Open 2/5: Enforcement first (Future 1, lead 15.4 mo) …".
    public var openPrompt: String? {
        guard let list = openList else { return nil }
        guard list.indices.contains(openIndex) else { return "No saved scenarios yet (s saves one). Esc closes." }
        let e = list[openIndex]
        return "Open \(openIndex + 1)/\(list.count): \(e.name) (\(e.outcome))  ↑↓ choose, Enter opens, Esc cancels"
    }

    /// The current theme.
    public var theme: Theme { themes.indices.contains(themeIndex) ? themes[themeIndex] : .dark }

    /// The selected parameter.
    public var selected: ParameterID { ParameterID.all[selection] }

    /// The group of the selected row.
    public var focus: Focus { selection < LeverID.allCases.count ? .levers : .assumptions }

    /// The ensemble if it belongs to the current scenario, else nil (it is being refined).
    public var currentEnsemble: EnsembleResult? {
        ensembleScenario == scenario ? ensemble : nil
    }
}
