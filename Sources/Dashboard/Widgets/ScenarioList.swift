import FuturesModel

/// The `o` view: the saved scenarios as a list over the dashboard, one row each (name,
/// outcome at the horizon, file), the selected one highlighted, with its share token and
/// notes below. Scrolls to keep the selection in view.
public struct ScenarioList: Sendable, Equatable {
    public var entries: [SavedScenario]
    public var selected: Int
    /// The folder listed, for the title.
    public var folder: String
    /// Files that could not be read or parsed, one line each ("f1.toml:7: levers…").
    public var skipped: [String]

    public init(entries: [SavedScenario], selected: Int, folder: String, skipped: [String] = []) {
        self.entries = entries
        self.selected = selected
        self.folder = folder
        self.skipped = skipped
    }

    /// The first entry shown, so that `selected` is in view.
    static func firstShown(selected: Int, count: Int, rows: Int) -> Int {
        min(max(0, selected - rows + 1), max(0, count - rows))
    }

    public func render(in area: Rect, into screen: inout Screen) {
        let extra = skipped.isEmpty ? 0 : 1
        let rows = min(Layout.openListRows(height: area.height) - extra, max(1, entries.count))
        let width = max(10, min(100, area.width - 4))
        let height = rows + Layout.openListChrome + extra
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width,
            height: height)
        screen.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(area))
        let title = "Open a saved scenario" + (folder.isEmpty ? "" : " · \(folder)")
        screen.box(rect, title: title, style: Style(.accent))
        let inner = rect.inset(1)
        let keys = "↑↓ choose  PgUp PgDn Home End  Enter opens  Esc cancels"
        if let problem = skipped.first {
            let more = skipped.count > 1 ? " (and \(skipped.count - 1) more)" : ""
            screen.write(
                Self.fit("Skipped " + problem + more, inner.width - 2), x: inner.x + 1,
                y: inner.maxY - (entries.isEmpty ? 2 : 3), role: .warning, clip: inner)
        }
        guard !entries.isEmpty else {
            screen.write("No saved scenarios here yet.", x: inner.x + 1, y: inner.y, role: .foreground, clip: inner)
            screen.write(
                "s saves the current one (type a name, Enter).", x: inner.x + 1, y: inner.y + 2, role: .muted,
                clip: inner)
            screen.write("Esc closes", x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
            return
        }
        // Columns: name, outcome, file; the name takes what the others leave.
        let fileWidth = min(24, max(8, inner.width / 5))
        let outcomeWidth = 24
        let nameWidth = max(6, inner.width - 2 - outcomeWidth - fileWidth - 2)
        let outcomeX = inner.x + 2 + nameWidth + 1
        let fileX = outcomeX + outcomeWidth + 1
        screen.write("Name", x: inner.x + 2, y: inner.y, role: .muted, flags: .bold, clip: inner)
        screen.write("Outcome at the horizon", x: outcomeX, y: inner.y, role: .muted, flags: .bold, clip: inner)
        screen.write("File", x: fileX, y: inner.y, role: .muted, flags: .bold, clip: inner)
        let first = Self.firstShown(selected: selected, count: entries.count, rows: rows)
        for (row, index) in (first..<min(entries.count, first + rows)).enumerated() {
            let entry = entries[index]
            let y = inner.y + 1 + row
            let isSelected = index == selected
            if isSelected {
                screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.selection, .reverse))
            }
            let style = isSelected ? Style(.selection, [.reverse, .bold]) : Style(.foreground)
            let file = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            screen.write(isSelected ? "▸" : " ", x: inner.x, y: y, style: style, clip: inner)
            screen.write(Self.fit(entry.name, nameWidth), x: inner.x + 2, y: y, style: style, clip: inner)
            let futureStyle =
                isSelected
                ? style : Style(entry.future == .future1 ? .future1 : entry.future == .future2 ? .future2 : .foreground)
            screen.write(Self.fit(entry.outcome, outcomeWidth), x: outcomeX, y: y, style: futureStyle, clip: inner)
            screen.write(
                Self.fit(file, fileWidth), x: fileX, y: y, style: isSelected ? style : Style(.muted), clip: inner)
        }
        if entries.indices.contains(selected) {
            let entry = entries[selected]
            var detail = ShareToken.encode(entry.scenario)
            if let notes = entry.notes, !notes.isEmpty { detail += "  " + notes }
            screen.write(
                Self.fit(detail, inner.width - 2), x: inner.x + 1, y: inner.maxY - 2, role: .foreground, clip: inner)
        }
        let position = "\(selected + 1)/\(entries.count)"
        screen.write(keys, x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
        screen.write(position, x: inner.maxX - position.count - 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }

    /// `text` cut to `width` characters, with "…" when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
