import FuturesModel

/// One line of a chart.
public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var shortLabel: String
    public var values: [Double]
    public var role: Role
    /// Higher priorities win a braille cell's colour ("Your policy" is drawn on top).
    public var priority: Int
    /// Without colour (NO_COLOR) the lines also differ by weight and dashes.
    public var flags: CellFlags = []
    public var dashed = false

    public init(label: String, shortLabel: String, values: [Double], role: Role, priority: Int) {
        self.label = label
        self.shortLabel = shortLabel
        self.values = values
        self.role = role
        self.priority = priority
    }
}

/// A braille line chart over months 0…horizon with an optional p10–p90 band and dashed
/// threshold lines. It only draws into a `Screen`.
public struct LineChart: Sendable, Equatable {
    public var title: String
    public var series: [ChartSeries]
    public var band: (low: [Double], high: [Double])?
    public var thresholds: [Double]
    public var horizon: Int
    public var highlighted: Bool
    /// Formats a y-axis value ("12", "80%").
    public var unit: ValueUnit
    /// A month to mark with a thin vertical tick (the policy's start when it is not now).
    public var marker: Int?

    public init(
        title: String, series: [ChartSeries], band: (low: [Double], high: [Double])? = nil,
        thresholds: [Double] = [], horizon: Int, unit: ValueUnit, highlighted: Bool = false, marker: Int? = nil
    ) {
        self.marker = marker
        self.title = title
        self.series = series
        self.band = band
        self.thresholds = thresholds
        self.horizon = horizon
        self.unit = unit
        self.highlighted = highlighted
    }

    public static func == (a: LineChart, b: LineChart) -> Bool {
        a.title == b.title && a.series == b.series && a.band?.low == b.band?.low && a.band?.high == b.band?.high
            && a.thresholds == b.thresholds && a.horizon == b.horizon && a.highlighted == b.highlighted
            && a.unit == b.unit && a.marker == b.marker
    }

    /// Draws the chart in its box.
    public func render(in rect: Rect, into screen: inout Screen) {
        screen.box(rect, title: title, style: Style(highlighted ? .accent : .grid))
        let inner = rect.inset(1)
        var all = series.flatMap(\.values) + thresholds
        if let band { all += band.low + band.high }
        let axis = Axis(covering: all)
        let ticks = tickLabels(axis, rows: inner.height - 2)
        let fullWidth = (series.map(\.label.count).max() ?? 0) + 1
        let useFull = inner.width - 6 - fullWidth >= 40
        let labelWidth = useFull ? fullWidth : (series.map(\.shortLabel.count).max() ?? 0) + 1
        let frame = ChartFrame(inner: inner, axis: axis, horizon: horizon, ticks: ticks, endLabelWidth: labelWidth)
        guard frame.isDrawable else { return }
        frame.drawAxes(into: &screen)

        var canvas = BrailleCanvas(width: frame.plot.width, height: frame.plot.height)
        if let band { drawBand(band, frame, &canvas) }
        for s in series.sorted(by: { $0.priority < $1.priority }) {
            let points = s.values.enumerated().map { (frame.dotX(Double($0.offset)), frame.dotY($0.element)) }
            for i in points.indices.dropFirst() {
                canvas.line(
                    from: points[i - 1], to: points[i], role: s.role, priority: s.priority, flags: s.flags,
                    dashed: s.dashed)
            }
            if points.count == 1 { canvas.set(x: points[0].0, y: points[0].1, role: s.role, priority: s.priority) }
        }
        for v in thresholds {
            let cy = frame.dotY(v) / 4
            // The Future 1 threshold in Future 1's colour, the Future 2 one in Future 2's.
            let role: Role = v >= Constants.future1Threshold ? .future1 : .future2
            for cx in 0..<frame.plot.width where !canvas.hasLine(cx, cy) && cx % 2 == 0 {
                screen[frame.plot.x + cx, frame.plot.y + cy] = Cell("╌", Style(role, .dim))
            }
            // Say what the line means, where no line crosses it.
            let label = v >= Constants.future1Threshold ? "F1≥\(Int(v))" : "F2≤\(Int(v))"
            let x0 = frame.plot.width / 2 - label.count / 2
            if frame.plot.width >= 24, (x0..<(x0 + label.count)).allSatisfy({ !canvas.hasLine($0, cy) }) {
                screen.write(label, x: frame.plot.x + x0, y: frame.plot.y + cy, role: role, clip: frame.plot)
            }
        }
        if let month = marker, month > 0, month <= horizon {
            // A thin dotted tick up the plot where no line is, and on the axis.
            let cx = frame.dotX(Double(month)) / 2
            for cy in 0..<frame.plot.height where !canvas.hasLine(cx, cy) && cy % 2 == 1 {
                screen[frame.plot.x + cx, frame.plot.y + cy] = Cell("╎", Style(.muted, .dim))
            }
            screen[frame.plot.x + cx, frame.plot.maxY] = Cell("┴", Style(.accent, .bold))
        }
        canvas.render(at: frame.plot.x, frame.plot.y, into: &screen)
        let labels = series.sorted { $0.priority > $1.priority }.compactMap { s -> (Int, String, Style)? in
            guard let last = s.values.last else { return nil }
            return (frame.row(last), useFull ? s.label : s.shortLabel, Style(s.role, .bold))
        }
        frame.drawEndLabels(labels, into: &screen)
    }

    /// Threshold values plus round ticks that do not crowd them.
    private func tickLabels(_ axis: Axis, rows: Int) -> [(value: Double, label: String)] {
        let count = max(2, rows / 2)
        let rowsOf = { (v: Double) in axis.position(v, steps: max(1, rows) * 4) / 4 }
        let fixed = thresholds.filter { $0 >= axis.low && $0 <= axis.high }
        let round = axis.ticks(count: count).filter { t in fixed.allSatisfy { abs(rowsOf($0) - rowsOf(t)) > 1 } }
        return (fixed + round).map { ($0, unit.format($0)) }
    }

    /// Stipples the band between the low and high curves.
    private func drawBand(_ band: (low: [Double], high: [Double]), _ frame: ChartFrame, _ canvas: inout BrailleCanvas) {
        guard band.low.count > 1, band.low.count == band.high.count else { return }
        for x in stride(from: 0, to: canvas.dotWidth, by: 2) {
            let t = frame.month(atDot: x)
            let lo = interpolate(band.low, t), hi = interpolate(band.high, t)
            let top = frame.dotY(max(lo, hi)), bottom = frame.dotY(min(lo, hi))
            for y in top...bottom where y % 2 == 0 { canvas.setBand(x: x, y: y) }
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
