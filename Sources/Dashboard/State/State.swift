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
    /// Index into `ParameterID.all`: the five levers, the policy's start, then the ten
    /// assumptions.
    public var selection: Int = 0
    /// The slider list's first shown line where it scrolls (kept by `reduce` so that the
    /// selection shows; see `SliderPanel.Geometry`).
    public var sliderScroll = 0
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
    public var saveRequest: SaveRequest?
    /// Set by the shell when a save would replace a file: y replaces it, n goes back to
    /// the name prompt, Esc (or any other key) keeps the file.
    public var overwriteQuestion: SaveRequest?
    /// `o` asks the shell for the saved scenarios (`openList`), then clears it.
    public var openRequested = false
    /// The saved scenarios to choose from (`o`), and the one selected; nil when not choosing.
    public var openList: [SavedScenario]?
    public var openIndex = 0
    /// The folder `o` lists (set by the shell; shown in the list's title), and the files
    /// in it that could not be used, one line each.
    public var openFolder = ""
    public var openSkipped: [String] = []

    public init(scenario: Scenario = Scenario(), width: Int = 80, height: Int = 24) {
        self.scenario = scenario
        self.width = width
        self.height = height
    }

    /// Where everything goes at the current size.
    public var layout: Layout { Layout(width: width, height: height, chart: chart, enlarged: chartEnlarged) }

    /// The line shown in the outcome bar while a prompt waits: the name being typed
    /// (`s`), or the question before replacing a file.
    public var promptLine: String? {
        if let question = overwriteQuestion {
            return "\(question.fileName) exists: y replaces it, n picks another name, Esc keeps it"
        }
        return savePrompt.map { "Save as: \($0)▏  Enter saves, Esc cancels" }
    }

    /// The current theme.
    public var theme: Theme { themes.indices.contains(themeIndex) ? themes[themeIndex] : .dark }

    /// The selected parameter.
    public var selected: ParameterID { ParameterID.all[selection] }

    /// The group of the selected row: the policy's start belongs to the levers.
    public var focus: Focus { selection < SliderPanel.policyCount ? .levers : .assumptions }

    /// The ensemble if it belongs to the current scenario, else nil (it is being refined).
    public var currentEnsemble: EnsembleResult? {
        ensembleScenario == scenario ? ensemble : nil
    }
}

/// What `s` asks the shell to write: a scenario name, and whether an existing file of
/// that name may be replaced (only after the user said y).
public struct SaveRequest: Sendable, Equatable {
    public var name: String
    public var overwrite: Bool

    public init(name: String, overwrite: Bool = false) {
        self.name = name
        self.overwrite = overwrite
    }

    /// `<name>.toml` with the name lower case and every other character as `-`
    /// ("Enforcement first!" → `enforcement-first.toml`).
    public var fileName: String {
        var stem = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                stem.append(c)
            } else if !stem.isEmpty && stem.last != "-" {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        return (stem.isEmpty ? "scenario" : stem) + ".toml"
    }
}
