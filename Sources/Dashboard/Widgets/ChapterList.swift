import TOML

/// A demo's chapters (`l` while it plays): a centred box over the dashboard listing "1  The
/// two futures" and on, the chapter playing marked ▸, the chosen row highlighted, and the
/// keys. Scrolls to keep the chosen row in view; the title and status bars stay visible.
public struct ChapterList: Sendable, Equatable {
    public var titles: [String]
    /// The row chosen (0-based).
    public var chosen: Int
    /// The chapter playing (1-based; 0 before the first).
    public var current: Int

    public init(titles: [String], chosen: Int, current: Int) {
        self.titles = titles
        self.chosen = chosen
        self.current = current
    }

    /// The key line under the rows.
    public static let keys = "↑↓ choose · Enter jumps · Esc closes"

    /// The rows around the titles: the borders, a blank row and the key line.
    static let chrome = 4

    public func render(in area: Rect, into screen: inout Screen) {
        // The title bar and the status bar stay visible.
        let rows = max(1, min(max(1, titles.count), area.height - 2 - Self.chrome))
        let numberWidth = String(titles.count).count
        let longest = titles.map { sanitized(untrusted: $0).count }.max() ?? 0
        let want = max(Self.keys.count + 4, 2 + numberWidth + 2 + longest + 4, 24)
        let width = min(want, area.width - 4)
        let height = rows + Self.chrome
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width,
            height: height)
        screen.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(area))
        screen.box(rect, title: "Chapters", style: Style(.accent))
        let inner = rect.inset(1)
        guard !titles.isEmpty else {
            screen.write("This demo has no chapters.", x: inner.x + 1, y: inner.y, role: .foreground, clip: inner)
            screen.write("Esc closes", x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
            return
        }
        let chosen = min(max(0, chosen), titles.count - 1)
        let first = ScenarioList.firstShown(selected: chosen, count: titles.count, rows: rows)
        for (row, index) in (first..<min(titles.count, first + rows)).enumerated() {
            let y = inner.y + row
            let isChosen = index == chosen
            let isCurrent = index + 1 == current
            let style =
                isChosen
                ? Style(.selection, [.reverse, .bold])
                : Style(isCurrent ? .accent : .foreground, isCurrent ? .bold : [])
            if isChosen { screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let number = String(index + 1)
            let label =
                (isCurrent ? "▸" : " ") + String(repeating: " ", count: numberWidth - number.count) + number + "  "
            let x = screen.write(label, x: inner.x, y: y, style: style, clip: inner)
            let room = inner.maxX - x - 1
            screen.write(
                ScenarioList.fit(sanitized(untrusted: titles[index]), room), x: x, y: y, style: style, clip: inner)
        }
        // Rows above or below the window: say so in the border.
        if first > 0 { screen.write(" ↑ ", x: rect.maxX - 5, y: rect.y, role: .accent, clip: rect) }
        if first + rows < titles.count {
            screen.write(" ↓ ", x: rect.maxX - 5, y: rect.maxY - 1, role: .accent, clip: rect)
        }
        let position = "\(chosen + 1)/\(titles.count)"
        screen.write(
            ScenarioList.fit(Self.keys, inner.width - 2), x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
        if Self.keys.count + position.count + 4 <= inner.width {
            screen.write(position, x: inner.maxX - position.count - 1, y: inner.maxY - 1, role: .muted, clip: inner)
        }
    }
}
