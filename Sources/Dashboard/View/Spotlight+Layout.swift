/// Where a demo's spotlight (`focus NAME`) falls, and where the answer view and the
/// caption go while both show.
extension Layout {
    /// The rect of the panel `focus` names in this layout with `state`'s views open; nil
    /// when that panel is not on screen (a chart the layout does not show, the map while it
    /// is closed, anything under the open answer view): then nothing is dimmed.
    public func rect(for focus: Spotlight, state: State) -> Rect? {
        let answer = state.view.mode.isAnswer
        if focus == .answer { return answer ? answerRect : nil }
        guard !answer else { return nil }
        let shown = { (rect: Rect) in rect.isEmpty ? nil : rect }
        switch focus {
        case .lead, .compute, .adoption, .sources:
            guard state.view.mapView == nil, let kind = focus.chart else { return nil }
            return charts.first { $0.kind == kind }.flatMap { shown($0.rect) }
        case .map:
            // The map and its legend below it (in the grid the futures' key lies between).
            guard state.view.mapView != nil, let chart = charts.first?.rect, !chart.isEmpty else { return nil }
            let bottom = legend.x == chart.x && legend.width == chart.width ? legend.maxY : chart.maxY
            return Rect(x: chart.x, y: chart.y, width: chart.width, height: bottom - chart.y)
        case .moves: return shown(moves)
        case .sliders: return shown(panel)
        case .outcome: return shown(outcome)
        case .answer: return nil
        }
    }

    /// Where the answer view (`A`) goes: over everything down to the status bar, but above
    /// the caption band while a demo reserves one, so that the caption stays visible.
    public var answerRect: Rect {
        Rect(x: 0, y: 0, width: key.width, height: max(0, status.y - caption.height))
    }

    /// The caption band while the answer view is open: right above the status bar (the
    /// outcome bar is under the answer view).
    public var answerCaption: Rect {
        Rect(x: 0, y: answerRect.maxY, width: key.width, height: caption.height)
    }

    /// The rows never dimmed: the title bar, the caption band and the status bar.
    func undimmed(answer: Bool) -> [Rect] { [title, answer ? answerCaption : caption, status] }
}

extension Spotlight {
    /// The chart a spotlight names, if it names one.
    public var chart: ChartKind? {
        switch self {
        case .lead: .lead
        case .compute: .computeShare
        case .adoption: .adoption
        case .sources: .chinaSources
        default: nil
        }
    }
}

extension State {
    /// The state as a demo's spotlight shows it: a chart in the spotlight that the layout
    /// does not show (the compact layout's one chart, the grid's fourth slot, an enlarged
    /// chart) becomes the current chart, so that it shows. Nothing else changes.
    public var spotlit: State {
        guard let kind = demo.cue.focus?.chart, view.mapView == nil, !view.mode.isAnswer,
            !layout.charts.isEmpty, !layout.charts.contains(where: { $0.kind == kind })
        else { return self }
        var state = self
        state.view.chart = kind
        return state
    }
}
