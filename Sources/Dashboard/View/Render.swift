import FuturesModel

/// Draws one frame: a pure function of the state (its layout and the results its jobs
/// delivered: the latest, even while they refine) and the scenario's analysis.
public func render(_ state: State, _ analysis: Analysis) -> Screen {
    // A chart in a demo's spotlight shows even where the layout shows another.
    let state = state.spotlit
    let layout = state.layout
    var screen = Screen(width: layout.key.width, height: layout.key.height)
    screen.glyphs = state.view.theme.glyphs
    screen.boldTitles = state.view.theme.boldTitles
    screen.mono = state.view.noColor
    let ensemble = state.results.ensemble
    guard layout.tier != .tooSmall else {
        renderTooSmall(into: &screen)
        return screen.glyphs == .ascii ? screen.asciified() : screen
    }
    let chapter = state.demo.session.flatMap { session in
        state.demo.cue.chapter.map { ("Chapter \(state.demo.cue.chapterNumber)/\(session.chapterCount)", $0) }
    }
    TitleBar(horizon: analysis.scenario.horizon, pins: state.view.pins.count, chapter: chapter)
        .render(in: layout.title, into: &screen)
    let lens = state.document.activeLens
    let moves = MovesSource(state, analysis)
    let predicting = state.demo.cue.prediction != nil
    SliderPanel(
        scenario: state.scenario, selection: state.view.selection, source: moves, scroll: state.view.sliderScroll,
        lens: lens?.name
    )
    .render(in: layout.panel, into: &screen)
    var aboutRect = layout.about
    if let view = state.view.mapView {
        let y = view.y(for: state.selected)
        if let rect = layout.charts.first?.rect {
            let acrossWorlds = state.mapRequest?.acrossWorlds ?? false
            // The point's own numbers: the outcome bar's across worlds while they are the
            // current scenario's; its central run as set.
            let worlds = state.results.worlds.flatMap { $0.analysis.scenario == state.scenario ? $0.analysis : nil }
            let chart = MapChart(
                map: state.results.map, worlds: state.results.worldsMap?.map, acrossWorlds: acrossWorlds,
                you: worlds?.summary, scenario: state.scenario, x: state.selected, y: y,
                halfBlocks: state.view.mapHalfBlocks)
            chart.render(in: rect, into: &screen)
            // The legend takes the description's first row as its second.
            let (_, belowLegend) = aboutRect.splitTop(1)
            aboutRect = belowLegend
            let legendRect = Rect(
                x: layout.legend.x, y: layout.legend.y, width: layout.legend.width,
                height: layout.about.height > 0 ? 2 : 1)
            MapLegend(
                halfBlocks: state.view.mapHalfBlocks, y: y, acrossWorlds: acrossWorlds, you: chart.pointSummary,
                youLead: analysis.outcome.leadMonths, members: state.results.worldsMap?.map.settings.members
            )
            .render(in: legendRect, into: &screen)
        }
    } else {
        for (kind, rect) in layout.charts {
            let highlighted = layout.tier == .grid && kind == state.view.chart && layout.charts.count > 1
            ChartBuilder.render(
                kind, state: state, analysis: analysis, ensemble: ensemble, highlighted: highlighted, in: rect,
                into: &screen)
        }
        if layout.charts.count == 1, let rect = layout.charts.first?.rect {
            let position = " c: \(state.view.chart.rawValue + 1)/\(ChartKind.allCases.count) "
            screen.write(position, x: rect.maxX - position.count - 1, y: rect.y, role: .muted, clip: rect)
        }
        Legend(shadeBand: state.view.noColor, ensemble: ensemble != nil, acrossWorlds: state.speaksAcrossWorlds)
            .render(in: layout.legend, into: &screen)
    }
    FuturesKey(horizon: monthLabel(analysis.scenario.horizon)).render(in: layout.futures, into: &screen)
    var about = AboutBox(
        id: state.selected, scenario: state.scenario, curve: moves.curves[state.view.selection],
        lens: state.view.lensShown ? lens : nil)
    about.acrossWorlds = state.speaksAcrossWorlds
    about.render(in: aboutRect, into: &screen)
    if !layout.moves.isEmpty {
        switch state.view.moves {
        case .tornado: TornadoPanel(source: moves).render(in: layout.moves, into: &screen)
        case .attribution:
            AttributionPanel(source: moves, verdict: state.view.attributionVerdict)
                .render(in: layout.moves, into: &screen)
        case .acrossWorlds:
            AcrossWorldsPanel(scenario: analysis.scenario, robustness: state.results.robustness)
                .render(in: layout.moves, into: &screen)
        }
    }
    OutcomeBar(
        analysis: analysis, ensemble: ensemble, explanation: state.view.explanation,
        isChange: state.view.explanationIsChange, prompt: state.promptLine,
        acrossWorlds: state.speaksAcrossWorlds, stale: state.currentEnsemble == nil, hidden: predicting
    )
    .render(in: layout.outcome, into: &screen)
    let caption = captionBox(state)
    caption?.render(in: layout.caption, into: &screen)
    var status = StatusBar(
        ensembleText: ensembleText(state, ensemble),
        themeName: state.view.noColor ? "\(state.view.theme.name), no colour" : state.view.theme.name,
        warning: state.view.warning,
        progress: state.demo.progress,
        context: state.demo.session != nil && state.keyContext == .normal ? .demo : state.keyContext
    )
    status.demoPaused = state.demo.session?.paused ?? false
    // The chapter list shows its own keys.
    if case .chapters = state.view.mode { status.essentialOnly = true }
    status.render(in: layout.status, into: &screen)
    if case .answer(let view) = state.view.mode {
        // Only an answer for the scenario shown: another's numbers would be false here.
        let latest = state.results.answer.flatMap { $0.answer.scenario == state.scenario ? $0 : nil }
        AnswerPanel(
            answer: latest?.answer, complete: latest?.complete ?? false, scenario: state.scenario, view: view,
            target: state.results.ensembleMembers
        )
        .render(in: layout.answerRect, into: &screen)
        // A demo's caption stays visible under it.
        if !layout.caption.isEmpty {
            screen.fill(layout.answerCaption)
            caption?.render(in: layout.answerCaption, into: &screen)
        }
    }
    spotlight(state, into: &screen)
    switch state.view.mode {
    case .openList(let list):
        ScenarioList(entries: list.entries, selected: list.index, folder: list.folder, skipped: list.skipped)
            .render(in: screen.area, into: &screen)
    case .help: HelpOverlay(demo: state.demo.session != nil).render(in: screen.area, into: &screen)
    case .chapters(let chosen):
        ChapterList(
            titles: state.demo.session?.script.chapters ?? [], chosen: chosen,
            current: state.demo.session?.currentChapter ?? 0
        )
        .render(in: screen.area, into: &screen)
    default: break
    }
    return screen.glyphs == .ascii ? screen.asciified() : screen
}

/// The caption band's box: the demo's caption, or while the room predicts its question
/// ("Predict: …"); nil when there is none.
func captionBox(_ state: State) -> CaptionBox? {
    let question = state.demo.cue.prediction
    guard let text = state.demo.caption.flatMap({ $0.isEmpty ? nil : $0 }) ?? question, !text.isEmpty else {
        return nil
    }
    return CaptionBox(text: text, question: question != nil)
}

/// What a demo's cue does to the drawn frame: the spotlight dims every panel but the one
/// in focus (never the title bar, the caption band or the status bar); while the room
/// predicts, the numbers of "What moves it" and of the answer view show `?` (the outcome
/// bar hides its own; the sliders and the charts keep theirs, so the room sees the lever
/// move); a revealed change is highlighted in the outcome bar.
func spotlight(_ state: State, into screen: inout Screen) {
    let layout = state.layout
    let answer = state.view.mode.isAnswer
    let reveal = state.demo.highlightsReveal && !answer
    if state.demo.cue.prediction != nil {
        // The panels whose numbers would give the answer away, focused or not: "What moves
        // it" (its rows say what each slider does to P(F1)) and the answer view.
        for target in [Spotlight.moves, .answer] {
            guard let rect = layout.rect(for: target, state: state), rect.height > 1 else { continue }
            // Below the panel's title row.
            screen.maskNumbers(in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
        }
    }
    if let focus = state.demo.cue.focus, let rect = layout.rect(for: focus, state: state) {
        let body = Rect(x: 0, y: layout.title.maxY, width: screen.width, height: layout.status.y - layout.title.maxY)
        screen.dim(body, except: [rect] + layout.undimmed(answer: answer) + (reveal ? [layout.outcome] : []))
    }
    if reveal { screen.highlight(layout.outcome) }
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

/// The language on screen and the worlds' state, for the status bar: across worlds
/// "across 500 worlds…" while a result the screen shows over worlds is partial or stale
/// (the smallest count in), "across worlds…" while one has none yet, then "across 2,000
/// worlds" (the ensemble's); as set "as set · 1,000 worlds…", then "as set · 2,000
/// worlds", for the band and the outcome bar's muted figures (short enough to keep the
/// preset hint at 80×24).
func ensembleText(_ state: State, _ ensemble: EnsembleResult?) -> String {
    let across = state.view.language == .acrossWorlds
    // As set, the screen is one run; the count is of the worlds behind the outcome bar's
    // muted "worlds:" figures and the bands.
    let running = across ? "across worlds…" : "as set · worlds…"
    let count = { (n: Int, partial: Bool) in
        (across ? "across " : "as set · ") + grouped(n) + " worlds" + (partial ? "…" : "")
    }
    // No ensemble at all (`--members 0`): only the central run speaks, whatever `w` says.
    guard state.results.ensembleMembers > 0 else { return "as set · no worlds (0 members)" }
    guard let ensemble else { return running }
    let n = ensemble.settings.members, target = state.results.ensembleMembers
    // Every result across worlds still refining: the count it shows now (a stale one
    // shows the first step's count, which is what comes next).
    var pending: [Int] = []
    var none = false
    if state.currentEnsemble == nil || n < target { pending.append(min(n, Job.firstMembers)) }
    if let job = Job.current(.futures, in: state), job.isNeeded(in: state) || state.results.futures != nil {
        if let f = state.results.futures {
            let current = job == .futures(f.scenario)
            if !current || !f.complete {
                pending.append(current ? f.ensembles.future1.settings.members : Job.firstMembers)
            }
        } else {
            none = true
        }
    }
    if let job = Job.current(.worlds, in: state), job.isNeeded(in: state) || state.results.worlds != nil {
        if let w = state.results.worlds {
            let current = job == .worlds(w.analysis.scenario)
            if !current || !w.complete {
                pending.append(current ? w.analysis.settings.members : min(target, Job.firstWorldsMembers))
            }
        } else {
            none = true
        }
    }
    if let least = pending.min() { return count(least, true) }
    return none ? running : count(n, false)
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
