/// One layer of a stacked area chart, bottom first.
public struct StackLayer: Sendable, Equatable {
    public var label: String
    public var shortLabel: String
    public var values: [Double]
    public var role: Role
    /// The fill character: shades (█ ▓ ▒ ░) keep layers apart without colour.
    public var fill: Character

    public init(label: String, shortLabel: String, values: [Double], role: Role, fill: Character) {
        self.label = label
        self.shortLabel = shortLabel
        self.values = values
        self.role = role
        self.fill = fill
    }
}

/// A stacked area chart of shares over months 0…horizon, one cell tall per step, drawn in shades.
public struct StackedChart: Sendable, Equatable {
    public var title: String
    public var layers: [StackLayer]
    public var horizon: Int
    public var unit: ValueUnit
    public var highlighted: Bool

    public init(title: String, layers: [StackLayer], horizon: Int, unit: ValueUnit, highlighted: Bool = false) {
        self.title = title
        self.layers = layers
        self.horizon = horizon
        self.unit = unit
        self.highlighted = highlighted
    }

    /// The running shares of the month's total per month: `tops[layer][t]`, the last row 1.
    var tops: [[Double]] {
        let months = layers.first?.values.count ?? 0
        let totals = (0..<months).map { t in layers.reduce(0) { $0 + $1.values[t] } }
        var out: [[Double]] = []
        var sum = Array(repeating: 0.0, count: months)
        for layer in layers {
            for t in sum.indices { sum[t] += totals[t] > 0 ? layer.values[t] / totals[t] : 0 }
            out.append(sum)
        }
        return out
    }

    /// Draws the chart in its box.
    public func render(in rect: Rect, into screen: inout Screen) {
        screen.box(rect, title: title, style: Style(highlighted ? .accent : .grid))
        let inner = rect.inset(1)
        let tops = self.tops
        let axis = Axis(low: 0, high: 1)
        let ticks = axis.ticks(count: max(1, (inner.height - 2) / 3)).map { ($0, unit.format($0)) }
        let fullWidth = (layers.map(\.label.count).max() ?? 0) + 3
        let useFull = inner.width - 6 - fullWidth >= 40
        let labelWidth = (useFull ? fullWidth : (layers.map(\.shortLabel.count).max() ?? 0) + 3)
        let frame = ChartFrame(inner: inner, axis: axis, horizon: horizon, ticks: ticks, endLabelWidth: labelWidth)
        guard frame.isDrawable, !tops.isEmpty else { return }
        frame.drawAxes(into: &screen)

        let plot = frame.plot
        for cx in 0..<plot.width {
            let t = frame.month(atDot: cx * 2 + 1)
            let cumulative = tops.map { interpolate($0, t) }
            for cy in 0..<plot.height {
                // The value at the centre of this cell row.
                let f = (Double(cy) + 0.5) / Double(plot.height)
                let v = axis.high - f * (axis.high - axis.low)
                guard let i = cumulative.firstIndex(where: { v <= $0 }) else { continue }
                screen[plot.x + cx, plot.y + cy] = Cell(layers[i].fill, Style(layers[i].role))
            }
        }
        let last = tops.map { $0.last ?? 0 }
        var labels: [(row: Int, text: String, style: Style)] = []
        for (i, layer) in layers.enumerated().reversed() {
            let mid = ((i == 0 ? 0 : last[i - 1]) + last[i]) / 2
            let text = "\(layer.fill) " + (useFull ? layer.label : layer.shortLabel)
            labels.append((frame.row(mid), text, Style(layer.role)))
        }
        frame.drawEndLabels(labels, into: &screen)
    }
}
