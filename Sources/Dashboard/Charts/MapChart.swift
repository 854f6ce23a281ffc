import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The map of futures (MODEL.md §4) as a chart: X across, Y up, every point coloured by
/// its future. Across worlds (the default) each point is the Summary of its 500 worlds,
/// shaded by P(Future 1) or P(Future 2) (≥ 90 %, ≥ 50 %, neither ≥ 50 %), the edge drawn
/// where P(Future 1) crosses 50 %; as set (`w`) each point is the central run, shaded by
/// lead within its future, the edge at 12 months. The current point is marked, in the
/// colour of its own numbers (`you`). With colours each cell shows two map rows as a half
/// block (▀, the upper row in the character's colour, the lower in the background's);
/// without, each cell is one row, in characters (as set, as the CLI's table: `#` Future 1,
/// `.` contested, `-` Future 2; across worlds `#` `+` `.` `~` `-` from P(F1) ≥ 90 % to
/// P(F2) ≥ 90 %).
public struct MapChart: Sendable, Equatable {
    /// The latest central-run map; it may be for an older scenario or size while a new one
    /// computes (it is then drawn scaled, and the title says "computing…").
    public var map: FuturesMap?
    /// The latest map across worlds, drawn instead of `map` when `acrossWorlds`.
    public var worlds: WorldsMap?
    /// Which map the screen's language shows.
    public var acrossWorlds: Bool
    /// Across worlds: the current scenario's Summary (the outcome bar's), which colours the
    /// point; nil: the map's nearest point's.
    public var you: Summary?
    /// The scenario on screen: its point is marked.
    public var scenario: Scenario
    public var x: ParameterID
    public var y: ParameterID
    /// Two map rows per cell, in colour; false: one row per cell, in characters.
    public var halfBlocks: Bool

    public init(
        map: FuturesMap?, worlds: WorldsMap? = nil, acrossWorlds: Bool = false, you: Summary? = nil,
        scenario: Scenario, x: ParameterID, y: ParameterID, halfBlocks: Bool = true
    ) {
        self.map = map
        self.worlds = worlds
        self.acrossWorlds = acrossWorlds
        self.you = you
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
    /// Across worlds: the probability of strong shading, and of a future's colour at all.
    static let strongProbability = 0.9
    static let likelyProbability = 0.5

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

    /// The role a point across worlds is drawn in: its likelier future's colour where that
    /// has at least 50 % of the worlds, strong from 90 %; `grid` where neither has 50 %.
    static func role(_ s: Summary) -> Role {
        if s.pFuture1 >= likelyProbability { return s.pFuture1 >= strongProbability ? .future1 : .future1Faint }
        if s.pFuture2 >= likelyProbability { return s.pFuture2 >= strongProbability ? .future2 : .future2Faint }
        return .grid
    }

    /// The character a point across worlds is drawn as without colour.
    static func character(_ s: Summary) -> Character {
        if s.pFuture1 >= likelyProbability { return s.pFuture1 >= strongProbability ? "#" : "+" }
        if s.pFuture2 >= likelyProbability { return s.pFuture2 >= strongProbability ? "-" : "~" }
        return "."
    }

    /// One point of the map as drawn: its role, its character without colour, and whether
    /// it lies in Future 1's region (12 months as set, P(F1) ≥ 50 % across worlds).
    struct Pixel: Equatable {
        var role: Role
        var character: Character
        var inFuture1: Bool
    }

    /// The grid to draw: its size and its points (`point(i, j)`, j from Y's low end), from
    /// the map of the screen's language on the chart's axes; nil when there is none yet.
    func grid() -> (nx: Int, ny: Int, point: (Int, Int) -> Pixel)? {
        if acrossWorlds {
            guard let worlds, worlds.x.parameter == x, worlds.y.parameter == y else { return nil }
            return (
                worlds.x.values.count, worlds.y.values.count,
                { i, j in
                    let s = worlds.cells[j][i]
                    return Pixel(
                        role: Self.role(s), character: Self.character(s),
                        inFuture1: s.pFuture1 >= Self.likelyProbability)
                }
            )
        }
        guard let map, map.x.parameter == x, map.y.parameter == y else { return nil }
        return (
            map.x.values.count, map.y.values.count,
            { i, j in
                let lead = map.leadMonths[j][i]
                return Pixel(
                    role: Self.role(lead), character: Self.character(lead),
                    inFuture1: lead >= Constants.future1Threshold)
            }
        )
    }

    /// Whether the map shown was computed for the current scenario and axes.
    var isCurrent: Bool {
        if acrossWorlds {
            guard let worlds else { return false }
            return worlds.scenario == scenario && worlds.x.parameter == x && worlds.y.parameter == y
        }
        guard let map else { return false }
        return map.scenario == scenario && map.x.parameter == x && map.y.parameter == y
    }

    /// Across worlds: the Summary the point is drawn in, the outcome bar's (`you`) or else
    /// the current map's point nearest to the scenario; nil as set or while none is known.
    var pointSummary: Summary? {
        guard acrossWorlds else { return nil }
        if let you { return you }
        guard isCurrent, let worlds else { return nil }
        let i = nearest(worlds.x.values, scenario[x]), j = nearest(worlds.y.values, scenario[y])
        return worlds.cells[j][i]
    }

    private func nearest(_ values: [Double], _ v: Double) -> Int {
        values.indices.min { abs(values[$0] - v) < abs(values[$1] - v) } ?? 0
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let computing = isCurrent ? "" : " · computing…"
        let names = "\(x.spec.name) × \(y.spec.name)"
        let how = acrossWorlds ? " across worlds" : " as set"
        let candidates = [
            "Where Future 1 lives\(how): \(names)\(computing)", "Map\(how): \(names)\(computing)",
            "Map\(how): \(Labels.short(x)) × \(Labels.short(y))\(computing)",
            "Map\(how)\(computing)", "Map\(computing)",
        ]
        let title = candidates.first { $0.count + 6 <= rect.width } ?? candidates[candidates.count - 1]
        screen.box(rect, title: title, style: Style(.accent))
        let f = MapGeometry(in: rect, y: y)
        guard f.plot.width >= 4, f.plot.height >= 2 else { return }
        drawAxes(f, into: &screen)
        guard let grid = grid() else {
            let what = acrossWorlds ? "computing the map across worlds…" : "computing the map…"
            screen.writeCentered(what, in: f.plot, row: f.plot.height / 2, style: Style(.muted))
            return
        }
        let rows = halfBlocks ? f.plot.height * 2 : f.plot.height
        // The point at pixel (column, row from the top), sampled from the map's grid.
        let nx = grid.nx, ny = grid.ny
        let sample = { (c: Int, r: Int) -> Pixel in
            let i = f.plot.width > 1 ? Int((Double(c) * Double(nx - 1) / Double(f.plot.width - 1)).rounded()) : 0
            let j = rows > 1 ? Int((Double(rows - 1 - r) * Double(ny - 1) / Double(rows - 1)).rounded()) : 0
            return grid.point(i, j)
        }
        var pixels = [[Pixel]](repeating: [], count: rows)
        for r in 0..<rows { pixels[r] = (0..<f.plot.width).map { sample($0, r) } }
        // Future 1's edge: a pixel in its region next to one that is not.
        let isF1 = { (c: Int, r: Int) -> Bool in pixels[r][c].inFuture1 }
        let edge = { (c: Int, r: Int) -> Bool in
            guard isF1(c, r) else { return false }
            return [(c - 1, r), (c + 1, r), (c, r - 1), (c, r + 1)].contains { p in
                p.0 >= 0 && p.0 < f.plot.width && p.1 >= 0 && p.1 < rows && !isF1(p.0, p.1)
            }
        }
        let pixelRole = { (c: Int, r: Int) -> Role in edge(c, r) ? .foreground : pixels[r][c].role }
        for cy in 0..<f.plot.height {
            for cx in 0..<f.plot.width {
                let cell: Cell
                if halfBlocks {
                    cell = Cell("▀", Style(pixelRole(cx, 2 * cy), [], background: pixelRole(cx, 2 * cy + 1)))
                } else {
                    let p = pixels[cy][cx]
                    cell = Cell(edge(cx, cy) ? "=" : p.character, Style(p.role))
                }
                screen[f.plot.x + cx, f.plot.y + cy] = cell
            }
        }
        // The current point, across worlds on the colour of its own numbers.
        let (px, py) = point(f)
        let own = pointSummary.map(Self.role)
        let under = halfBlocks ? own ?? pixelRole(px, min(rows - 1, 2 * py + 1)) : nil
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

/// The map view's legend: what the colours mean, the point and the edge. Across worlds
/// the scale of probabilities (P(Future 2) ≥ 90 %, ≥ 50 %, neither ≥ 50 %, P(Future 1)
/// ≥ 50 %, ≥ 90 %), and the point's own P(F1) and P(F2); as set the futures by lead, and
/// the point's lead in the central run. On two rows where it has them (the scale, then
/// the point and the edge), else on one.
public struct MapLegend: Sendable, Equatable {
    public var halfBlocks: Bool
    public var y: ParameterID
    public var acrossWorlds: Bool
    /// Across worlds: the point's Summary (nil while unknown); as set: unused.
    public var you: Summary?
    /// As set: the point's lead in the central run.
    public var youLead: Double?
    /// Across worlds: the worlds a point of the map shown (nil while none is in).
    public var members: Int?

    public init(
        halfBlocks: Bool, y: ParameterID, acrossWorlds: Bool = false, you: Summary? = nil, youLead: Double? = nil,
        members: Int? = nil
    ) {
        self.halfBlocks = halfBlocks
        self.y = y
        self.acrossWorlds = acrossWorlds
        self.you = you
        self.youLead = youLead
        self.members = members
    }

    typealias Piece = (text: String, style: Style)

    /// A colour sample (two cells) or, without colour, the character.
    func sample(_ role: Role, _ c: Character) -> [Piece] {
        halfBlocks ? [("  ", Style(role, background: role))] : [(String(c), Style(role, .bold))]
    }

    /// The scale's forms, longest first.
    func scales() -> [[Piece]] {
        let text = Style(.muted)
        guard acrossWorlds else {
            // In colour each future's sample shows its two shades, the lesser lead first, so
            // that the samples side by side are the map's scale from the least lead to the most.
            let pair = { (low: Role, high: Role, c: Character) -> [Piece] in
                self.halfBlocks
                    ? [(" ", Style(low, background: low)), (" ", Style(high, background: high))]
                    : [(String(c), Style(low, .bold))]
            }
            let f2 = pair(.future2, .future2Faint, "-"), contested = pair(.grid, .muted, ".")
            let f1 = pair(.future1Faint, .future1, "#")
            let lead: [Piece] = halfBlocks ? [("As set, lead less → more: ", text)] : [("As set: ", text)]
            return [
                lead + f2 + [(" Future 2 (≤ 3 mo) ", text)] + contested + [(" contested (3–12 mo) ", text)] + f1
                    + [(" Future 1 (≥ 12 mo)", text)],
                f2 + [(" Future 2 ≤ 3 mo ", text)] + contested + [(" contested ", text)] + f1
                    + [(" Future 1 ≥ 12 mo", text)],
                f2 + [(" F2 ", text)] + contested + [(" contested ", text)] + f1 + [(" F1", text)],
            ]
        }
        let f2 = sample(.future2, "-"), f2Likely = sample(.future2Faint, "~"), neither = sample(.grid, ".")
        let f1Likely = sample(.future1Faint, "+"), f1 = sample(.future1, "#")
        return [
            [("Across worlds\(members.map { ", \(grouped($0)) a point" } ?? ""): P(Future 2) ≥ 90 % ", text)] + f2 + [
                (" ≥ 50 % ", text)
            ] + f2Likely
                + [(" · ", text)] + neither + [(" neither ≥ 50 % · ", text)] + f1Likely
                + [(" ≥ 50 % ", text)] + f1 + [(" ≥ 90 % P(Future 1)", text)],
            [("P(Future 2) ≥ 90 % ", text)] + f2 + [(" ≥ 50 % ", text)] + f2Likely + [(" · ", text)] + neither
                + [(" neither · ", text)] + f1Likely + [(" ≥ 50 % ", text)] + f1 + [(" ≥ 90 % P(Future 1)", text)],
            f2 + [(" P(F2) ≥ 90 % ", text)] + f2Likely + [(" ≥ 50 % ", text)] + neither + [(" neither ", text)]
                + f1Likely + [(" P(F1) ≥ 50 % ", text)] + f1 + [(" ≥ 90 %", text)],
            [("P(F2) ≥ 90 ", text)] + f2 + [(" 50 ", text)] + f2Likely + [(" ", text)] + neither
                + [(" ", text)] + f1Likely + [(" 50 ", text)] + f1 + [(" 90 % P(F1)", text)],
            [("F2 ", text)] + f2 + f2Likely + neither + f1Likely + f1 + [(" F1 · 90 50 – 50 90 %", text)],
        ]
    }

    /// The point's and the edge's forms, longest first.
    func points() -> [[Piece]] {
        let text = Style(.muted)
        let you: Piece = (halfBlocks ? "●" : "@", Style(.policy, .bold))
        let edge: Piece = (halfBlocks ? "▀" : "=", Style(.foreground))
        let yName: Piece = (" · Y: \(y.spec.name)", text)
        guard acrossWorlds else {
            let lead = youLead.map { String(cFormat: "%.1f", $0) }
            let long = lead.map { " you: lead \($0) mo, the central run · " } ?? " you · "
            let short = lead.map { " you \($0) mo · " } ?? " you · "
            return [
                [you, (long, text), edge, (" the 12-month edge", text), yName],
                [you, (long, text), edge, (" the 12-month edge", text)],
                [you, (short, text), edge, (" 12-month edge", text)],
                [you, (" you · ", text), edge, (" edge", text)],
            ]
        }
        let pct = { (p: Double) in "\(Int((p * 100).rounded())) %" }
        let odds = self.you.map { s in (f1: pct(s.pFuture1), f2: pct(s.pFuture2)) }
        let long = odds.map { " you: P(Future 1) \($0.f1), P(Future 2) \($0.f2) · " } ?? " you · "
        let short = odds.map { " you: P(F1) \($0.f1), P(F2) \($0.f2) · " } ?? " you · "
        let shortest = odds.map { " you P(F1) \($0.f1) · " } ?? " you · "
        return [
            [you, (long, text), edge, (" where P(Future 1) crosses 50 %", text), yName],
            [you, (long, text), edge, (" where P(Future 1) crosses 50 %", text)],
            [you, (short, text), edge, (" P(F1) 50 % edge", text)],
            [you, (shortest, text), edge, (" 50 % edge", text)],
        ]
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let room = rect.width - 1
        let length = { (pieces: [Piece]) in pieces.reduce(0) { $0 + $1.text.count } }
        let fitting = { (forms: [[Piece]]) in forms.first { length($0) <= room } ?? forms[forms.count - 1] }
        let scale = fitting(scales())
        let rows: [[Piece]]
        if rect.height >= 2 {
            rows = [scale, fitting(points())]
        } else {
            // One row: the scale and the point together where they fit, else the shortest of each.
            let both = zip(scales(), points()).map { pair in pair.0 + [(" · ", Style(.muted))] + pair.1 }
            rows = [both.first { length($0) <= room } ?? scale]
        }
        for (i, row) in rows.enumerated() {
            var x = rect.x + 1
            for piece in row { x = screen.write(piece.text, x: x, y: rect.y + i, style: piece.style, clip: rect) }
        }
    }
}
