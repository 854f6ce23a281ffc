import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the three views of "What moves it" share: the box with its title, the columns
/// (name, bar, value) and the bar rows of the tornado and the waterfall. Each view is a
/// widget of its own (`TornadoPanel`, `AttributionPanel`, `AcrossWorldsPanel`).
enum MovesLayout {
    /// The name column's width.
    static func nameWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 20 : 15 }

    /// The value column's width: wide panels write the unit after each number ("+4.9 mo").
    static func valueWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 8 : 6 }

    /// The bar column's width.
    static func barWidth(_ inner: Rect) -> Int { inner.width - nameWidth(inner) - valueWidth(inner) - 2 }

    /// Draws the box with `title`; the inside, or nil where it is too small for rows.
    static func box(_ rect: Rect, title: String, into screen: inout Screen) -> Rect? {
        screen.box(rect, title: title)
        let inner = rect.inset(1)
        guard inner.height > 0, inner.width > 20 else { return nil }
        return inner
    }

    /// The first of `titles` that fits a box as wide as `rect` (else the last).
    static func title(_ titles: [String], _ rect: Rect) -> String {
        titles.first { $0.count + 4 <= rect.width } ?? titles.last ?? ""
    }

    /// Dims every cell of `rect`: a result of another scenario, shown while the new one computes.
    static func dim(_ rect: Rect, into screen: inout Screen) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where screen.area.contains(x: x, y: y) { screen[x, y].style.flags.insert(.dim) }
        }
    }

    /// "computing across worlds…" in the middle of `inner`: no result across worlds yet
    /// (never the central run's numbers in their place).
    static func computing(_ inner: Rect, into screen: inout Screen) {
        screen.writeCentered("computing across worlds…", in: inner, row: inner.height / 2, style: Style(.muted))
    }

    /// Writes `lines` at the bottom of `inner`.
    static func footnote(_ lines: [String], _ inner: Rect, into screen: inout Screen) {
        for (i, line) in lines.enumerated() {
            screen.write(line, x: inner.x, y: inner.maxY - lines.count + i, role: .muted, clip: inner)
        }
    }
}

/// One bar row of the tornado or the waterfall.
struct MovesRow {
    var name: String
    var from: Double
    var to: Double
    var value: String
    var note: String?
    var style = Style(.foreground)
    /// Words instead of a bar (the start of a policy that is the status quo).
    var blank: String?
    /// Written after `value` in wide panels.
    var unit = " mo"

    /// Draws one bar row (and its note under it, when there is room).
    /// The tornado's rows in `rect` (a box with inside `inner`), `spacing` rows apart from the
    /// top, none at or below row `bottom`: the first `policyCount` (the policy's), then an
    /// "ASSUMPTIONS" separator ("ASSUMPTIONS (k of n)" where only k of the `assumptions`
    /// are in `rows`) and the rest. The row after the last one drawn.
    static func drawSections(
        _ rows: [MovesRow], policyCount: Int, assumptions: Int, in rect: Rect, inner: Rect, bottom: Int,
        nameWidth: Int, scale: BarScale, spacing: Int, valueWidth: Int? = nil, into screen: inout Screen
    ) -> Int {
        let shown = rows.count - policyCount
        var y = inner.y
        for (i, row) in rows.enumerated() {
            if i == policyCount {
                let label = shown < assumptions ? "ASSUMPTIONS (\(shown) of \(assumptions))" : "ASSUMPTIONS"
                screen.separator(rect, y: y, title: label, titleStyle: Style(.muted, .bold))
                y += 1
            }
            guard y < bottom else { break }
            row.draw(
                y: y, inner, nameWidth: nameWidth, scale: scale, notes: spacing == 2, valueWidth: valueWidth,
                into: &screen)
            y += spacing
        }
        return y
    }

    func draw(
        y: Int, _ inner: Rect, nameWidth: Int, scale: BarScale, notes: Bool, valueWidth: Int? = nil,
        into screen: inout Screen
    ) {
        screen.write(Format.pad(name, nameWidth), x: inner.x, y: y, style: style, clip: inner)
        if let blank {
            screen.write(blank, x: inner.x + nameWidth + 1, y: y, role: .muted, clip: inner)
        } else {
            scale.draw(from: from, to: to, x0: inner.x + nameWidth + 1, y: y, into: &screen)
        }
        let valueWidth = valueWidth ?? MovesLayout.valueWidth(inner)
        let text = Format.pad(value + (inner.width >= 50 ? unit : ""), valueWidth, right: true)
        screen.write(text, x: inner.maxX - valueWidth, y: y, role: .foreground, flags: .bold, clip: inner)
        if notes, let note, y + 1 < inner.maxY {
            screen.write(note, x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
        }
    }
}

/// Horizontal bars on a shared scale, for the tornado and the waterfall, with a centre
/// line at zero (today's value in the tornado).
struct BarScale {
    let low: Double
    let high: Double
    let width: Int

    init(values: [Double], width: Int) {
        low = min(0, values.min() ?? 0)
        high = max(0, values.max() ?? 0)
        self.width = width
    }

    /// The column (0…width−1 boundary, as a position between cells) of value v.
    func column(_ v: Double) -> Int {
        guard high > low else { return 0 }
        return Int(((v - low) / (high - low) * Double(width)).rounded())
    }

    /// Draws a bar from a to b in row y from x0: the part above zero light, below dark (neutral
    /// colours, not the futures'), with the centre line at zero.
    func draw(from a: Double, to b: Double, x0: Int, y: Int, into screen: inout Screen) {
        let c0 = column(min(a, b)), c1 = column(max(a, b))
        let zero = column(0)
        for c in 0..<width {
            let x = x0 + c
            if c >= c0 && c < c1 {
                screen[x, y] = Cell("█", Style(c >= zero ? .accent : .muted))
            } else if c == zero || (zero == width && c == width - 1) {
                // Where the bar ends at "now" the line is the marker of now, drawn as bold
                // as inside a bar; elsewhere it is a faint guide.
                screen[x, y] =
                    c0 < c1 && (c0 == zero || c1 == zero) ? Cell("┃", Style(.foreground)) : Cell("│", Style(.grid))
            }
        }
        if c0 == c1 {
            // A change too small for a cell still shows as a thin mark.
            let c = min(width - 1, c0)
            screen[x0 + c, y] = Cell(b >= a ? "▕" : "▏", Style(.muted))
        }
        // The centre line stays visible through the bar.
        if zero > 0, zero < width, zero >= c0, zero < c1 { screen[x0 + zero, y] = Cell("┃", Style(.foreground)) }
    }
}

/// A signed number of months without unit, with a real minus sign: "+1.2", "−0.4", and
/// "0.0" for a change that rounds to nothing.
public func signedMonths(_ x: Double) -> String {
    let text = String(cFormat: "%.1f", abs(x))
    if text == "0.0" { return "0.0" }
    return (x < 0 ? "−" : "+") + text
}

/// What "What moves it" and the sliders' sparklines draw from: the central run (as set), or
/// the latest results across worlds (nil until the first arrives; not `current` while they
/// are another scenario's, drawn dimmed until the new ones arrive).
public enum MovesSource: Sendable, Equatable {
    case asSet(Analysis)
    case acrossWorlds(WorldsAnalysis?, current: Bool)

    /// The source the screen's language asks for. With uncertainty 0 every world is the
    /// central run, so the panels are drawn as set in either language (as the charts are:
    /// `State.speaksAcrossWorlds`).
    public init(_ state: State, _ analysis: Analysis) {
        if state.view.language == .asSet || state.results.ensemble?.settings.uncertainty == 0 {
            self = .asSet(analysis)
        } else {
            let worlds = state.results.worlds?.analysis
            self = .acrossWorlds(worlds, current: worlds?.scenario == state.scenario)
        }
    }

    /// The results across worlds, if this source speaks across worlds and has any.
    var worlds: WorldsAnalysis? { if case .acrossWorlds(let w, _) = self { w } else { nil } }

    /// The sliders' response curves, in `ParameterID.all` order: the median lead across
    /// worlds at 11 points of each range, the central run's lead as set (`analysis.curves`);
    /// empty curves while no result across worlds is in.
    var curves: [[Double]] {
        switch self {
        case .asSet(let analysis): analysis.curves
        case .acrossWorlds(let w?, _): w.response.map(\.medianLead)
        case .acrossWorlds(nil, _): ParameterID.all.map { _ in [] }
        }
    }

    /// Whether this source speaks across worlds.
    var isAcrossWorlds: Bool { if case .acrossWorlds = self { true } else { false } }

    /// Whether what is drawn belongs to another scenario (dim it).
    var isStale: Bool { if case .acrossWorlds(_?, let current) = self { !current } else { false } }
}

/// The axis of the months under the tornado's bars: ticks at whole multiples of a step
/// (1, 2, 5, 10, 20 or 50 months) far enough apart for their labels.
struct MonthsAxis {
    /// The absolute months at the scale's zero (the bars are drawn relative to it).
    let origin: Double
    let scale: BarScale

    /// The tick values and their cells (0…width−1), in order.
    var ticks: [(months: Double, cell: Int)] {
        let span = scale.high - scale.low
        guard span > 0, scale.width > 1 else { return [] }
        let lo = origin + scale.low, hi = origin + scale.high
        // The smallest step whose ticks leave room for a label and a space and more.
        let label = Double(String(cFormat: "%.0f", max(abs(lo), abs(hi))).count + (lo < 0 ? 1 : 0))
        let step = [1.0, 2, 5, 10, 20, 50, 100].first { Double(scale.width) * $0 / span >= label + 1.5 } ?? 100
        var out: [(Double, Int)] = []
        var t = (lo / step).rounded(.up) * step
        while t <= hi + 1e-9 {
            out.append((t, min(scale.width - 1, scale.column(t - origin))))
            t += step
        }
        return out
    }

    /// Draws the ticks (┬ on a rule) in row `y` and their labels in row `y + 1` from `x0`;
    /// only the labels where there is one row.
    func draw(x0: Int, y: Int, rows: Int, clip: Rect, into screen: inout Screen) {
        let ticks = self.ticks
        var labelY = y
        if rows >= 2 {
            for c in 0..<scale.width { screen.write("─", x: x0 + c, y: y, role: .grid, clip: clip) }
            for t in ticks { screen.write("┬", x: x0 + t.cell, y: y, role: .grid, clip: clip) }
            labelY = y + 1
        }
        var free = x0
        for t in ticks {
            let label = String(cFormat: "%.0f", t.months + 0).replacing("-", with: "−")
            // Each label sits on its tick; one that would touch the last is left out.
            let x = max(x0, x0 + t.cell - (label.count - 1) / 2)
            guard x >= free else { continue }
            guard x + label.count <= x0 + scale.width + 3 else { break }
            screen.write(label, x: x, y: labelY, role: .muted, clip: clip)
            free = x + label.count + 1
        }
    }
}
