import FuturesModel

/// Draws one frame: a pure function of the state, the model's results and the size.
public func render(
    _ state: State, _ analysis: Analysis, ensemble: EnsembleResult?, width: Int, height: Int
)
    -> Screen
{
    var screen = Screen(width: width, height: height)
    screen.glyphs = state.theme.glyphs
    screen.boldTitles = state.theme.boldTitles
    screen.mono = state.noColor
    let layout = state.layout(width: width, height: height)
    guard layout.tier != .tooSmall else {
        renderTooSmall(into: &screen)
        return screen.glyphs == .ascii ? screen.asciified() : screen
    }
    TitleBar(horizon: analysis.scenario.horizon, pins: state.pins.count).render(in: layout.title, into: &screen)
    let lens = state.activeLens
    SliderPanel(
        scenario: state.scenario, selection: state.selection, responses: analysis.curves, scroll: state.sliderScroll,
        lens: lens?.name
    )
    .render(in: layout.panel, into: &screen)
    if let view = state.mapView {
        let y = view.y(for: state.selected)
        if let rect = layout.charts.first?.rect {
            MapChart(
                map: state.map, scenario: state.scenario, x: state.selected, y: y, halfBlocks: state.mapHalfBlocks
            )
            .render(in: rect, into: &screen)
            MapLegend(halfBlocks: state.mapHalfBlocks, y: y).render(in: layout.legend, into: &screen)
        }
    } else {
        for (kind, rect) in layout.charts {
            let highlighted = layout.tier == .grid && kind == state.chart && layout.charts.count > 1
            ChartBuilder.render(
                kind, state: state, analysis: analysis, ensemble: ensemble, highlighted: highlighted, in: rect,
                into: &screen)
        }
        if layout.charts.count == 1, let rect = layout.charts.first?.rect {
            let position = " c: \(state.chart.rawValue + 1)/\(ChartKind.allCases.count) "
            screen.write(position, x: rect.maxX - position.count - 1, y: rect.y, role: .muted, clip: rect)
        }
        Legend(shadeBand: state.noColor, ensemble: ensemble != nil).render(in: layout.legend, into: &screen)
    }
    AboutBox(
        id: state.selected, scenario: state.scenario, curve: analysis.curves[state.selection],
        lens: state.lensShown ? lens : nil
    )
    .render(in: layout.about, into: &screen)
    if !layout.moves.isEmpty {
        MovesPanel(analysis: analysis, view: state.moves, robustness: state.robustness)
            .render(in: layout.moves, into: &screen)
    }
    OutcomeBar(
        analysis: analysis, ensemble: ensemble, explanation: state.explanation,
        isChange: state.explanationIsChange, prompt: state.promptLine
    )
    .render(in: layout.outcome, into: &screen)
    if let caption = state.caption, !caption.isEmpty {
        CaptionBox(text: caption).render(in: layout.caption, into: &screen)
    }
    StatusBar(
        ensembleText: ensembleText(state, ensemble),
        themeName: state.noColor ? "\(state.theme.name), no colour" : state.theme.name, warning: state.warning,
        progress: state.demoProgress, context: state.keyContext
    ).render(in: layout.status, into: &screen)
    switch state.mode {
    case .openList(let list):
        ScenarioList(entries: list.entries, selected: list.index, folder: list.folder, skipped: list.skipped)
            .render(in: screen.area, into: &screen)
    case .help: HelpOverlay().render(in: screen.area, into: &screen)
    default: break
    }
    return screen.glyphs == .ascii ? screen.asciified() : screen
}

/// Draws one frame at the state's own size.
public func render(_ state: State, _ analysis: Analysis, ensemble: EnsembleResult?) -> Screen {
    render(state, analysis, ensemble: ensemble, width: state.width, height: state.height)
}

/// The centred message shown below 80×24, and nothing else.
func renderTooSmall(into screen: inout Screen) {
    let need = "\(Layout.minimum.width)×\(Layout.minimum.height)"
    let long = "enlarge the terminal (now \(screen.width)×\(screen.height), need \(need))"
    let lines =
        long.count <= screen.width
        ? [long] : ["enlarge the terminal", "now \(screen.width)×\(screen.height)", "need \(need)"]
    let top = max(0, (screen.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        screen.writeCentered(line, in: screen.area, row: top + i, style: Style(.warning, .bold))
    }
}

/// The ensemble's state for the status bar.
func ensembleText(_ state: State, _ ensemble: EnsembleResult?) -> String {
    guard let ensemble else { return "ensemble running…" }
    let n = ensemble.settings.members, target = state.ensembleMembers
    // While the band is stale or the first quick one: the refinement toward the full count.
    if state.currentEnsemble == nil || n < target {
        return "ensemble \(grouped(min(n, Job.firstMembers))) → \(grouped(target))"
    }
    return "ensemble \(grouped(n)) runs"
}

/// An integer with thousands separators: "10,000".
func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return out
}
