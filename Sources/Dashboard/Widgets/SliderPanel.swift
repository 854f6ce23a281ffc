import FuturesModel

/// The left panel: POLICY (the five levers and when they start), ASSUMPTIONS, and what the
/// selected slider means and where its default comes from. Where the rows do not fit (as
/// at 80×24) the list scrolls, keeping the selection in view.
public struct SliderPanel: Sendable, Equatable {
    public var scenario: Scenario
    public var selection: Int
    /// One response curve per parameter, in `ParameterID.all` order (the median lead
    /// across worlds, or the central run's as set; empty while none is in).
    public var responses: [[Double]]
    /// Whether the curves are across worlds, and another scenario's (drawn dimmed).
    public var acrossWorlds = false
    public var stale = false
    /// The first list line shown (see `SliderGeometry`); clamped so that the selection shows.
    public var scroll: Int
    /// The name of the lens the assumptions match, shown in their title; nil: "custom".
    public var lens: String?

    public init(scenario: Scenario, selection: Int, responses: [[Double]], scroll: Int = 0, lens: String? = nil) {
        self.lens = lens
        self.scenario = scenario
        self.selection = selection
        self.responses = responses
        self.scroll = scroll
    }

    /// The panel with the sparklines of `source`: across worlds, the median lead.
    public init(scenario: Scenario, selection: Int, source: MovesSource, scroll: Int = 0, lens: String? = nil) {
        self.init(scenario: scenario, selection: selection, responses: source.curves, scroll: scroll, lens: lens)
        acrossWorlds = source.isAcrossWorlds
        stale = source.isStale
    }

    /// "ASSUMPTIONS · lens: Controls backfire", or "· custom" once a slider left the lens;
    /// shorter where the panel is narrow.
    func assumptionsTitle(width: Int) -> String {
        let name = lens ?? "custom"
        for title in ["ASSUMPTIONS · lens: \(name)", "ASSUMPTIONS · \(name)", "LENS: \(name)"]
        where title.count <= width {
            return title
        }
        return String("LENS: \(name)".prefix(max(0, width - 1))) + "…"
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let levers = ParameterID.all[selection].spec.kind != .assumption
        let on = Style(.accent, .bold), off = Style(.muted, .bold)
        screen.box(rect, title: "POLICY", titleStyle: levers ? on : off)
        // What the sparklines are, on the top border above them.
        let spark = SliderColumns(width: rect.width - 2).spark
        let note =
            !acrossWorlds
            ? (spark >= 11 ? " lead across range " : " lead ")
            : spark >= 18 ? " median lead across range " : " median lead "
        screen.write(note, x: rect.maxX - 1 - note.count, y: rect.y, role: .muted, clip: rect)
        let inner = rect.inset(1)
        let geometry = SliderGeometry(rect: rect)
        let top = geometry.scroll(keeping: selection, from: scroll)
        // One scale for every sparkline: a tall ramp means a large effect on the lead.
        let all = responses.flatMap { $0 }
        let scale = (all.min() ?? 0)...(max(all.max() ?? 1, (all.min() ?? 0) + 1e-9))
        for (i, line) in SliderGeometry.lines.enumerated() where i >= top && i < top + geometry.listRows {
            let y = geometry.listY + i - top
            guard let index = line else {
                screen.separator(
                    rect, y: y, title: assumptionsTitle(width: rect.width - 4), titleStyle: levers ? off : on)
                continue
            }
            let id = ParameterID.all[index]
            var row = SliderRow(
                id: id, value: scenario[id], selected: index == selection, response: responses[index], scale: scale)
            row.stale = stale
            row.render(in: Rect(x: inner.x, y: y, width: inner.width, height: 1), into: &screen)
        }
        if geometry.scrolls {
            // Arrows on the right border say that more rows are above or below.
            let right = rect.maxX - 1
            if top > 0 { screen[right, geometry.listY] = Cell("▲", Style(.accent)) }
            if top + geometry.listRows < SliderGeometry.lines.count {
                screen[right, geometry.listY + geometry.listRows - 1] = Cell("▼", Style(.accent))
            }
        }
    }
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
