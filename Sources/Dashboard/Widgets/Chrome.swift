import FuturesModel
import TOML

/// The title bar: the tool, the simulated period, and the reminder that it is no forecast.
public struct TitleBar: Sendable, Equatable {
    public var horizon: Int
    public var pins: Int

    public init(horizon: Int, pins: Int) {
        self.horizon = horizon
        self.pins = pins
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        var x = screen.write(" TwoFutures ", x: rect.x, y: rect.y, role: .accent, flags: .bold, clip: rect)
        x = screen.write(" \(monthLabel(0)) → \(monthLabel(horizon))", x: x, y: rect.y, role: .muted, clip: rect)
        if pins > 0 {
            screen.write("  pins \(pins)/\(State.pinLimit)", x: x, y: rect.y, role: .muted, clip: rect)
        }
        let note = rect.width >= 100 ? "Illustrative model, not a forecast " : "Illustrative, not a forecast "
        screen.write(note, x: rect.maxX - note.count, y: rect.y, role: .muted, clip: rect)
    }
}

/// The status bar: key hints that fit, and the ensemble's state on the right.
public struct StatusBar: Sendable, Equatable {
    public var ensembleText: String
    /// The current theme's name, shown on the right.
    public var themeName: String
    /// A warning shown instead of the key hints.
    public var warning: String
    /// A demo's progress ("step 3/12"), shown before the ensemble's state.
    public var progress: String

    public init(ensembleText: String, themeName: String = "", warning: String = "", progress: String = "") {
        self.ensembleText = ensembleText
        self.themeName = themeName
        self.warning = warning
        self.progress = progress
    }

    static let hints: [(key: String, what: String)] = [
        ("↑↓", "select"), ("←→", "±5"), ("Tab", "group"), ("1 2 3", "presets"), ("?", "help"), ("q", "quit"),
        ("⇧←→", "±1"), ("u", "undo"), ("p", "pin"), ("c", "chart"), ("t", "theme"), ("a", "attribution"),
    ]

    public func render(in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, style: Style(.muted, .reverse))
        let theme = sanitized(untrusted: themeName)
        var right = theme.isEmpty ? " \(ensembleText) " : " \(theme) · \(ensembleText) "
        if !progress.isEmpty { right = " \(sanitized(untrusted: progress)) ·" + right }
        let limit = rect.maxX - right.count - 1
        var x = rect.x + 1
        if !warning.isEmpty {
            let clip = Rect(x: rect.x, y: rect.y, width: max(0, limit - rect.x), height: 1)
            screen.write(
                " \(sanitized(untrusted: warning)) ", x: rect.x, y: rect.y, role: .warning, flags: [.reverse, .bold],
                clip: clip)
        }
        for hint in Self.hints where warning.isEmpty {
            let width = hint.key.count + 1 + hint.what.count + 2
            guard x + width <= limit else { break }
            x = screen.write(hint.key, x: x, y: rect.y, role: .accent, flags: [.reverse, .bold], clip: rect)
            x = screen.write(" \(hint.what)  ", x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
        }
        screen.write(right, x: rect.maxX - right.count, y: rect.y, role: .muted, flags: .reverse, clip: rect)
    }
}

/// The help overlay: every key, in a centred box over the dashboard.
public struct HelpOverlay: Sendable, Equatable {
    public init() {}

    public static let lines: [(key: String, what: String)] = [
        ("↑ ↓  k j", "select a slider (wraps)"),
        ("← →  h l", "−/+ 5 points (assumptions: one step)"),
        ("⇧← ⇧→  H L", "−/+ 1 point (assumptions: a fifth of a step)"),
        ("Home End", "minimum / maximum"),
        ("Tab", "levers ⇄ assumptions"),
        ("1 2 3", "presets: Future 1, Future 2, status quo"),
        ("u  Ctrl-R", "undo / redo"),
        ("r", "reset levers and assumptions"),
        ("p  P", "pin this run as a ghost line / clear pins"),
        ("c  C", "next / previous chart"),
        ("t  T", "next / previous theme"),
        ("a", "what moves it: tornado ⇄ attribution"),
        ("g", "goal-seek: least of this lever for Future 1"),
        ("y  e", "share token (OSC 52 copy) / export JSON, CSV"),
        ("s  o", "save under a name / open the saved list"),
        ("?", "open / close this help"),
        ("Esc", "close help / shrink an enlarged chart"),
        ("Ctrl-L", "redraw the whole screen"),
        ("q  Ctrl-C", "quit"),
        ("mouse", "click a track to set it; the wheel nudges"),
        ("", "click a chart: enlarge / shrink it (grid)"),
        ("", ""),
        ("F1 F2 You", "Future 1 / Future 2 presets and your policy"),
        ("stipple", "p10–p90 band of your policy (the ensemble)"),
        ("╌ F1≥12", "thresholds: Future 1 at ≥ 12 mo, Future 2 ≤ 3"),
        ("▁▃▅█", "each slider's 2028 lead across its range"),
    ]

    /// Every key in fewer rows, for terminals too short for `lines` (80×24).
    public static let compactLines: [(key: String, what: String)] = [
        ("↑↓ jk ←→ hl", "select a slider / −+ 5 points (⇧ or H L: 1)"),
        ("Home End", "minimum / maximum · Tab: levers ⇄ assumptions"),
        ("1 2 3  r", "presets F1, F2, status quo / reset all"),
        ("u  Ctrl-R", "undo / redo"),
        ("p P  c C", "pin, clear pins / next, previous chart"),
        ("t T  a", "next, previous theme / tornado ⇄ attribution"),
        ("g", "goal-seek: least of this lever for Future 1"),
        ("y  e", "share token (OSC 52 copy) / export JSON, CSV"),
        ("s  o", "save under a name / open the saved list"),
        ("? Esc ^L", "help / close, shrink a chart / redraw"),
        ("q  Ctrl-C", "quit"),
        ("mouse", "track: set · wheel: nudge · chart: enlarge"),
    ]

    public func render(in area: Rect, into screen: inout Screen) {
        let width = min(60, area.width - 2)
        // The full list when it fits, else every key in fewer rows.
        let list = Self.lines.count + 4 <= area.height - 2 ? Self.lines : Self.compactLines
        let height = min(list.count + 4, area.height - 2)
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
            height: height)
        // A blank margin, so that no half-hidden label shows beside the box.
        screen.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(area))
        screen.box(rect, title: "Keys", style: Style(.accent))
        let inner = rect.inset(1)
        for (i, line) in list.prefix(inner.height - 2).enumerated() {
            let y = inner.y + i
            screen.write(line.key, x: inner.x + 1, y: y, role: .accent, flags: .bold, clip: inner)
            screen.write(line.what, x: inner.x + 13, y: y, role: .foreground, clip: inner)
        }
        screen.write(
            "An illustrative model, not a forecast.", x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }
}
