import FuturesModel

/// One line of a chart.
public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var shortLabel: String
    public var values: [Double]
    public var role: Role
    /// Higher priorities win a braille cell's colour ("Your policy" is drawn on top).
    public var priority: Int
    public var flags: CellFlags = []
    /// Pins are dashed; without colour (NO_COLOR) Future 2 is dashed too.
    public var pattern: BrailleCanvas.Pattern = .solid
    /// A ghost (the central run "as set"): where its end meets another line's label it
    /// goes unlabelled rather than joining it ("F1=as set" read as your policy being F1,
    /// and its width took the plot's).
    public var isGhost = false

    public init(label: String, shortLabel: String, values: [Double], role: Role, priority: Int) {
        self.label = label
        self.shortLabel = shortLabel
        self.values = values
        self.role = role
        self.priority = priority
    }
}

/// A braille line chart over months 0…horizon with, under the lines, the p10–p90 band as a
/// filled background, the ensemble's median as a thin dotted line, and the thresholds as
/// dashed rules labelled on the axis. It only draws into a `Screen`.
public struct LineChart: Sendable, Equatable {
    public var title: String
    /// The title where the whole one does not fit.
    public var shortTitle: String
    public var series: [ChartSeries]
    public var band: (low: [Double], high: [Double])?
    /// The ensemble's median, drawn thin inside the band.
    public var median: [Double]?
    public var thresholds: [Double]
    public var horizon: Int
    public var highlighted: Bool
    /// Formats a y-axis value ("12", "80%").
    public var unit: ValueUnit
    /// A month to mark with a thin vertical tick (the policy's start when it is not now).
    public var marker: Int?
    /// No colours: the band is a light shade instead of a background.
    public var shadeBand = false

    public init(
        title: String, shortTitle: String? = nil, series: [ChartSeries], band: (low: [Double], high: [Double])? = nil,
        median: [Double]? = nil,
        thresholds: [Double] = [], horizon: Int, unit: ValueUnit, highlighted: Bool = false, marker: Int? = nil
    ) {
        self.marker = marker
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.series = series
        self.band = band
        self.median = median
        self.thresholds = thresholds
        self.horizon = horizon
        self.unit = unit
        self.highlighted = highlighted
    }

    public static func == (a: LineChart, b: LineChart) -> Bool {
        a.title == b.title && a.shortTitle == b.shortTitle && a.series == b.series && a.band?.low == b.band?.low
            && a.band?.high == b.band?.high
            && a.median == b.median && a.thresholds == b.thresholds && a.horizon == b.horizon
            && a.highlighted == b.highlighted && a.unit == b.unit && a.marker == b.marker && a.shadeBand == b.shadeBand
    }

    /// The role of a threshold: Future 1's colour for the Future 1 threshold, else Future 2's.
    static func role(ofThreshold v: Double) -> Role { v >= Constants.future1Threshold ? .future1 : .future2 }

    /// Draws the chart in its box.
    public func render(in rect: Rect, into screen: inout Screen) {
        screen.chartBox(rect, title: title, shortTitle: shortTitle, highlighted: highlighted)
        let inner = rect.inset(1)
        var all = series.flatMap(\.values) + thresholds
        if let band { all += band.low + band.high }
        let axis = Axis(covering: all)
        let ticks = tickLabels(axis, rows: inner.height - 2, width: inner.width, ascii: screen.glyphs == .ascii)
        let ends = endLabels(axis)
        let fullWidth = (ends.map(\.label.count).max() ?? 0) + 1
        let useFull = inner.width - 6 - fullWidth >= 40
        let labelWidth = useFull ? fullWidth : (ends.map(\.shortLabel.count).max() ?? 0) + 1
        let frame = ChartFrame(inner: inner, axis: axis, horizon: horizon, ticks: ticks, endLabelWidth: labelWidth)
        guard frame.isDrawable else { return }
        frame.drawAxes(into: &screen)

        var canvas = BrailleCanvas(width: frame.plot.width, height: frame.plot.height)
        if let band { fillBand(band, frame, &canvas) }
        for v in thresholds { canvas.setRule(row: frame.dotY(v) / 4, role: Self.role(ofThreshold: v)) }
        if let median { draw(median, role: .muted, priority: 0, flags: [], pattern: .dotted, frame, &canvas) }
        for s in series.sorted(by: { $0.priority < $1.priority }) {
            draw(s.values, role: s.role, priority: s.priority, flags: s.flags, pattern: s.pattern, frame, &canvas)
        }
        canvas.render(at: frame.plot.x, frame.plot.y, into: &screen, shadeBand: shadeBand)
        if let month = marker, month > 0, month <= horizon {
            // A thin dotted tick up the plot where no line is (over the band and the rules
            // too), and a mark on the axis.
            let cx = frame.dotX(Double(month)) / 2
            for cy in 0..<frame.plot.height where !canvas.hasLine(cx, cy) && cy % 2 == 1 {
                var cell = screen[frame.plot.x + cx, frame.plot.y + cy]
                cell.character = "╎"
                cell.style.role = .muted
                screen[frame.plot.x + cx, frame.plot.y + cy] = cell
            }
            screen[frame.plot.x + cx, frame.plot.maxY] = Cell("┴", Style(.accent, .bold))
        }
        let labels = ends.map { (frame.row($0.value), useFull ? $0.label : $0.shortLabel, $0.style) }
        frame.drawEndLabels(labels, into: &screen)
    }

    /// The end labels, top priority first; lines that end together (within 3 % of the axis,
    /// like You on the Future 1 preset) share one label, "You = F1", so that no label sits
    /// beside the wrong line.
    private func endLabels(_ axis: Axis) -> [(value: Double, label: String, shortLabel: String, style: Style)] {
        var out: [(value: Double, label: String, shortLabel: String, style: Style)] = []
        let near = (axis.high - axis.low) * 0.03
        for s in series.sorted(by: { $0.priority > $1.priority }) {
            guard let last = s.values.last else { continue }
            if let i = out.firstIndex(where: { abs($0.value - last) <= near }) {
                if s.isGhost { continue }
                out[i].label += " = " + s.label
                out[i].shortLabel += "=" + s.shortLabel
            } else {
                out.append((last, s.label, s.shortLabel, Style(s.role, .bold)))
            }
        }
        return out
    }

    /// Draws one polyline over the months.
    private func draw(
        _ values: [Double], role: Role, priority: Int, flags: CellFlags, pattern: BrailleCanvas.Pattern,
        _ frame: ChartFrame, _ canvas: inout BrailleCanvas
    ) {
        let points = values.enumerated().map { (frame.dotX(Double($0.offset)), frame.dotY($0.element)) }
        var phase = 0
        for i in points.indices.dropFirst() {
            canvas.line(
                from: points[i - 1], to: points[i], role: role, priority: priority, flags: flags, pattern: pattern,
                phase: &phase)
        }
        if points.count == 1 { canvas.set(x: points[0].0, y: points[0].1, role: role, priority: priority) }
    }

    /// The y labels: the thresholds, named for their future ("F1 ≥ 12 mo" where the chart
    /// is wide, "F1≥12" where not), and round ticks that do not crowd them.
    private func tickLabels(_ axis: Axis, rows: Int, width: Int, ascii: Bool) -> [ChartFrame.Tick] {
        let count = max(2, rows / 2)
        let rowsOf = { (v: Double) in axis.position(v, steps: max(1, rows) * 4) / 4 }
        let fixed = thresholds.filter { $0 >= axis.low && $0 <= axis.high }
        let round = axis.ticks(count: count).filter { t in fixed.allSatisfy { abs(rowsOf($0) - rowsOf(t)) > 1 } }
        let wide = width >= 60
        let named = fixed.map { v -> ChartFrame.Tick in
            let future = v >= Constants.future1Threshold ? "F1" : "F2"
            let sign = v >= Constants.future1Threshold ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤")
            let label = wide ? "\(future) \(sign) \(unit.format(v)) mo" : "\(future)\(sign)\(unit.format(v))"
            return ChartFrame.Tick(value: v, label: label, role: Self.role(ofThreshold: v))
        }
        return named + round.map { ChartFrame.Tick(value: $0, label: unit.format($0), role: .muted) }
    }

    /// Fills the cells between the low and the high curve (each column at its cell's
    /// centre month): a cell is in the band when at least half of its dots are.
    private func fillBand(
        _ band: (low: [Double], high: [Double]), _ frame: ChartFrame, _ canvas: inout BrailleCanvas
    ) {
        guard band.low.count > 1, band.low.count == band.high.count else { return }
        for cx in 0..<canvas.width {
            let t = frame.month(atDot: 2 * cx + 1)
            let lo = interpolate(band.low, t), hi = interpolate(band.high, t)
            let top = frame.dotY(max(lo, hi)), bottom = frame.dotY(min(lo, hi))
            for cy in (top / 4)...(bottom / 4) {
                let overlap = min(bottom, 4 * cy + 3) - max(top, 4 * cy) + 1
                if overlap >= 2 || bottom - top < 2 { canvas.setBand(cx: cx, cy: cy) }
            }
        }
    }
}

/// The value of a monthly series at a fractional month.
func interpolate(_ values: [Double], _ t: Double) -> Double {
    let i = max(0, min(values.count - 1, Int(t)))
    let j = min(values.count - 1, i + 1)
    let f = t - Double(i)
    return values[i] + (values[j] - values[i]) * min(1, max(0, f))
}
