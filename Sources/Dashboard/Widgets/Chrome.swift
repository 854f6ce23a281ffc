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

    /// The hints, from the key table, by rank.
    static let hints: [KeyHint] = KeyTable.hints

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
        if warning.isEmpty {
            // The essential hints always, the others by rank as far as they fit; shown in rank order.
            let ascii = screen.glyphs == .ascii
            let texts = Self.hints.map { hint in ascii ? (hint.ascii ?? (hint.keys, hint.what)) : (hint.keys, hint.what)
            }
            let widths = texts.map { $0.0.count + 1 + $0.1.count + 2 }
            var room = limit - x - zip(Self.hints, widths).filter { $0.0.essential }.reduce(0) { $0 + $1.1 }
            var shown = Self.hints.map(\.essential)
            for i in Self.hints.indices where !shown[i] {
                guard widths[i] <= room else { break }
                shown[i] = true
                room -= widths[i]
            }
            for (i, text) in texts.enumerated() where shown[i] {
                x = screen.write(text.0, x: x, y: rect.y, role: .accent, flags: [.reverse, .bold], clip: rect)
                x = screen.write(" \(text.1)  ", x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
            }
        }
        screen.write(right, x: rect.maxX - right.count, y: rect.y, role: .muted, flags: .reverse, clip: rect)
    }
}

/// The help overlay: every key of the key table, in a centred box over the dashboard,
/// and how to read the charts.
public struct HelpOverlay: Sendable, Equatable {
    public init() {}

    /// What the charts' marks mean, below the keys.
    public static let legend: [(key: String, what: String)] = [
        ("F1 F2 You", "Future 1 / Future 2 presets and your policy, each run once (central)"),
        ("shaded band", "your policy in the middle 80 % of plausible worlds (p10–p90)"),
        ("┄ dotted", "the median of those worlds"),
        ("╌ F1≥12", "thresholds: Future 1 at ≥ 12 mo, Future 2 ≤ 3"),
        ("▁▃▅█", "each slider's lead at the horizon across its range; bold: now"),
        ("┃", "what moves the lead: your lead now; a bar spans a slider's range"),
    ]

    /// One row per binding (its short help where the whole one does not fit in `room`
    /// columns), then a blank row and the legend.
    static func lines(room: Int) -> [(key: String, what: String)] {
        KeyTable.bindings(in: .normal).map { ($0.label, $0.help.count <= room ? $0.help : $0.shortHelp) }
            + [("", "")] + legend
    }

    public func render(in area: Rect, into screen: inout Screen) {
        let width = min(100, area.width - 2)
        let bindings = KeyTable.bindings(in: .normal)
        // The full list when it fits, else every key in two columns of short forms.
        let keyWidth = (KeyTable.bindings(in: .normal).map(\.label.count).max() ?? 0) + 2
        let lines = Self.lines(room: width - 3 - keyWidth)
        let full = lines.count + 4 <= area.height - 2
        let rows = full ? lines.count : (bindings.count + 1) / 2
        let height = min(rows + 4, area.height - 2)
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
            height: height)
        // A blank margin, so that no half-hidden label shows beside the box.
        screen.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(area))
        screen.box(rect, title: "Keys", style: Style(.accent))
        let inner = rect.inset(1)
        if full {
            for (i, line) in lines.prefix(inner.height - 2).enumerated() {
                let y = inner.y + i
                screen.write(line.key, x: inner.x + 1, y: y, role: .accent, flags: .bold, clip: inner)
                let room = inner.width - 1 - keyWidth
                let what = line.what.count <= room ? line.what : String(line.what.prefix(room - 1)) + "…"
                screen.write(what, x: inner.x + 1 + keyWidth, y: y, role: .foreground, clip: inner)
            }
        } else {
            let column = (inner.width - 1) / 2
            let keyWidth = (bindings.map(\.short.count).max() ?? 0) + 1
            for (i, binding) in bindings.enumerated() where i / 2 < inner.height - 2 {
                let x = inner.x + 1 + (i % 2) * column, y = inner.y + i / 2
                screen.write(binding.short, x: x, y: y, role: .accent, flags: .bold, clip: inner)
                let what = String(binding.shortHelp.prefix(max(0, column - keyWidth - 1)))
                screen.write(what, x: x + keyWidth, y: y, role: .foreground, clip: inner)
            }
        }
        screen.write(
            "An illustrative model, not a forecast.", x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }
}
