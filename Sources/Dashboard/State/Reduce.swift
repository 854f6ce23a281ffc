import Foundation
import FuturesModel

/// The one place where state changes: a pure function of the state and what happened.
public func reduce(_ state: inout State, _ action: Action) {
    switch action {
    case .keyPressed(let key):
        reduceKey(&state, key)
    case .resized(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
    case .ensembleFinished(let result, let scenario):
        guard scenario == state.scenario else { return }
        state.ensemble = result
        state.ensembleScenario = scenario
    case .mouse(let event):
        reduceMouse(&state, event)
    }
    let layout = state.layout
    if layout.tier != .tooSmall {
        state.sliderScroll = SliderPanel.Geometry(rect: layout.panel).scroll(
            keeping: state.selection, from: state.sliderScroll)
    }
}

/// Keys per DESIGN.md "Keys". While help is open, any key closes it (q still quits).
func reduceKey(_ state: inout State, _ key: Key) {
    if state.helpOpen {
        switch key {
        case .char("q"), .ctrl("c"): state.shouldQuit = true
        default: state.helpOpen = false
        }
        return
    }
    state.warning = ""
    if let list = state.openList {
        reduceOpenList(&state, key, list)
        return
    }
    if let question = state.overwriteQuestion {
        state.overwriteQuestion = nil
        switch key {
        case .char("y"), .char("Y"): state.saveRequest = SaveRequest(name: question.name, overwrite: true)
        case .char("n"), .char("N"): state.savePrompt = question.name
        case .ctrl("c"): state.shouldQuit = true
        default: state.explanation = "Not saved: \(question.fileName) is unchanged."
        }
        return
    }
    if let typed = state.savePrompt {
        switch key {
        case .escape:
            state.savePrompt = nil
            state.explanation = "Save cancelled."
        case .enter:
            let name = typed.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty {
                state.savePrompt = nil
                state.saveRequest = SaveRequest(name: name)
            }
        case .backspace: state.savePrompt = String(typed.dropLast())
        case .char(let c) where typed.count < 60 && !c.isNewline:
            state.savePrompt = typed + String(c)
        case .ctrl("c"): state.shouldQuit = true
        default: break
        }
        return
    }
    if let seek = state.pendingSeek {
        // A goal-seek result waits: Enter applies it, Esc discards it, any other key
        // discards it and acts as usual.
        state.pendingSeek = nil
        switch key {
        case .enter:
            if let value = seek.value { setLever(&state, seek.lever, to: value) }
            return
        case .escape:
            state.explanation = "Goal-seek discarded."
            return
        default: break
        }
    }
    switch key {
    case .up, .char("k"): moveSelection(&state, by: -1)
    case .down, .char("j"): moveSelection(&state, by: 1)
    case .left, .char("h"): nudge(&state, coarse: -1)
    case .right, .char("l"): nudge(&state, coarse: 1)
    case .shiftLeft, .char("H"): nudge(&state, fine: -1)
    case .shiftRight, .char("L"): nudge(&state, fine: 1)
    case .home: setSelected(&state, to: state.selected.spec.min)
    case .end: setSelected(&state, to: state.selected.spec.max)
    case .tab, .backTab:
        state.selection = state.focus == .levers ? SliderPanel.policyCount : 0
    case .char("1"): applyPreset(&state, .future1)
    case .char("2"): applyPreset(&state, .future2)
    case .char("3"): applyPreset(&state, .statusQuo)
    case .char("u"): undo(&state)
    case .ctrl("r"): redo(&state)
    case .char("r"): reset(&state)
    case .char("p"): pin(&state)
    case .char("P"):
        state.pins.removeAll()
        state.explanation = "Pins cleared."
    case .char("c"): state.chart = state.chart.next
    case .char("C"): state.chart = state.chart.previous
    case .char("t"): cycleTheme(&state, by: 1)
    case .char("T"): cycleTheme(&state, by: -1)
    case .char("a"): state.moves = state.moves == .tornado ? .attribution : .tornado
    case .char("g"): goalSeek(&state)
    case .char("e"): state.exportRequested = true
    case .char("s"): state.savePrompt = ""
    case .char("o"): state.openRequested = true
    case .char("y"):
        let token = ShareToken.encode(state.scenario)
        state.explanation = "Share token: \(token) (copied where the terminal allows OSC 52)"
        state.clipboard = token
    case .char("?"): state.helpOpen = true
    case .escape: state.chartEnlarged = false
    case .char("q"), .ctrl("c"): state.shouldQuit = true
    default: break
    }
}

/// The `o` list: ↑↓ (k j) move, PgUp PgDn a page, Home End the ends, Enter opens the
/// selected scenario as one undoable change, Esc (or o) closes it.
func reduceOpenList(_ state: inout State, _ key: Key, _ list: [SavedScenario]) {
    let n = list.count
    let page = max(1, ScenarioList.visibleRows(height: state.height))
    switch key {
    case .up, .char("k"): state.openIndex = n == 0 ? 0 : (state.openIndex + n - 1) % n
    case .down, .char("j"), .tab: state.openIndex = n == 0 ? 0 : (state.openIndex + 1) % n
    case .pageUp: state.openIndex = max(0, state.openIndex - page)
    case .pageDown: state.openIndex = max(0, min(n - 1, state.openIndex + page))
    case .home: state.openIndex = 0
    case .end: state.openIndex = max(0, n - 1)
    case .enter:
        state.openList = nil
        if list.indices.contains(state.openIndex) {
            let chosen = list[state.openIndex]
            if chosen.scenario == state.scenario {
                state.explanation = "\(chosen.name) is the current scenario already."
            } else {
                change(&state, to: chosen.scenario) { _, _ in "Opened \(chosen.name) (\(chosen.outcome))." }
            }
            if let notice = chosen.notice { state.warning = notice }
        }
    case .escape, .char("o"):
        state.openList = nil
        state.explanation = "Open cancelled."
    case .char("q"), .ctrl("c"): state.shouldQuit = true
    default: break
    }
}

/// Moves the selection up or down, wrapping at either end.
func moveSelection(_ state: inout State, by delta: Int) {
    let n = ParameterID.all.count
    state.selection = ((state.selection + delta) % n + n) % n
}

/// Switches to the next or previous theme, wrapping, and says which one it is.
func cycleTheme(_ state: inout State, by delta: Int) {
    let n = state.themes.count
    guard n > 0 else { return }
    state.themeIndex = ((state.themeIndex + delta) % n + n) % n
    let theme = state.theme
    state.explanation =
        "Theme \(theme.name) (\(state.themeIndex + 1)/\(n))"
        + (theme.description.isEmpty ? "." : ": \(theme.description).")
}

/// Adds pins: at most `State.pinLimit`, the oldest dropping out first.
func pin(_ state: inout State) {
    state.pinsMade += 1
    let p = Pin(scenario: state.scenario, trajectory: Simulation.run(state.scenario), number: state.pinsMade)
    state.pins.append(p)
    if state.pins.count > State.pinLimit { state.pins.removeFirst(state.pins.count - State.pinLimit) }
    state.explanation = "Pinned the current run as ghost line P\(p.number)."
}

/// Mouse: a click on a track sets the value, a click on a row selects it, a click on a
/// chart makes it the current one; the wheel nudges the selected slider.
func reduceMouse(_ state: inout State, _ event: MouseEvent) {
    if state.helpOpen {
        state.helpOpen = false
        return
    }
    let layout = state.layout
    guard layout.tier != .tooSmall else { return }
    switch event {
    case .wheelUp: nudge(&state, coarse: 1)
    case .wheelDown: nudge(&state, coarse: -1)
    case .click(let x, let y):
        if layout.panel.contains(x: x, y: y) {
            clickPanel(&state, layout.panel, x: x, y: y)
        } else if let chart = layout.charts.first(where: { $0.rect.contains(x: x, y: y) }) {
            state.chartEnlarged = layout.tier == .grid && !(state.chartEnlarged && chart.kind == state.chart)
            state.chart = chart.kind
        }
    }
}

/// Selects the clicked row and, on its track, sets the value at the clicked position.
func clickPanel(_ state: inout State, _ panel: Rect, x: Int, y: Int) {
    let geometry = SliderPanel.Geometry(rect: panel)
    let scroll = geometry.scroll(keeping: state.selection, from: state.sliderScroll)
    guard let index = ParameterID.all.indices.first(where: { geometry.row(of: $0, scroll: scroll) == y }) else {
        return
    }
    state.selection = index
    let columns = SliderRow.Columns(width: panel.width - 2)
    let trackX = panel.x + 1 + columns.trackOffset
    guard x >= trackX && x < trackX + columns.track, columns.track > 1 else { return }
    let spec = state.selected.spec
    let fraction = Double(x - trackX) / Double(columns.track - 1)
    setSelected(&state, to: spec.min + fraction * (spec.max - spec.min))
}
