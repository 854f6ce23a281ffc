import FuturesModel

/// The left panel: POLICY (the five levers and when they start), ASSUMPTIONS, and what the
/// selected slider means and where its default comes from. Where the rows do not fit (as
/// at 80×24) the list scrolls, keeping the selection in view.
public struct SliderPanel: Sendable, Equatable {
    public var scenario: Scenario
    public var selection: Int
    /// One response curve per parameter, in `ParameterID.all` order.
    public var responses: [[Double]]
    /// The first list line shown (see `Geometry`); clamped so that the selection shows.
    public var scroll: Int

    public init(scenario: Scenario, selection: Int, responses: [[Double]], scroll: Int = 0) {
        self.scenario = scenario
        self.selection = selection
        self.responses = responses
        self.scroll = scroll
    }

    /// The policy rows: the five levers and "Policy starts".
    public static let policyCount = LeverID.allCases.count + 1

    /// The list's lines: the policy rows, the ASSUMPTIONS separator (nil), the assumptions.
    public static let lines: [Int?] =
        Array(0..<policyCount).map { Optional($0) } + [nil]
        + Array(policyCount..<ParameterID.all.count).map { Optional($0) }

    /// The list line of parameter `index`.
    public static func line(of index: Int) -> Int { index < policyCount ? index : index + 1 }

    /// Where the list and the description go inside a panel `rect`.
    public struct Geometry: Sendable, Equatable {
        /// The screen row of the first list line, and how many list lines show.
        public let listY: Int
        public let listRows: Int
        /// The rows of the description below its separator (0: none).
        public let aboutRows: Int

        /// The description wants 3 rows; the list shrinks (scrolls) for them when the
        /// panel is short, but keeps at least 8 lines.
        public init(rect: Rect) {
            let inner = max(0, rect.height - 2)
            let all = SliderPanel.lines.count
            listY = rect.y + 1
            if inner - all - 1 >= 3 {
                listRows = all
                aboutRows = inner - all - 1
            } else {
                aboutRows = max(0, min(3, inner - 1 - 8))
                listRows = max(0, min(all, inner - (aboutRows > 0 ? aboutRows + 1 : 0)))
            }
        }

        /// Whether every list line shows.
        public var scrolls: Bool { listRows < SliderPanel.lines.count }

        /// `previous` moved as little as possible so that `selection`'s line shows.
        public func scroll(keeping selection: Int, from previous: Int) -> Int {
            let maxScroll = max(0, SliderPanel.lines.count - listRows)
            let line = SliderPanel.line(of: selection)
            var s = min(max(0, previous), maxScroll)
            if line < s { s = line }
            if line >= s + listRows { s = line - listRows + 1 }
            // Show the ASSUMPTIONS separator with the first assumption.
            if s == line, line == SliderPanel.policyCount + 1 { s -= 1 }
            return min(max(0, s), maxScroll)
        }

        /// The screen row of parameter `index` at scroll `scroll`, or nil when scrolled away.
        public func row(of index: Int, scroll: Int) -> Int? {
            let visible = SliderPanel.line(of: index) - scroll
            return visible >= 0 && visible < listRows ? listY + visible : nil
        }
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let levers = ParameterID.all[selection].spec.kind != .assumption
        let on = Style(.accent, .bold), off = Style(.muted, .bold)
        screen.box(rect, title: "POLICY", titleStyle: levers ? on : off)
        let inner = rect.inset(1)
        let geometry = Geometry(rect: rect)
        let top = geometry.scroll(keeping: selection, from: scroll)
        // One scale for every sparkline: a tall ramp means a large effect on the lead.
        let all = responses.flatMap { $0 }
        let scale = (all.min() ?? 0)...(max(all.max() ?? 1, (all.min() ?? 0) + 1e-9))
        for (i, line) in Self.lines.enumerated() where i >= top && i < top + geometry.listRows {
            let y = geometry.listY + i - top
            guard let index = line else {
                screen.separator(rect, y: y, title: "ASSUMPTIONS", titleStyle: levers ? off : on)
                continue
            }
            let id = ParameterID.all[index]
            SliderRow(
                id: id, value: scenario[id], selected: index == selection, response: responses[index], scale: scale
            )
            .render(in: Rect(x: inner.x, y: y, width: inner.width, height: 1), into: &screen)
        }
        if geometry.scrolls {
            // Arrows on the right border say that more rows are above or below.
            let right = rect.maxX - 1
            if top > 0 { screen[right, geometry.listY] = Cell("▲", Style(.accent)) }
            if top + geometry.listRows < Self.lines.count {
                screen[right, geometry.listY + geometry.listRows - 1] = Cell("▼", Style(.accent))
            }
        }
        guard geometry.aboutRows > 0 else { return }
        let aboutY = geometry.listY + geometry.listRows
        let id = ParameterID.all[selection]
        screen.separator(rect, y: aboutY, title: id.spec.name, titleStyle: Style(.foreground, .bold))
        let lines = about(id, width: inner.width, rows: geometry.aboutRows)
        for (i, line) in lines.enumerated() {
            screen.write(line.text, x: inner.x, y: aboutY + 1 + i, role: line.role, clip: inner)
        }
    }

    /// The description of `id` in at most `rows` lines: its meaning and its source line
    /// (each shortened with "…" when rows are short), then its range and its effect.
    func about(_ id: ParameterID, width: Int, rows: Int) -> [(text: String, role: Role)] {
        let spec = id.spec
        let curve = responses[ParameterID.all.firstIndex(of: id) ?? 0]
        let parts: [(String, Role)] = [
            (capitalized(spec.meaning) + ".", .foreground),
            ("Source: " + spec.source + ".", .muted),
            (
                "Range \(Format.value(spec.min, spec)) to \(Format.value(spec.max, spec)), default "
                    + Format.value(spec.defaultValue, spec) + ".", .muted
            ),
            (
                "Lead at \(monthLabel(scenario.horizon)): \(Format.outcome(curve.first ?? 0, .leadMonths)) at min, "
                    + "\(Format.outcome(curve.last ?? 0, .leadMonths)) at max.", .muted
            ),
        ]
        let wrapped = parts.map { wrap($0.0, width: width) }
        // Meaning and source get a line each first, then the rest of their lines, then
        // the range and the effect while whole.
        var counts = wrapped.map { _ in 0 }
        var left = rows
        for i in 0..<2 where left > 0 && !wrapped[i].isEmpty {
            counts[i] = 1
            left -= 1
        }
        for i in 0..<2 {
            let more = min(left, wrapped[i].count - counts[i])
            counts[i] += more
            left -= more
        }
        for i in 2..<4 where wrapped[i].count <= left {
            counts[i] = wrapped[i].count
            left -= wrapped[i].count
        }
        var out: [(text: String, role: Role)] = []
        for (i, lines) in wrapped.enumerated() where counts[i] > 0 {
            var shown = Array(lines.prefix(counts[i]))
            if counts[i] < lines.count { shown[shown.count - 1] = shortened(shown[shown.count - 1], width: width) }
            out += shown.map { ($0, parts[i].1) }
        }
        return out
    }

    /// A line cut so that "…" fits after it, marking text left out.
    private func shortened(_ line: String, width: Int) -> String {
        String(line.prefix(max(0, width - 1))) + "…"
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Greedy word wrap to `width` columns.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}
