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
    /// Levers across worlds (MODEL.md §4): each lever from weak to strong in the same
    /// worlds, the change in P(Future 1) and P(Future 2) and the median gain.
    case acrossWorlds

    /// The next view `a` shows.
    public var next: MovesView {
        switch self {
        case .tornado: .attribution
        case .attribution: .acrossWorlds
        case .acrossWorlds: .tornado
        }
    }
}

/// The map view (`m`): the map of futures over the selected slider (X) and `y`.
public struct MapView: Sendable, Equatable {
    public var y: ParameterID

    public init(y: ParameterID) { self.y = y }

    /// The Y axis for X = `x`: `y`, unless the selection moved onto it (by a click), then
    /// Y's default for that X.
    public func y(for x: ParameterID) -> ParameterID { y == x ? Self.defaultY(for: x) : y }

    /// Y's default for X: the next lever (after the last, the first); for the start or an
    /// assumption, the first lever.
    public static func defaultY(for x: ParameterID) -> ParameterID {
        let levers = LeverID.allCases
        guard case .lever(let lever) = x, let i = levers.firstIndex(of: lever) else { return .lever(levers[0]) }
        return .lever(levers[(i + 1) % levers.count])
    }
}

/// A run pinned as a ghost line for comparison.
public struct Pin: Sendable, Equatable {
    public let scenario: Scenario
    public let trajectory: Trajectory
    /// 1, 2, 3…: counts every pin made, so labels stay stable when old pins drop out.
    public let number: Int
}

/// Everything the dashboard remembers. A value: `reduce` returns new ones, `render` reads
/// them. Overlays and prompts are one `Mode`, so no two can be open at once; requests to
/// the shell (save, export, copy, quit) are not stored here but returned by `reduce` as
/// `Effect`s.
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
    /// The overlay or prompt that takes the keys, if any.
    public var mode: Mode = .normal
    /// In the grid: the current chart fills the chart area (a click on a chart toggles it).
    public var chartEnlarged = false
    /// One line explaining the last change ("Anti-smuggling 30→35 %: lead +0.4 mo, …") or
    /// a message (a goal-seek result, a saved file).
    public var explanation: String = ""
    /// Whether `explanation` tells a change of the scenario (shown after "Last change:").
    public var explanationIsChange = false
    public var width: Int
    public var height: Int
    /// The members of the full ensemble (the status bar shows the refinement toward it).
    public var ensembleMembers = 10_000
    /// The latest ensemble and the scenario it was run for.
    public var ensemble: EnsembleResult?
    public var ensembleScenario: Scenario?
    /// The latest levers-across-worlds result (its scenario inside); shown while it is the
    /// current scenario's, else "computing…" over the last one.
    public var robustness: RobustnessResult?
    /// The open map view, if any: it takes the chart area.
    public var mapView: MapView?
    /// The latest map of futures (its scenario and axes inside).
    public var map: FuturesMap?
    /// The lenses `v` / `V` cycle through (shipped, user, built-in; see `LensCatalog`).
    public var lenses: [Lens] = Lens.builtIn
    /// Whether the description under the charts tells the lens just applied (its argument
    /// and source) instead of the selected slider; the next other key clears it.
    public var lensShown = false
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
    /// The demo being played, if any (`twofutures demo`): it takes Space, n, b and q while
    /// it plays, and `tick` moves it on.
    public var demo: DemoSession?
    /// The clock as the shell last reported it (`Action.tick`), in milliseconds.
    public var now = 0

    public init(scenario: Scenario = Scenario(), width: Int = 80, height: Int = 24) {
        self.scenario = scenario
        self.width = width
        self.height = height
    }

    /// Where everything goes at the current size.
    public var layout: Layout { layout(width: width, height: height) }

    /// Where everything goes at a size.
    public func layout(width: Int, height: Int) -> Layout {
        Layout(
            width: width, height: height, chart: chart, enlarged: chartEnlarged || mapView != nil,
            showsCaption: demo != nil || !(caption ?? "").isEmpty)
    }

    /// The line shown in the outcome bar while a prompt waits: the name being typed
    /// (`s`), or the question before replacing a file.
    public var promptLine: String? {
        switch mode {
        case .overwrite(let question):
            "\(question.fileName) exists: y replaces it, n picks another name, Esc keeps it"
        case .savePrompt(let typed): "Save as: \(typed)▏  Enter saves, Esc cancels"
        default: nil
        }
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

extension State {
    /// Which keys act now: the mode's, or the map view's when it is open over the normal
    /// dashboard (where it takes ↑↓ and Tab for its Y axis).
    public var keyContext: KeyContext {
        mode.context == .normal && mapView != nil ? .map : mode.context
    }
}

extension State {
    /// The lens the assumptions match exactly, if any (nil: "custom").
    public var activeLens: Lens? { lenses.first { $0.matches(scenario.assumptions) } }
}
