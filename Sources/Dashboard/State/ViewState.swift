import FuturesModel

/// How the document is shown: the terminal's size and colours, the selection, the chart,
/// the panels' views, the overlay or prompt, the theme, pins and the message line. Nothing
/// here changes a result; all of it is the user's, except the size and colour mode, which
/// the shell reports.
public struct ViewState: Sendable, Equatable {
    public static let pinLimit = 3

    /// The terminal's size in cells (`Action.resized`).
    public var width: Int
    public var height: Int
    /// NO_COLOR: no colours at all, so the chart lines also differ by their dots.
    public var noColor = false
    /// Index into `ParameterID.all`: the five levers, the policy's start, then the ten
    /// assumptions.
    public var selection: Int = 0
    /// The slider list's first shown line where it scrolls (kept by `reduce` so that the
    /// selection shows; see `SliderGeometry`).
    public var sliderScroll = 0
    /// The chart shown in the compact layout (highlighted in the grid).
    public var chart: ChartKind = .lead
    /// In the grid: the current chart fills the chart area (a click on a chart toggles it).
    public var chartEnlarged = false
    public var moves: MovesView = .tornado
    /// `f`: which probability the attribution splits across worlds (Future 1, Future 2 or
    /// China's markets).
    public var attributionVerdict: Summary.Verdict = .future1
    /// `w`: whether the screen speaks across worlds (the default) or shows the central run
    /// ("as set": every assumption exactly at its slider).
    public var language: Language = .acrossWorlds
    /// The open map view, if any: it takes the chart area.
    public var mapView: MapView?
    /// The overlay or prompt that takes the keys, if any.
    public var mode: Mode = .normal
    /// Runs pinned as ghost lines, and how many were ever made (their labels' numbers).
    public var pins: [Pin] = []
    public var pinsMade = 0
    /// The themes `t` / `T` cycle through, and the current one.
    public var themes: [Theme] = Theme.builtIn
    public var themeIndex = 0
    /// One line explaining the last change ("Anti-smuggling 30→35 %: lead +0.4 mo, …") or
    /// a message (a goal-seek result, a saved file).
    public var explanation: String = ""
    /// Whether `explanation` tells a change of the scenario (shown after "Last change:").
    public var explanationIsChange = false
    /// A change explained across worlds whose Summaries are still computing (`Job.explain`):
    /// `explanation` says the change and "…" until they arrive.
    public var pendingExplanation: PendingExplanation?
    /// Whether the description under the charts tells the lens just applied (its argument
    /// and source) instead of the selected slider; the next other key clears it.
    public var lensShown = false
    /// A warning for the status bar (a theme file that was skipped); cleared by the next key.
    public var warning: String = ""

    public init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
    }

    /// The current theme.
    public var theme: Theme { themes.indices.contains(themeIndex) ? themes[themeIndex] : .dark }

    /// The selected parameter.
    public var selected: ParameterID { ParameterID.all[selection] }

    /// The group of the selected row: the policy's start belongs to the levers.
    public var focus: Focus { selection < SliderGeometry.policyCount ? .levers : .assumptions }

    /// Whether the map draws two rows per cell in colour (not without colour or in ASCII).
    public var mapHalfBlocks: Bool { !noColor && theme.glyphs != .ascii }
}

/// The screen's one language (`w` switches): every result across worlds (medians and
/// probabilities over the ensemble's worlds), or the central run "as set" (every assumption
/// exactly at its slider). With uncertainty 0 the two are the same.
public enum Language: Sendable, Equatable {
    case acrossWorlds
    case asSet

    /// The other one.
    public var other: Language { self == .acrossWorlds ? .asSet : .acrossWorlds }

    /// How the status bar names it.
    public var title: String { self == .acrossWorlds ? "across worlds" : "as set" }
}

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
