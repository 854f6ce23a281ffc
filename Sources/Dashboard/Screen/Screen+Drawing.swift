/// Drawing primitives: text clipped to a rectangle, fills and boxes.
extension Screen {
    /// Writes `text` from (x, y), one column per character, clipped to `clip` (default:
    /// the whole screen). Returns the column after the last character written or skipped.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        var cx = x
        for c in text {
            if bounds.contains(x: cx, y: y) { self[cx, y] = Cell(c, style) }
            cx += 1
        }
        return cx
    }

    /// Writes `text` in `role` with optional flags, clipped to `clip`.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: Role, flags: CellFlags = [], clip: Rect? = nil
    ) -> Int {
        write(text, x: x, y: y, style: Style(role, flags), clip: clip)
    }

    /// Writes `text` centred in one row of `rect`.
    public mutating func writeCentered(_ text: String, in rect: Rect, row: Int, style: Style = .plain) {
        let x = rect.x + max(0, (rect.width - text.count) / 2)
        write(text, x: x, y: rect.y + row, style: style, clip: rect)
    }

    /// Fills `rect` with one character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y] = Cell(character, style) }
        }
    }

    /// Sets the style of every cell in `rect`, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y].style = style }
        }
    }

    /// Draws a light box border around `rect` with an optional title in the top edge.
    public mutating func box(_ rect: Rect, title: String = "", style: Style = Style(.grid), titleStyle: Style? = nil) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            self[x, rect.y] = Cell("─", style)
            self[x, bottom] = Cell("─", style)
        }
        for y in (rect.y + 1)..<bottom {
            self[rect.x, y] = Cell("│", style)
            self[right, y] = Cell("│", style)
        }
        self[rect.x, rect.y] = Cell("┌", style)
        self[right, rect.y] = Cell("┐", style)
        self[rect.x, bottom] = Cell("└", style)
        self[right, bottom] = Cell("┘", style)
        if !title.isEmpty {
            let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            write(" \(title) ", x: rect.x + 1, y: rect.y, style: resolvedTitleStyle(titleStyle), clip: inner)
        }
    }

    /// A title's style: bold unless the theme turns bold titles off.
    private func resolvedTitleStyle(_ style: Style?) -> Style {
        var s = style ?? Style(.accent, .bold)
        if !boldTitles { s.flags.remove(.bold) }
        return s
    }

    /// Draws a separator row "├─ title ─┤" across a box at row y.
    public mutating func separator(
        _ rect: Rect, y: Int, title: String = "", style: Style = Style(.grid), titleStyle: Style? = nil
    ) {
        guard rect.width >= 2 else { return }
        for x in rect.x..<rect.maxX { self[x, y] = Cell("─", style) }
        self[rect.x, y] = Cell("├", style)
        self[rect.maxX - 1, y] = Cell("┤", style)
        if !title.isEmpty {
            let inner = Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1)
            write(" \(title) ", x: rect.x + 1, y: y, style: resolvedTitleStyle(titleStyle), clip: inner)
        }
    }
}
