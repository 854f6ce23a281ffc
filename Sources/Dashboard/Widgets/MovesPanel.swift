import Foundation
import FuturesModel

/// "What moves it": a tornado of the sensitivity rows, or the Shapley attribution as a waterfall.
public struct MovesPanel: Sendable, Equatable {
    public var analysis: Analysis
    public var view: MovesView

    public init(analysis: Analysis, view: MovesView) {
        self.analysis = analysis
        self.view = view
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let title =
            view == .tornado ? "What moves it: lead, low→high end" : "Why not Future 2: lead, Shapley"
        screen.box(rect, title: title)
        let inner = rect.inset(1)
        guard inner.height > 0, inner.width > 20 else { return }
        let nameWidth = inner.width >= 50 ? 20 : 15
        let valueWidth = 6
        let barWidth = inner.width - nameWidth - valueWidth - 2
        // When not every parameter fits, the last line says how many are left out.
        let total = analysis.sensitivity.count
        let rows =
            view == .tornado
            ? tornadoRows(total > inner.height ? inner.height - 1 : inner.height, nameWidth: nameWidth)
            : waterfallRows(inner.height, nameWidth: nameWidth)
        if view == .tornado, rows.count < total, inner.height >= 2 {
            let more = "… \(total - rows.count) more with smaller swings"
            screen.write(more, x: inner.x, y: inner.maxY - 1, role: .muted, clip: inner)
        }
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: barWidth)
        let spacing = rows.count * 2 <= inner.height ? 2 : 1
        let footnote = wrap(footnoteText, width: inner.width)
        if rows.count * spacing + 1 + footnote.count <= inner.height {
            for (i, line) in footnote.enumerated() {
                screen.write(line, x: inner.x, y: inner.maxY - footnote.count + i, role: .muted, clip: inner)
            }
        }
        for (i, row) in rows.enumerated() {
            let y = inner.y + i * spacing
            guard y < inner.maxY else { break }
            screen.write(Format.pad(row.name, nameWidth), x: inner.x, y: y, style: row.style, clip: inner)
            scale.draw(from: row.from, to: row.to, x0: inner.x + nameWidth + 1, y: y, into: &screen)
            let value = Format.pad(row.value, valueWidth, right: true)
            screen.write(value, x: inner.maxX - valueWidth, y: y, role: .foreground, flags: .bold, clip: inner)
            if spacing == 2, let note = row.note {
                screen.write(note, x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
            }
        }
    }

    /// How to read the bars.
    var footnoteText: String {
        let now = Format.outcome(analysis.outcome.leadMonths, .leadMonths)
        return view == .tornado
            ? "Bars: the lead's change from now (\(now)) as each parameter goes from the low to the high end "
                + "of its range, the others as set. Press a for the attribution."
            : "Bars: each lever's Shapley share of the lead gained over Future 2's levers; the shares add up. "
                + "Press a for the tornado."
    }

    struct Row {
        var name: String
        var from: Double
        var to: Double
        var value: String
        var note: String?
        var style = Style(.foreground)
    }

    /// Each parameter's lead at the low and the high end of its range, relative to now.
    func tornadoRows(_ available: Int, nameWidth: Int) -> [Row] {
        let now = analysis.outcome.leadMonths
        return analysis.sensitivity.prefix(available).map { r in
            let spec = r.parameter.spec
            let note =
                "at \(Format.value(spec.min, spec)): \(Format.outcome(r.low.leadMonths, .leadMonths)), "
                + "at \(Format.value(spec.max, spec)): \(Format.outcome(r.high.leadMonths, .leadMonths))"
            return Row(
                name: Labels.fitting(r.parameter, width: nameWidth),
                from: r.low.leadMonths - now, to: r.high.leadMonths - now,
                value: signedMonths(r.swing.leadMonths), note: note)
        }
    }

    /// Future 2's lead, each lever's Shapley share stacked on it, and your policy's lead.
    func waterfallRows(_ available: Int, nameWidth: Int) -> [Row] {
        let a = analysis.attribution
        let end = analysis.outcome.leadMonths
        let base = end - a.total.leadMonths
        var rows: [Row] = []
        if available >= 7 {
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
        return rows
    }
}

/// Horizontal bars on a shared scale, for the tornado and the waterfall.
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

    /// Draws a bar from a to b in row y from x0, coloured by direction, with a zero mark.
    func draw(from a: Double, to b: Double, x0: Int, y: Int, into screen: inout Screen) {
        let c0 = column(min(a, b)), c1 = column(max(a, b))
        let zero = column(0)
        let role: Role = b >= a ? .future1 : .future2
        for c in 0..<width {
            let x = x0 + c
            if c >= c0 && c < c1 {
                screen[x, y] = Cell("█", Style(role))
            } else if c == zero || (zero == width && c == width - 1) {
                screen[x, y] = Cell("│", Style(.grid))
            }
        }
        if c0 == c1 {
            // A change too small for a cell still shows as a thin mark.
            let c = min(width - 1, c0)
            screen[x0 + c, y] = Cell(b >= a ? "▕" : "▏", Style(role))
        }
    }
}

/// A signed number of months without unit, with a real minus sign: "+1.2", "−0.4".
func signedMonths(_ x: Double) -> String {
    (x < 0 ? "−" : "+") + String(format: "%.1f", abs(x))
}
