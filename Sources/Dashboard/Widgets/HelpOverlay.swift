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
        ("a", "what moves it: tornado ⇄ attribution"),
        ("?  Esc", "open / close this help"),
        ("q  Ctrl-C", "quit"),
        ("mouse", "click a track: set it; wheel: nudge"),
    ]

    public func render(in area: Rect, into screen: inout Screen) {
        let width = min(60, area.width - 2)
        let height = min(Self.lines.count + 4, area.height - 2)
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
            height: height)
        screen.fill(rect)
        screen.box(rect, title: "Keys", style: Style(.accent))
        let inner = rect.inset(1)
        for (i, line) in Self.lines.prefix(inner.height - 2).enumerated() {
            let y = inner.y + i
            screen.write(line.key, x: inner.x + 1, y: y, role: .accent, flags: .bold, clip: inner)
            screen.write(line.what, x: inner.x + 13, y: y, role: .foreground, clip: inner)
        }
        screen.write(
            "An illustrative model, not a forecast.", x: inner.x + 1, y: inner.maxY - 1, role: .warning, clip: inner)
    }
}
