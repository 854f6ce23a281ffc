/// One layer of a stacked area chart, bottom first.
public struct StackLayer: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public var role: Role
    /// The fill character without colour: shades (█ ▓ ▒ ░) keep layers apart.
    public var fill: Character

    public init(label: String, values: [Double], role: Role, fill: Character) {
        self.label = label
        self.values = values
        self.role = role
        self.fill = fill
    }
}

/// A stacked area chart of shares over months 0…horizon. With colours, each cell shows the
/// boundary between two layers in eighths (a lower block in the lower layer's colour on
/// the upper layer's colour), so that the edges are smooth; without, each cell is one
/// layer's shade.
public struct StackedChart: Sendable, Equatable {
    public var title: String
    /// The title where the whole one does not fit.
    public var shortTitle: String
    public var layers: [StackLayer]
    public var horizon: Int
    public var highlighted: Bool
    /// Cells in eighths with two colours; false: one shade per cell (no colours).
    public var eighths: Bool

    public init(
        title: String, shortTitle: String? = nil, layers: [StackLayer], horizon: Int, highlighted: Bool = false,
        eighths: Bool = true
    ) {
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.layers = layers
        self.horizon = horizon
        self.highlighted = highlighted
        self.eighths = eighths
    }

    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

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
        screen.chartBox(rect, title: title, shortTitle: shortTitle, highlighted: highlighted)
        let inner = rect.inset(1)
        let tops = self.tops
        let axis = Axis(low: 0, high: 1)
        let ticks = axis.ticks(count: max(1, (inner.height - 2) / 3)).map {
            ChartFrame.Tick(value: $0, label: ValueUnit.share.format($0))
        }
        let labelWidth = (layers.map(\.label.count).max() ?? 0) + 3
        let frame = ChartFrame(inner: inner, axis: axis, horizon: horizon, ticks: ticks, endLabelWidth: labelWidth)
        guard frame.isDrawable, !tops.isEmpty else { return }
        frame.drawAxes(into: &screen)

        let plot = frame.plot
        for cx in 0..<plot.width {
            let t = frame.month(atDot: cx * 2 + 1)
            let cumulative = tops.map { interpolate($0, t) }
            for row in 0..<plot.height {
                // Row 0 is the bottom; the cell covers the shares [low, high].
                let low = Double(row) / Double(plot.height), high = Double(row + 1) / Double(plot.height)
                screen[plot.x + cx, plot.maxY - 1 - row] = cell(low: low, high: high, cumulative)
            }
        }
        let last = tops.map { $0.last ?? 0 }
        var labels: [(row: Int, text: String, style: Style)] = []
        for (i, layer) in layers.enumerated().reversed() {
            let mid = ((i == 0 ? 0 : last[i - 1]) + last[i]) / 2
            labels.append((frame.row(mid), "\(eighths ? "█" : String(layer.fill)) \(layer.label)", Style(layer.role)))
        }
        frame.drawEndLabels(labels, into: &screen)
    }

    /// The cell covering the shares `low…high`, given each layer's top.
    func cell(low: Double, high: Double, _ cumulative: [Double]) -> Cell {
        let span = high - low
        func layer(at v: Double) -> Int { cumulative.firstIndex { v <= $0 } ?? (layers.count - 1) }
        guard eighths else {
            let i = layer(at: (low + high) / 2)
            return Cell(layers[i].fill, Style(layers[i].role))
        }
        // A whole cell of one layer is its background colour (a full block may leave seams).
        func solid(_ i: Int) -> Cell { Cell(" ", Style(layers[i].role, background: layers[i].role)) }
        let below = layer(at: low + span * 1e-9), above = layer(at: high - span * 1e-9)
        if below == above { return solid(below) }
        // The lower layer fills the cell up to its top, in eighths, on the upper one's colour.
        let eighthsFilled = Int(((cumulative[below] - low) / span * 8).rounded())
        if eighthsFilled <= 0 { return solid(above) }
        if eighthsFilled >= 8 { return solid(below) }
        return Cell(Self.blocks[eighthsFilled], Style(layers[below].role, background: layers[above].role))
    }
}
