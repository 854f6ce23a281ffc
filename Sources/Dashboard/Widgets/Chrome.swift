import FuturesModel
import TOML

/// The title bar: the tool, the simulated period, and the reminder that it is no forecast.
public struct TitleBar: Sendable {
    public var horizon: Int
    public var pins: Int
    /// While a demo plays: its current chapter, "Chapter 2/6" and its title.
    public var chapter: (number: String, title: String)?

    public init(horizon: Int, pins: Int, chapter: (number: String, title: String)? = nil) {
        self.horizon = horizon
        self.pins = pins
        self.chapter = chapter
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        var x = screen.write(" TwoFutures ", x: rect.x, y: rect.y, role: .accent, flags: .bold, clip: rect)
        x = screen.write(" \(monthLabel(0)) → \(monthLabel(horizon))", x: x, y: rect.y, role: .muted, clip: rect)
        if pins > 0 {
            x = screen.write("  pins \(pins)/\(ViewState.pinLimit)", x: x, y: rect.y, role: .muted, clip: rect)
        }
        let note = rect.width >= 100 ? "Illustrative model, not a forecast " : "Illustrative, not a forecast "
        screen.write(note, x: rect.maxX - note.count, y: rect.y, role: .muted, clip: rect)
        // The chapter between them: its title cut to the room there is, else its number.
        if let chapter {
            let room = rect.maxX - note.count - 2 - (x + 3)
            let text = sanitized(
                untrusted: chapter.title.isEmpty ? chapter.number : chapter.number + ": " + chapter.title)
            let shown =
                text.count <= room
                ? text : room >= chapter.number.count + 12 ? String(text.prefix(room - 1)) + "…" : chapter.number
            guard shown.count <= room else { return }
            screen.write(shown, x: x + 3, y: rect.y, role: .foreground, flags: .bold, clip: rect)
        }
    }
}

/// The status bar: key hints that fit, and the ensemble's state on the right.
public struct StatusBar: Sendable, Equatable {
    public var ensembleText: String
    /// The current theme's name, shown on the right from 100 columns.
    public var themeName: String
    /// A warning shown instead of the key hints.
    public var warning: String
    /// A demo's progress ("step 3/12"), shown before the ensemble's state.
    public var progress: String
    /// A demo waits for Space: its hint says "Space play".
    public var demoPaused = false

    public init(
        ensembleText: String, themeName: String = "", warning: String = "", progress: String = "",
        context: KeyContext = .normal
    ) {
        self.context = context
        self.ensembleText = ensembleText
        self.themeName = themeName
        self.warning = warning
        self.progress = progress
    }

    /// Where the keys act: the hints are that context's, from the key table, by rank.
    public var context: KeyContext
    /// Only the essential hints (? help, q quit): an overlay that shows its own keys (the
    /// chapter list) is open.
    public var essentialOnly = false

    /// From this width on the hints take their full forms, below it their `narrow` ones.
    public static let wideFrom = 100

    public func render(in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, style: Style(.muted, .reverse))
        let ascii = screen.glyphs == .ascii
        let hints = KeyTable.hints(in: context).filter { !essentialOnly || $0.essential }
        let narrow = rect.width < Self.wideFrom
        let texts = hints.map { hint in
            let full = narrow ? (hint.narrow ?? (hint.keys, hint.what)) : (hint.keys, hint.what)
            let text = ascii ? (hint.ascii ?? full) : full
            // Paused, Space plays (the table's hint says what it does while playing).
            return demoPaused && text.0 == "Space" ? (text.0, text.1.replacing("pause", with: "play")) : text
        }
        let widths = texts.map { $0.0.count + 1 + $0.1.count + 2 }
        let essential = warning.isEmpty ? zip(hints, widths).filter { $0.0.essential }.reduce(0) { $0 + $1.1 } : 0
        // While a demo plays, its hints come before the ensemble's state where both do not fit.
        let all = warning.isEmpty && context == .demo ? widths.reduce(0, +) : essential
        let right = rightText(width: rect.width, room: rect.width - 2 - all, least: rect.width - 2 - essential)
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
            var room = limit - x - essential
            var shown = hints.map(\.essential)
            for i in hints.indices where !shown[i] {
                guard widths[i] <= room else { break }
                shown[i] = true
                room -= widths[i]
            }
            for (i, text) in texts.enumerated() where shown[i] {
                x = screen.write(text.0, x: x, y: rect.y, role: .accent, flags: [.reverse, .bold], clip: rect)
                // A hint may chain keys: "Future 1 · 2 Future 2 · 3 status quo", a key after each " · ".
                for (j, part) in text.1.components(separatedBy: " · ").enumerated() {
                    var what = part
                    if j > 0 {
                        x = screen.write(" ·", x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
                        let key = String(part.prefix { $0 != " " })
                        x = screen.write(
                            " " + key, x: x, y: rect.y, role: .accent, flags: [.reverse, .bold], clip: rect)
                        what = String(part.dropFirst(key.count))
                    } else {
                        what = " " + part
                    }
                    x = screen.write(what, x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
                }
                x = screen.write("  ", x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
            }
        }
        screen.write(right, x: rect.maxX - right.count, y: rect.y, role: .muted, flags: .reverse, clip: rect)
    }

    /// The right side of a bar `width` wide, in `room` columns if it can, else in `least`:
    /// a demo's progress, the theme's name (from 100 columns, and not while a demo plays)
    /// and the ensemble's state. Where they do not all fit, the theme goes first, then the
    /// ensemble's state, then the progress's tail (cut with "…").
    func rightText(width: Int, room: Int, least: Int) -> String {
        let theme = width >= 100 && context != .demo ? sanitized(untrusted: themeName) : ""
        let ensemble = theme.isEmpty ? " \(ensembleText) " : " \(theme) · \(ensembleText) "
        guard !progress.isEmpty else { return ensemble }
        let progress = sanitized(untrusted: self.progress)
        let candidates = [" \(progress) ·" + ensemble, " \(progress) · \(ensembleText) ", " \(progress) "]
        if let fits = candidates.first(where: { $0.count <= room }) ?? candidates.first(where: { $0.count <= least }) {
            return fits
        }
        return " " + String(progress.prefix(max(0, least - 3))) + "… "
    }
}

/// The help overlay: every key of the key table, in a centred box over the dashboard,
/// and how to read the charts; while a demo is loaded, its keys (Space, n, b) first.
public struct HelpOverlay: Sendable, Equatable {
    /// Whether a demo is loaded: its keys head the list.
    public var demo: Bool

    public init(demo: Bool = false) { self.demo = demo }

    /// The rows listed: the demo's keys while one is loaded, then the documented ones.
    var bindings: [KeyBinding] { (demo ? KeyTable.demoOnly : []) + KeyTable.documented }

    /// What the charts' marks mean, below the keys.
    public static let legend: [(key: String, what: String)] = [
        ("F1 F2 You", "Future 1 / Future 2 presets and your policy: medians across worlds (w: each run once)"),
        ("shaded band", "your policy in the middle 80 % of plausible worlds (p10–p90)"),
        ("┄ dotted", "across worlds: your central run, as set; as set (w): the worlds' median"),
        ("╌ F1≥12", "thresholds: Future 1 at ≥ 12 mo, Future 2 ≤ 3 mo, contested between"),
        ("map ▀", "across worlds: P(F1) or P(F2) ≥ 90 %, ≥ 50 %, or neither; as set: the lead"),
        ("▁▃▅█", "each slider's lead at the horizon across its range; highlighted cell: now"),
        ("┃", "what moves the lead: your lead now; a bar spans a slider's range"),
    ]

    /// One row per binding (its short help where the whole one does not fit in `room`
    /// columns), then a blank row and the legend.
    func lines(room: Int) -> [(key: String, what: String)] {
        bindings.map { ($0.label, $0.help.count <= room ? $0.help : $0.shortHelp) }
            + [("", "")] + Self.legend
    }

    /// The three forms, most detailed first: one column with the whole help and the
    /// legend; two columns of whole keys and the legend below (from 96 columns); two
    /// columns of short keys (80×24).
    enum Form { case full, twoColumns, compact }

    public func render(in area: Rect, into screen: inout Screen) {
        let bindings = self.bindings
        let keyWidth = (bindings.map(\.label.count).max() ?? 0) + 2
        let oneColumn = lines(room: min(100, area.width - 2) - 3 - keyWidth)
        let twoColumnRows = (bindings.count + 1) / 2 + 1 + Self.legend.count
        let form: Form =
            oneColumn.count + 4 <= area.height - 2
            ? .full : area.width - 2 >= 96 && twoColumnRows + 4 <= area.height - 2 ? .twoColumns : .compact
        let width = form == .twoColumns ? min(area.width - 2, 2 * (keyWidth + 44) + 3) : min(100, area.width - 2)
        let rows =
            switch form {
            case .full: oneColumn.count
            case .twoColumns: twoColumnRows
            case .compact: (bindings.count + 1) / 2
            }
        let height = min(rows + 4, area.height - 2)
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
            height: height)
        // A blank margin, so that no half-hidden label shows beside the box.
        screen.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(area))
        screen.box(rect, title: "Keys", style: Style(.accent))
        let inner = rect.inset(1)
        /// One line: the key in the accent colour, then what it does, cut with "…" to `room`.
        func line(_ key: String, _ what: String, x: Int, y: Int, keyWidth: Int, room: Int) {
            screen.write(key, x: x, y: y, role: .accent, flags: .bold, clip: inner)
            let text = what.count <= room ? what : String(what.prefix(max(0, room - 1))) + "…"
            screen.write(text, x: x + keyWidth, y: y, role: .foreground, clip: inner)
        }
        switch form {
        case .full:
            for (i, l) in oneColumn.prefix(inner.height - 2).enumerated() {
                line(
                    l.key, l.what, x: inner.x + 1, y: inner.y + i, keyWidth: keyWidth, room: inner.width - 1 - keyWidth)
            }
        case .twoColumns:
            let column = (inner.width - 1) / 2
            let room = column - keyWidth - 1
            for (i, b) in bindings.enumerated() {
                let what = b.help.count <= room ? b.help : b.shortHelp
                line(
                    b.label, what, x: inner.x + 1 + (i % 2) * column, y: inner.y + i / 2, keyWidth: keyWidth,
                    room: room)
            }
            let top = inner.y + (bindings.count + 1) / 2 + 1
            for (i, l) in Self.legend.enumerated() where top + i < inner.maxY - 1 {
                line(l.key, l.what, x: inner.x + 1, y: top + i, keyWidth: keyWidth, room: inner.width - 1 - keyWidth)
            }
        case .compact:
            let column = (inner.width - 1) / 2
            let keyWidth = (bindings.map(\.short.count).max() ?? 0) + 1
            // The blank row above the footer gives way to keys that need it (a demo's at 80×24).
            let needed = (bindings.count + 1) / 2
            let room = needed <= inner.height - 2 ? inner.height - 2 : inner.height - 1
            for (i, binding) in bindings.enumerated() where i / 2 < room {
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
