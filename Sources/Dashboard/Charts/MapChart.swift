import Foundation
import FuturesModel

/// The map of futures (MODEL.md §4) as a chart: X across, Y up, every point coloured by
/// the future its lead at the horizon falls in, shaded by lead within the future; the
/// Future 1 edge (12 months) drawn where Future 1 meets the rest, and the current point
/// marked. With colours each cell shows two map rows as a half block (▀, the upper row
/// in the character's colour, the lower in the background's); without, each cell is one
/// row, drawn as the CLI's table draws it: `#` Future 1, `.` contested, `-` Future 2.
public struct MapChart: Sendable, Equatable {
    /// The latest map; it may be for an older scenario or size while a new one computes
    /// (it is then drawn scaled, and the title says "computing…").
    public var map: FuturesMap?
    /// The scenario on screen: its point is marked.
    public var scenario: Scenario
    public var x: ParameterID
    public var y: ParameterID
    /// Two map rows per cell, in colour; false: one row per cell, in characters.
    public var halfBlocks: Bool

    public init(map: FuturesMap?, scenario: Scenario, x: ParameterID, y: ParameterID, halfBlocks: Bool = true) {
        self.map = map
        self.scenario = scenario
        self.x = x
        self.y = y
        self.halfBlocks = halfBlocks
    }

    /// Strong shading from this far past a threshold: Future 1 from 18 months, Future 2
    /// at 1.5 months or less, the contested middle from 7.5 months.
    static let strongFuture1 = 18.0
    static let strongFuture2 = 1.5
    static let contestedMiddle = 7.5

    /// The role a lead is drawn in.
    static func role(_ lead: Double) -> Role {
        switch Future(lead: lead) {
        case .future1: lead >= strongFuture1 ? .future1 : .future1Faint
        case .future2: lead <= strongFuture2 ? .future2 : .future2Faint
        case .contested: lead >= contestedMiddle ? .muted : .grid
        }
    }

    /// The character a lead is drawn as without colour.
    static func character(_ lead: Double) -> Character {
        switch Future(lead: lead) {
        case .future1: "#"
        case .future2: "-"
        case .contested: "."
        }
    }

    /// Whether `map` was computed for the current scenario and axes.
    var isCurrent: Bool {
        guard let map else { return false }
        return map.scenario == scenario && map.x.parameter == x && map.y.parameter == y
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let computing = isCurrent ? "" : " · computing…"
        let names = "\(x.spec.name) × \(y.spec.name)"
        let candidates = [
            "Where Future 1 lives: \(names)\(computing)", "Map: \(names)\(computing)",
            "Map: \(Labels.short(x)) × \(Labels.short(y))\(computing)", "Map of futures\(computing)",
        ]
        let title = candidates.first { $0.count + 6 <= rect.width } ?? candidates[3]
        screen.box(rect, title: title, style: Style(.accent))
        let f = MapGeometry(in: rect, y: y)
        guard f.plot.width >= 4, f.plot.height >= 2 else { return }
        drawAxes(f, into: &screen)
        guard let map, map.x.parameter == x, map.y.parameter == y else {
            screen.writeCentered("computing the map…", in: f.plot, row: f.plot.height / 2, style: Style(.muted))
            return
        }
        let rows = halfBlocks ? f.plot.height * 2 : f.plot.height
        // The lead at pixel (column, row from the top), sampled from the map's grid.
        let nx = map.x.values.count, ny = map.y.values.count
        let lead = { (c: Int, r: Int) -> Double in
            let i = f.plot.width > 1 ? Int((Double(c) * Double(nx - 1) / Double(f.plot.width - 1)).rounded()) : 0
            let j = rows > 1 ? Int((Double(rows - 1 - r) * Double(ny - 1) / Double(rows - 1)).rounded()) : 0
            return map.leadMonths[j][i]
        }
        var pixels = [[Double]](repeating: [], count: rows)
        for r in 0..<rows { pixels[r] = (0..<f.plot.width).map { lead($0, r) } }
        // The Future 1 edge: a Future 1 pixel next to one that is not.
        let isF1 = { (c: Int, r: Int) -> Bool in pixels[r][c] >= Constants.future1Threshold }
        let edge = { (c: Int, r: Int) -> Bool in
            guard isF1(c, r) else { return false }
            return [(c - 1, r), (c + 1, r), (c, r - 1), (c, r + 1)].contains { p in
                p.0 >= 0 && p.0 < f.plot.width && p.1 >= 0 && p.1 < rows && !isF1(p.0, p.1)
            }
        }
        let pixelRole = { (c: Int, r: Int) -> Role in edge(c, r) ? .foreground : Self.role(pixels[r][c]) }
        for cy in 0..<f.plot.height {
            for cx in 0..<f.plot.width {
                let cell: Cell
                if halfBlocks {
                    cell = Cell("▀", Style(pixelRole(cx, 2 * cy), [], background: pixelRole(cx, 2 * cy + 1)))
                } else {
                    let v = pixels[cy][cx]
                    cell = Cell(edge(cx, cy) ? "=" : Self.character(v), Style(Self.role(v)))
                }
                screen[f.plot.x + cx, f.plot.y + cy] = cell
            }
        }
        // The current point.
        let (px, py) = point(f)
        let under = halfBlocks ? pixelRole(px, min(rows - 1, 2 * py + 1)) : nil
        screen[f.plot.x + px, f.plot.y + py] = Cell(
            halfBlocks ? "●" : "@", Style(.policy, [.bold, halfBlocks ? [] : .reverse], background: under))
    }

    /// The cell of the current point in the plot.
    func point(_ f: MapGeometry) -> (Int, Int) {
        let fx = fraction(x, scenario[x]), fy = fraction(y, scenario[y])
        let cx = Int((fx * Double(f.plot.width - 1)).rounded())
        let cy = Int(((1 - fy) * Double(f.plot.height - 1)).rounded())
        return (cx, cy)
    }

    func fraction(_ id: ParameterID, _ v: Double) -> Double {
        let spec = id.spec
        return spec.max > spec.min ? max(0, min(1, (v - spec.min) / (spec.max - spec.min))) : 0
    }

    /// Y's labels and axis on the left; X's axis, its ends and middle, and X's name below.
    func drawAxes(_ f: MapGeometry, into screen: inout Screen) {
        let grid = Style(.grid)
        let axisX = f.plot.x - 1
        for yy in f.plot.y..<f.plot.maxY { screen[axisX, yy] = Cell("│", grid) }
        let labels = MapGeometry.yLabels(y)
        let rows = [f.plot.maxY - 1, f.plot.y + (f.plot.height - 1) / 2, f.plot.y]
        for (label, row) in zip(labels, rows) {
            screen.write(
                String(repeating: " ", count: f.labelWidth - label.count) + label, x: f.inner.x, y: row,
                role: .muted, clip: f.inner)
            screen[axisX, row] = Cell("┤", grid)
        }
        let base = f.plot.maxY
        screen[axisX, base] = Cell("└", grid)
        for xx in f.plot.x..<f.plot.maxX { screen[xx, base] = Cell("─", grid) }
        let spec = x.spec
        let ticks = [spec.min, (spec.min + spec.max) / 2, spec.max]
        var nextFree = f.inner.x
        for (k, v) in ticks.enumerated() {
            let col = f.plot.x + Int((Double(k) / 2 * Double(f.plot.width - 1)).rounded())
            screen[col, base] = Cell("┬", grid)
            let label = Format.value(v, spec)
            let lx = min(max(f.inner.x, col - label.count / 2), f.inner.maxX - label.count)
            guard lx >= nextFree else { continue }
            screen.write(label, x: lx, y: base + 1, role: .muted, clip: f.inner)
            nextFree = lx + label.count + 1
        }
        // The axes' names on the last row: Y's on the left, X's on the right.
        let xName = "\(x.spec.name) →", yName = "↑ \(y.spec.name)"
        screen.write(xName, x: f.inner.maxX - xName.count, y: base + 2, role: .foreground, clip: f.inner)
        if yName.count + xName.count + 2 <= f.inner.width {
            screen.write(yName, x: f.inner.x, y: base + 2, role: .foreground, clip: f.inner)
        }
    }
}

/// The map view's legend row: what the colours mean, the point and the edge.
public struct MapLegend: Sendable, Equatable {
    public var halfBlocks: Bool
    public var y: ParameterID

    public init(halfBlocks: Bool, y: ParameterID) {
        self.halfBlocks = halfBlocks
        self.y = y
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let text = Style(.muted)
        // In colour each future's sample shows its two shades, the lesser lead first, so
        // that the samples side by side are the map's scale from the least lead to the most.
        let pair = { (low: Role, high: Role, c: Character) -> [(String, Style)] in
            self.halfBlocks
                ? [(" ", Style(low, background: low)), (" ", Style(high, background: high))]
                : [(String(c), Style(low, .bold))]
        }
        let f2 = pair(.future2, .future2Faint, "-"), contested = pair(.grid, .muted, ".")
        let f1 = pair(.future1Faint, .future1, "#")
        let you: (String, Style) = (halfBlocks ? "●" : "@", Style(.policy, .bold))
        let edge: (String, Style) = (halfBlocks ? "▀" : "=", Style(.foreground))
        let scale: [(String, Style)] = halfBlocks ? [("less → more lead: ", text)] : []
        let long: [(String, Style)] =
            (halfBlocks ? [("Lead, less → more: ", text)] : []) + f2 + [(" Future 2 (≤ 3 mo) ", text)] + contested
            + [(" contested ", text)] + f1 + [(" Future 1 (≥ 12 mo) · ", text), you, (" you · ", text), edge]
            + [(" the 12-month edge · Y: \(y.spec.name)", text)]
        let shorter: [(String, Style)] =
            f2 + [(" F2 ", text)] + contested + [(" contested ", text)] + f1
            + [(" F1 · ", text), you, (" you · ", text), edge, (" F1 edge", text)]
        let short = scale + shorter
        // Colour: the scale alone between its ends; characters: each named.
        let shortest: [(String, Style)] =
            halfBlocks
            ? [("F2 ", text)] + f2 + contested + f1 + [(" F1 · ", text), you, (" you · ", text), edge, (" edge", text)]
            : f2 + [(" F2 ", text)] + contested + [(" contested ", text)] + f1
                + [(" F1 ", text), you, (" you ", text), edge, (" edge", text)]
        let chosen =
            [long, short, shorter, shortest].first { $0.reduce(0) { $0 + $1.0.count } <= rect.width - 1 } ?? shortest
        var x = rect.x + 1
        for piece in chosen { x = screen.write(piece.0, x: x, y: rect.y, style: piece.1, clip: rect) }
    }
}
