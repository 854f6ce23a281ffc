import Foundation
import FuturesModel

/// "What moves it": a tornado of the sensitivity rows in two sections (policy, then
/// assumptions, each by swing), the Shapley attribution as a waterfall, or the levers
/// across worlds (each lever's change in P(Future 1) and P(Future 2) and median gain).
public struct MovesPanel: Sendable, Equatable {
    public var analysis: Analysis
    public var view: MovesView
    /// The latest levers-across-worlds result; stale (another scenario) while a new one
    /// computes.
    public var robustness: RobustnessResult?

    public init(analysis: Analysis, view: MovesView, robustness: RobustnessResult? = nil) {
        self.analysis = analysis
        self.view = view
        self.robustness = robustness
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let wide = rect.width >= 50
        let at = monthLabel(analysis.scenario.horizon)
        let title: String
        switch view {
        case .tornado:
            title = wide ? "Lead at \(at) over each slider's range · ┃ now" : "Lead at \(at) by slider · ┃ now"
        case .attribution:
            title = wide ? "Lead gained over Future 2's levers (Shapley)" : "Lead over Future 2, by lever"
        case .acrossWorlds:
            let n = robustness.map { " \($0.settings.members)" } ?? ""
            let current = robustness?.scenario == analysis.scenario
            // Rows past the panel's height are named by count, as the tornado's are.
            let count = robustness?.rows.count ?? 0, fit = max(0, rect.height - 3)
            let cut = count > fit ? " (\(fit) of \(count))" : ""
            title =
                !current
                ? "Across\(n) worlds · computing…"
                : wide ? "Each lever across\(n) worlds, F2's → F1's setting\(cut)" : "Across\(n) worlds\(cut)"
        }
        screen.box(rect, title: title)
        let inner = rect.inset(1)
        guard inner.height > 0, inner.width > 20 else { return }
        let nameWidth = inner.width >= 50 ? 20 : 15
        let barWidth = inner.width - nameWidth - Self.valueWidth(inner) - 2
        switch view {
        case .tornado: renderTornado(rect, inner, nameWidth: nameWidth, barWidth: barWidth, into: &screen)
        case .attribution: renderWaterfall(inner, nameWidth: nameWidth, barWidth: barWidth, into: &screen)
        case .acrossWorlds: renderAcrossWorlds(inner, nameWidth: nameWidth, into: &screen)
        }
    }

    /// The value column's width: wide panels write the unit after each number ("+4.9 mo").
    static func valueWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 8 : 6 }

    struct Row {
        var name: String
        var from: Double
        var to: Double
        var value: String
        var note: String?
        var style = Style(.foreground)
        /// Words instead of a bar (the start of a policy that is the status quo).
        var blank: String?
    }

    /// The two sections: every policy row (the five levers and the start) always shows;
    /// the assumptions take the rows left, the largest swings first.
    func renderTornado(_ rect: Rect, _ inner: Rect, nameWidth: Int, barWidth: Int, into screen: inout Screen) {
        let policy = analysis.sensitivity.filter { $0.kind != .assumption }
        let assumptions = analysis.sensitivity.filter { $0.kind == .assumption }
        let footnote = wrap(footnoteText, width: inner.width)
        // With room for every row twice (a note under each) and the footnote, use it.
        let all = policy.count + assumptions.count
        let spacing = 2 * all + 1 + footnote.count <= inner.height ? 2 : 1
        let assumptionRows = max(0, (inner.height - 1 - spacing * policy.count) / spacing)
        // Where no assumption row fits (80×24), the section is left out.
        let shown = Array(assumptions.prefix(assumptionRows))
        let more = assumptions.count - shown.count
        let rows = (policy + shown).map { tornadoRow($0, nameWidth: nameWidth) }
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: barWidth)
        var y = inner.y
        for (i, row) in rows.enumerated() {
            if i == policy.count {
                // The assumptions' section starts on a separator row.
                let label = more > 0 ? "ASSUMPTIONS (\(shown.count) of \(assumptions.count))" : "ASSUMPTIONS"
                screen.separator(rect, y: y, title: label, titleStyle: Style(.muted, .bold))
                y += 1
            }
            guard y < inner.maxY else { break }
            draw(row, y: y, inner, nameWidth: nameWidth, scale: scale, notes: spacing == 2, into: &screen)
            y += spacing
        }
        if spacing == 2, inner.maxY - footnote.count > y {
            for (i, line) in footnote.enumerated() {
                screen.write(line, x: inner.x, y: inner.maxY - footnote.count + i, role: .muted, clip: inner)
            }
        }
    }

    /// Draws one bar row (and its note under it, when there is room).
    private func draw(
        _ row: Row, y: Int, _ inner: Rect, nameWidth: Int, scale: BarScale, notes: Bool, into screen: inout Screen
    ) {
        screen.write(Format.pad(row.name, nameWidth), x: inner.x, y: y, style: row.style, clip: inner)
        if let blank = row.blank {
            screen.write(blank, x: inner.x + nameWidth + 1, y: y, role: .muted, clip: inner)
        } else {
            scale.draw(from: row.from, to: row.to, x0: inner.x + nameWidth + 1, y: y, into: &screen)
        }
        let valueWidth = Self.valueWidth(inner)
        let value = Format.pad(row.value + (inner.width >= 50 ? " mo" : ""), valueWidth, right: true)
        screen.write(value, x: inner.maxX - valueWidth, y: y, role: .foreground, flags: .bold, clip: inner)
        if notes, let note = row.note, y + 1 < inner.maxY {
            screen.write(note, x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
        }
    }

    /// Levers across worlds: per row the bars of |ΔP(Future 1)| and |ΔP(Future 2)| on a
    /// fixed 0–100-point scale (so that a lens where nothing pays shows short bars), the
    /// signed points, and the median gain in lead; a note under each row and a footnote
    /// where there is room.
    func renderAcrossWorlds(_ inner: Rect, nameWidth: Int, into screen: inout Screen) {
        guard let result = robustness else {
            screen.writeCentered(
                "computing across worlds…", in: inner, row: inner.height / 2, style: Style(.muted))
            return
        }
        let showMedian = inner.width >= 45
        let fixed = nameWidth + 2 + 2 * 5 + (showMedian ? 7 : 0)
        let bar = max(1, (inner.width - fixed) / 2)
        let columns = (f1: inner.x + nameWidth + 1, f2: inner.x + nameWidth + 1 + bar + 6)
        let median = inner.maxX - 6
        // The header.
        let header = Style(.muted)
        screen.write("ΔP(F1)", x: columns.f1, y: inner.y, style: Style(.future1, .bold), clip: inner)
        screen.write("ΔP(F2)", x: columns.f2, y: inner.y, style: Style(.future2, .bold), clip: inner)
        if showMedian { screen.write("median", x: median, y: inner.y, style: header, clip: inner) }
        let rows = result.rows
        let long = wrap(acrossWorldsFootnote(result, pivotal: true), width: inner.width)
        let spacing = 1 + 2 * rows.count + 1 + long.count <= inner.height ? 2 : 1
        let footnote = spacing == 2 ? long : wrap(acrossWorldsFootnote(result, pivotal: false), width: inner.width)
        var y = inner.y + 1
        for row in rows where y < inner.maxY {
            let name = row.kind == .timing ? "Start now" : Labels.fitting(row.parameter, width: nameWidth)
            screen.write(Format.pad(name, nameWidth), x: inner.x, y: y, role: .foreground, clip: inner)
            drawPoints(row.pFuture1.delta, role: .future1, x: columns.f1, width: bar, y: y, inner, &screen)
            drawPoints(row.pFuture2.delta, role: .future2, x: columns.f2, width: bar, y: y, inner, &screen)
            if showMedian {
                let gain = Format.pad(signedMonths(row.medianGain), 6, right: true)
                screen.write(gain, x: median, y: y, role: .foreground, flags: .bold, clip: inner)
            }
            if spacing == 2, y + 1 < inner.maxY {
                screen.write(acrossWorldsNote(row), x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
            }
            y += spacing
        }
        if inner.maxY - footnote.count >= y {
            for (i, line) in footnote.enumerated() {
                screen.write(line, x: inner.x, y: inner.maxY - footnote.count + i, role: .muted, clip: inner)
            }
        }
    }

    /// A bar of |delta| on a 0–100-point scale in eighths, then the signed points.
    private func drawPoints(
        _ delta: Double, role: Role, x: Int, width: Int, y: Int, _ inner: Rect, _ screen: inout Screen
    ) {
        let eighths = Int((abs(delta) * Double(width * 8)).rounded())
        let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        for c in 0..<width {
            let filled = eighths - c * 8
            let ch: Character = filled >= 8 ? "█" : filled > 0 ? partial[filled] : " "
            if ch != " " { screen[x + c, y] = Cell(ch, Style(role)) }
        }
        let text = RobustnessRow.points(delta, unit: "")
        screen.write(Format.pad(text, 5, right: true), x: x + width, y: y, role: .foreground, flags: .bold, clip: inner)
    }

    /// "30→90 %: helps in 100 %, pivotal in 54 % of worlds".
    func acrossWorldsNote(_ row: RobustnessRow) -> String {
        let setting =
            row.kind == .timing
            ? "\(monthLabel(Int(row.weak)))→now"
            : "\(Format.value(row.weak, row.parameter.spec))→\(Format.value(row.strong, row.parameter.spec))"
        return "\(setting): helps in \(Format.percent(row.helps)), hurts in \(Format.percent(row.hurts)), "
            + "pivotal in \(Format.percent(row.pivotal))"
    }

    /// How to read the rows (`pivotal`: the notes under the rows show, so say what it means).
    func acrossWorldsFootnote(_ result: RobustnessResult, pivotal: Bool) -> String {
        "Each row: one setting from Future 2's value to Future 1's (the start: "
            + "\(monthLabel(Robustness.lateStart)) → now) in the same \(result.settings.members) worlds, the rest as "
            + "set. ΔP in points, bars 0–100; median gain in months."
            + (pivotal ? " Pivotal: the world's future changes with it." : "") + " a: tornado."
    }

    /// How to read the bars.
    var footnoteText: String {
        let now = Format.outcome(analysis.outcome.leadMonths, .leadMonths)
        return view == .tornado
            ? "Each bar spans the lead at the horizon from a slider's low end to its high end, the others as "
                + "set. ┃ marks your lead now, \(now): the light part of a bar is how far the slider can raise "
                + "it, the dark part how far lower it. The number: the lead at the high end minus at the low end, "
                + "in months. Press a for the attribution."
            : "Bars: each lever's Shapley share of the lead gained over Future 2's levers; the shares add up. "
                + "Press a for the levers across worlds."
    }

    /// A parameter's lead at the low and the high end of its range, relative to now.
    func tornadoRow(_ r: SensitivityRow, nameWidth: Int) -> Row {
        let now = analysis.outcome.leadMonths
        let spec = r.parameter.spec
        let note =
            "at \(Format.value(spec.min, spec)): \(Format.outcome(r.low.leadMonths, .leadMonths)), "
            + "at \(Format.value(spec.max, spec)): \(Format.outcome(r.high.leadMonths, .leadMonths))"
        var row = Row(
            name: Labels.fitting(r.parameter, width: nameWidth),
            from: r.low.leadMonths - now, to: r.high.leadMonths - now,
            value: signedMonths(r.swing.leadMonths), note: note)
        // Before the start the status quo's levers apply; if they are yours, the start changes nothing.
        if r.kind == .timing, analysis.scenario.levers == Preset.statusQuo.levers {
            row.blank = nameWidth >= 20 ? "no effect (status quo)" : "= status quo"
            row.value = "0.0"
        }
        return row
    }

    /// Future 2's lead, each lever's Shapley share stacked on it, and your policy's lead.
    func renderWaterfall(_ inner: Rect, nameWidth: Int, barWidth: Int, into screen: inout Screen) {
        let a = analysis.attribution
        let end = analysis.outcome.leadMonths
        let base = end - a.total.leadMonths
        var rows: [Row] = []
        if inner.height >= 7 {
            rows.append(
                Row(
                    name: "Future 2 levers", from: 0, to: base, value: String(format: "%.1f", base),
                    note: "the lead with every lever at Future 2's setting", style: Style(.future2, .bold)))
        }
        var cumulative = base
        for lever in LeverID.allCases {
            let share = a[lever].leadMonths
            let value = analysis.scenario.levers[lever]
            let note = "\(Format.value(Preset.future2.levers[lever], lever.spec)) → \(Format.value(value, lever.spec))"
            rows.append(
                Row(
                    name: Labels.fitting(.lever(lever), width: nameWidth), from: cumulative, to: cumulative + share,
                    value: signedMonths(share), note: note))
            cumulative += share
        }
        rows.append(
            Row(
                name: "Your policy", from: 0, to: end, value: String(format: "%.1f", end),
                note: "the lead at \(monthLabel(analysis.scenario.horizon))", style: Style(.policy, .bold)))
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: barWidth)
        let spacing = rows.count * 2 <= inner.height ? 2 : 1
        let footnote = wrap(footnoteText, width: inner.width)
        if rows.count * spacing + 1 + footnote.count <= inner.height {
            for (i, line) in footnote.enumerated() {
                screen.write(line, x: inner.x, y: inner.maxY - footnote.count + i, role: .muted, clip: inner)
            }
        }
        for (i, row) in rows.enumerated() where inner.y + i * spacing < inner.maxY {
            draw(
                row, y: inner.y + i * spacing, inner, nameWidth: nameWidth, scale: scale, notes: spacing == 2,
                into: &screen)
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
func signedMonths(_ x: Double) -> String {
    let text = String(format: "%.1f", abs(x))
    if text == "0.0" { return "0.0" }
    return (x < 0 ? "−" : "+") + text
}
