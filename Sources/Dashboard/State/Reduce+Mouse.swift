import FuturesModel

/// Mouse: a click on a track sets the value, a click on a row selects it, a click on a
/// chart makes it the current one; the wheel nudges the selected slider. While help is
/// open, any click closes it.
func reduceMouse(_ state: inout State, _ event: MouseEvent) {
    if state.mode == .help {
        state.mode = .normal
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
