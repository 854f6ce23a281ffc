import Dashboard
import FuturesModel

/// Whether widgets keep to the rectangles the layout gives them: each widget of a state's
/// frame is drawn alone, in its layout rectangle, on a screen filled with a sentinel `x`;
/// every cell outside the rectangle must still be that `x`.
enum WidgetBounds {
    static let sentinel = Cell("x")

    /// The layout's rectangles by name: the title, the panel, each chart, the legend, the
    /// about box, the moves panel, the caption band, the outcome bar and the status bar.
    static func rects(_ layout: Layout) -> [(name: String, rect: Rect)] {
        [("title", layout.title), ("panel", layout.panel)]
            + layout.charts.map { ("chart \($0.kind)", $0.rect) }
            + [
                ("legend", layout.legend), ("about", layout.about), ("moves", layout.moves),
                ("caption", layout.caption), ("outcome", layout.outcome), ("status", layout.status),
            ]
    }

    /// One line for each widget of `state`'s frame that draws outside its rectangle (the
    /// first such cell), and for each pair of layout rectangles that overlap or leave the
    /// screen. Empty when every widget keeps to its own rectangle.
    static func strays(_ state: State, _ analysis: Analysis, ensemble: EnsembleResult? = nil) -> [String] {
        let layout = state.layout
        guard layout.tier != .tooSmall else { return [] }
        let screen = Rect(x: 0, y: 0, width: state.view.width, height: state.view.height)
        var problems: [String] = []
        let named = rects(layout).filter { !$0.rect.isEmpty }
        for (i, a) in named.enumerated() {
            if a.rect.intersection(screen) != a.rect { problems.append("\(a.name) \(a.rect) leaves the screen") }
            for b in named[(i + 1)...] where !a.rect.intersection(b.rect).isEmpty {
                problems.append("\(a.name) \(a.rect) overlaps \(b.name) \(b.rect)")
            }
        }
        for (name, rect, draw) in widgets(state, analysis, ensemble: ensemble) {
            var canvas = Screen(width: screen.width, height: screen.height, fill: sentinel)
            draw(rect, &canvas)
            if let cell = outside(rect, of: canvas) {
                problems.append(
                    "\(name) in \(rect) draws at \(cell.x),\(cell.y): '\(canvas[cell.x, cell.y].character)'")
            }
        }
        return problems
    }

    /// The first cell outside `rect` that is no longer the sentinel.
    static func outside(_ rect: Rect, of screen: Screen) -> (x: Int, y: Int)? {
        for y in 0..<screen.height {
            for x in 0..<screen.width where !rect.contains(x: x, y: y) && screen[x, y] != sentinel {
                return (x, y)
            }
        }
        return nil
    }

    typealias Draw = (Rect, inout Screen) -> Void

    /// Every widget of the frame with its rectangle, as `render` places them; each chart
    /// rectangle gets a line chart, a stacked chart and the map, and the moves rectangle
    /// each of its three panels, whichever the state shows.
    static func widgets(
        _ state: State, _ analysis: Analysis, ensemble: EnsembleResult?
    ) -> [(String, Rect, Draw)] {
        let layout = state.layout
        let s = analysis.scenario
        var out: [(String, Rect, Draw)] = [
            (
                "TitleBar", layout.title,
                { TitleBar(horizon: s.horizon, pins: state.view.pins.count).render(in: $0, into: &$1) }
            ),
            (
                "SliderPanel", layout.panel,
                {
                    SliderPanel(
                        scenario: s, selection: state.view.selection, responses: analysis.curves,
                        scroll: state.view.sliderScroll, lens: state.document.activeLens?.name
                    ).render(in: $0, into: &$1)
                }
            ),
            ("Legend", layout.legend, { Legend(shadeBand: true, ensemble: ensemble != nil).render(in: $0, into: &$1) }),
            (
                "MapLegend", layout.legend,
                { MapLegend(halfBlocks: true, y: .lever(.smugglingEnforcement)).render(in: $0, into: &$1) }
            ),
            (
                "AboutBox", layout.about,
                {
                    AboutBox(
                        id: state.selected, scenario: s, curve: analysis.curves[state.view.selection],
                        lens: state.document.activeLens
                    ).render(in: $0, into: &$1)
                }
            ),
            ("TornadoPanel", layout.moves, { TornadoPanel(analysis: analysis).render(in: $0, into: &$1) }),
            ("AttributionPanel", layout.moves, { AttributionPanel(analysis: analysis).render(in: $0, into: &$1) }),
            (
                "AcrossWorldsPanel", layout.moves,
                { AcrossWorldsPanel(scenario: s, robustness: state.results.robustness).render(in: $0, into: &$1) }
            ),
            (
                "OutcomeBar", layout.outcome,
                {
                    OutcomeBar(
                        analysis: analysis, ensemble: ensemble, explanation: state.view.explanation,
                        isChange: state.view.explanationIsChange, prompt: state.promptLine
                    ).render(in: $0, into: &$1)
                }
            ),
            (
                "CaptionBox", layout.caption,
                {
                    CaptionBox(
                        text: state.demo.caption ?? "A caption long enough to need two lines. "
                            + String(repeating: "And more. ", count: 30)
                    ).render(in: $0, into: &$1)
                }
            ),
            (
                "StatusBar", layout.status,
                {
                    StatusBar(
                        ensembleText: "ensemble 1,000 → 10,000", themeName: state.view.theme.name,
                        warning: state.view.warning, progress: state.demo.progress, context: state.keyContext
                    ).render(in: $0, into: &$1)
                }
            ),
        ]
        let policy = analysis.policy
        let band = ensemble.map { ($0.p10[0], $0.p90[0]) }
        for (kind, rect) in layout.charts {
            out.append(
                (
                    "LineChart in \(kind)", rect,
                    {
                        LineChart(
                            title: kind.title, shortTitle: kind.shortTitle,
                            series: [
                                ChartSeries(
                                    label: "You", shortLabel: "You", values: policy[.leadMonths], role: .policy,
                                    priority: 4)
                            ],
                            band: band, median: ensemble?.p50[0], thresholds: [12, 3], horizon: s.horizon,
                            unit: .months, highlighted: true, marker: 6
                        ).render(in: $0, into: &$1)
                    }
                ))
            let layers = [SeriesID.chinaDomestic, .chinaImports, .chinaSmuggled, .chinaOffshore].map {
                StackLayer(label: "\($0)", values: policy[$0], role: .imports, fill: "█")
            }
            out.append(
                (
                    "StackedChart in \(kind)", rect,
                    {
                        StackedChart(title: kind.title, layers: layers, horizon: s.horizon, highlighted: true)
                            .render(in: $0, into: &$1)
                    }
                ))
            out.append(
                (
                    "MapChart in \(kind)", rect,
                    {
                        MapChart(
                            map: state.results.map, worlds: state.results.worldsMap?.map,
                            acrossWorlds: state.results.worldsMap != nil, scenario: s, x: .lever(.exportControls),
                            y: .lever(.smugglingEnforcement)
                        ).render(in: $0, into: &$1)
                    }
                ))
        }
        return out.filter { !$0.1.isEmpty }
    }
}
