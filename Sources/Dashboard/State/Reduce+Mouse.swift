import FuturesModel

/// Mouse: a click on a track sets the value, a click on a row selects it, a click on a
/// chart makes it the current one; the wheel nudges the selected slider. While help is
/// open, any click closes it.
func reduceMouse(_ state: inout State, _ event: MouseEvent) {
    if state.view.mode == .help {
        state.view.mode = .normal
        return
    }
    // The answer view covers the sliders and charts: a click there would change them unseen.
    if state.view.mode.isAnswer { return }
    let layout = state.layout
    guard layout.tier != .tooSmall else { return }
    switch event {
    case .wheelUp: nudge(&state, coarse: 1)
    case .wheelDown: nudge(&state, coarse: -1)
    case .click(let x, let y):
        if layout.panel.contains(x: x, y: y) {
            clickPanel(&state, layout.sliders, x: x, y: y)
        } else if let view = state.view.mapView, let rect = layout.charts.first?.rect, rect.contains(x: x, y: y) {
            clickMap(&state, rect, view, x: x, y: y)
        } else if let chart = layout.charts.first(where: { $0.rect.contains(x: x, y: y) }) {
            state.view.chartEnlarged =
                layout.tier == .grid && !(state.view.chartEnlarged && chart.kind == state.view.chart)
            state.view.chart = chart.kind
        }
    }
}

/// Selects the clicked row and, on its track, sets the value at the clicked position.
func clickPanel(_ state: inout State, _ geometry: SliderGeometry, x: Int, y: Int) {
    let scroll = geometry.scroll(keeping: state.view.selection, from: state.view.sliderScroll)
    guard let index = ParameterID.all.indices.first(where: { geometry.row(of: $0, scroll: scroll) == y }) else {
        return
    }
    state.view.selection = index
    let track = geometry.track
    guard x >= track.x && x < track.x + track.width, track.width > 1 else { return }
    let spec = state.selected.spec
    let fraction = Double(x - track.x) / Double(track.width - 1)
    setSelected(&state, to: spec.min + fraction * (spec.max - spec.min))
}

/// A click inside the map's plot moves the point there: X and Y to the clicked values
/// (snapped like the sliders), as one undoable change.
func clickMap(_ state: inout State, _ rect: Rect, _ view: MapView, x: Int, y: Int) {
    let xID = state.selected, yID = view.y(for: xID)
    let plot = MapGeometry(in: rect, y: yID).plot
    guard plot.contains(x: x, y: y), plot.width > 1, plot.height > 1 else { return }
    let fx = Double(x - plot.x) / Double(plot.width - 1)
    let fy = 1 - Double(y - plot.y) / Double(plot.height - 1)
    var next = state.scenario
    next[xID] = snapped(xID, fraction: fx)
    next[yID] = snapped(yID, fraction: fy)
    let what =
        "Map: \(xID.spec.name) \(Format.value(next[xID], xID.spec)), \(yID.spec.name) "
        + "\(Format.value(next[yID], yID.spec))"
    change(&state, to: next, label: what)
}

/// The value at `fraction` of a parameter's range, snapped to its fine step.
func snapped(_ id: ParameterID, fraction: Double) -> Double {
    let spec = id.spec
    return snapped(id, spec.min + max(0, min(1, fraction)) * (spec.max - spec.min))
}

/// `value` snapped to the parameter's fine step, within its range.
func snapped(_ id: ParameterID, _ value: Double) -> Double {
    let spec = id.spec
    let fine = StepSize.fine(spec)
    return Swift.min(spec.max, Swift.max(spec.min, ((value - spec.min) / fine).rounded() * fine + spec.min))
}
