import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Screen {
    /// A time chart's box: its title, or the short one where the title leaves no room for
    /// the compact layout's " c: 1/5 " after it; accent-coloured when highlighted.
    mutating func chartBox(_ rect: Rect, title: String, shortTitle: String, highlighted: Bool) {
        box(
            rect, title: title.count + 12 <= rect.width ? title : shortTitle,
            style: Style(highlighted ? .accent : .grid))
    }
}

/// The frame every time chart shares: y labels and axis on the left, a plot area, end
/// labels on the right, and a bottom axis with a tick and label per year.
struct ChartFrame {
    /// A y-axis label: the value it marks, its text and its colour.
    struct Tick {
        let value: Double
        let label: String
        var role: Role = .muted
    }

    let inner: Rect
    let plot: Rect
    let axis: Axis
    let horizon: Int
    let ticks: [Tick]
    let yLabelWidth: Int

    /// Lays out a chart inside `inner` (the box's inside) with `endLabelWidth` columns of
    /// end labels on the right.
    init(inner: Rect, axis: Axis, horizon: Int, ticks: [Tick], endLabelWidth: Int) {
        self.inner = inner
        self.axis = axis
        self.horizon = max(1, horizon)
        self.ticks = ticks
        yLabelWidth = ticks.map(\.label.count).max() ?? 0
        let plotWidth = inner.width - yLabelWidth - 1 - endLabelWidth
        plot = Rect(x: inner.x + yLabelWidth + 1, y: inner.y, width: plotWidth, height: inner.height - 2)
    }

    /// Whether there is room to draw anything useful.
    var isDrawable: Bool { plot.width >= 4 && plot.height >= 2 }

    /// The dot column of month t (may be fractional).
    func dotX(_ t: Double) -> Int {
        Int((t / Double(horizon) * Double(plot.width * 2 - 1)).rounded())
    }

    /// The dot row of value v.
    func dotY(_ v: Double) -> Int { axis.position(v, steps: plot.height * 4) }

    /// The screen row of value v.
    func row(_ v: Double) -> Int { plot.y + dotY(v) / 4 }

    /// The month at a dot column.
    func month(atDot x: Int) -> Double { Double(x) / Double(plot.width * 2 - 1) * Double(horizon) }

    /// Draws the y labels, the y axis, the x axis and the years.
    func drawAxes(into screen: inout Screen) {
        let axisX = plot.x - 1
        let grid = Style(.grid)
        for y in plot.y..<plot.maxY { screen[axisX, y] = Cell("│", grid) }
        var used = Set<Int>()
        for tick in ticks {
            let y = row(tick.value)
            guard !used.contains(y) else { continue }
            used.insert(y)
            let label = String(repeating: " ", count: yLabelWidth - tick.label.count) + tick.label
            screen.write(label, x: inner.x, y: y, role: tick.role, clip: inner)
            screen[axisX, y] = Cell("┤", grid)
        }
        let baseY = plot.maxY
        screen[axisX, baseY] = Cell("└", grid)
        for x in plot.x..<plot.maxX { screen[x, baseY] = Cell("─", grid) }
        var nextFree = inner.x
        for t in stride(from: 0, through: horizon, by: 1) where (Constants.startMonth - 1 + t) % 12 == 0 {
            let col = plot.x + dotX(Double(t)) / 2
            screen[col, baseY] = Cell("┬", grid)
            let year = String(monthLabel(t).prefix(4))
            var lx = col - year.count / 2
            lx = min(lx, inner.maxX - year.count)
            guard lx >= nextFree else { continue }
            screen.write(year, x: lx, y: baseY + 1, role: .muted, clip: inner)
            nextFree = lx + year.count + 1
        }
    }

    /// Writes end labels at the right of the plot, each as near its wanted row as free rows allow.
    func drawEndLabels(_ labels: [(row: Int, text: String, style: Style)], into screen: inout Screen) {
        var taken = Set<Int>()
        for label in labels {
            let candidates = (0..<plot.height).flatMap { d in [label.row - d, label.row + d] }
            guard let y = candidates.first(where: { $0 >= plot.y && $0 < plot.maxY && !taken.contains($0) })
            else { continue }
            taken.insert(y)
            screen.write(label.text, x: plot.maxX + 1, y: y, style: label.style, clip: inner)
        }
    }
}

/// A linear map from values to rows or dots, and "nice" tick values (1, 2, 5 × 10^k).
public struct Axis: Sendable, Equatable {
    public var low: Double
    public var high: Double

    /// An axis covering `values`, padded by 5 % of the span on both ends.
    public init(covering values: [Double], padding: Double = 0.05) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if hi - lo < 1e-9 {
            lo -= 0.5
            hi += 0.5
        }
        let pad = (hi - lo) * padding
        low = lo - pad
        high = hi + pad
    }

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The position of `v` on a scale of `n` steps, 0 at the top (`high`) and n−1 at the bottom.
    public func position(_ v: Double, steps n: Int) -> Int {
        guard n > 1 else { return 0 }
        let f = (high - v) / (high - low)
        return Swift.min(n - 1, Swift.max(0, Int((f * Double(n - 1)).rounded())))
    }

    /// About `count` evenly spaced round values inside the axis.
    public func ticks(count: Int) -> [Double] {
        guard count > 0, high > low else { return [] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var v = ceil(low / step) * step
        var out: [Double] = []
        while v <= high + 1e-9 {
            out.append(abs(v) < 1e-12 ? 0 : v)
            v += step
        }
        return out
    }
}
