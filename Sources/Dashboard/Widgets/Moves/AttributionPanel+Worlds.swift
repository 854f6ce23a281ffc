import FuturesModel

/// The attribution across worlds (MODEL.md §4 "Attribution across worlds"): a waterfall of
/// the chosen probability (`f`: P(Future 1), P(Future 2) or P(China's markets)) from
/// Future 2's levers to yours, each lever's Shapley points stacked on it, with each lever's
/// share of the median lead (months) beside them.
struct WorldsAttributionView {
    var worlds: WorldsAnalysis
    var verdict: Summary.Verdict

    /// "P(F1)", "P(F2)", "P(China mkts)".
    static func short(_ verdict: Summary.Verdict) -> String {
        switch verdict {
        case .future1: "P(F1)"
        case .future2: "P(F2)"
        case .chinaMarkets: "P(China mkts)"
        }
    }

    /// The rows: Future 2's levers (where there is room), the five levers, your policy.
    /// Each row's bar in points (0…100), its number, and its months.
    func rows(nameWidth: Int, withBase: Bool) -> [(row: MovesRow, months: String)] {
        let a = worlds.attribution
        let base = a.baseSummary[verdict] * 100
        let end = worlds.summary[verdict] * 100
        var out: [(MovesRow, String)] = []
        if withBase {
            var row = MovesRow(
                name: "Future 2 levers", from: 0, to: base, value: Format.percent(base / 100),
                note: "every lever at Future 2's setting", style: Style(.future2, .bold))
            row.unit = ""
            out.append((row, Format.outcome(a.baseSummary.medianLead, .leadMonths)))
        }
        var cumulative = base
        for lever in LeverID.allCases {
            let share = a[lever][verdict] * 100
            let value = worlds.scenario.levers[lever]
            var row = MovesRow(
                name: Labels.fitting(.lever(lever), width: nameWidth), from: cumulative, to: cumulative + share,
                value: Explanation.points(share / 100),
                note: "\(Format.value(Preset.future2.levers[lever], lever.spec)) → \(Format.value(value, lever.spec))")
            row.unit = ""
            out.append((row, signedMonths(a[lever].medianLead) + " mo"))
            cumulative += share
        }
        var mine = MovesRow(
            name: "Your policy", from: 0, to: end, value: Format.percent(end / 100),
            note: "across \(grouped(worlds.settings.members)) worlds", style: Style(.policy, .bold))
        mine.unit = ""
        out.append((mine, Format.outcome(worlds.summary.medianLead, .leadMonths)))
        return out
    }

    func render(in rect: Rect, into screen: inout Screen) {
        let name = Self.short(verdict)
        let title = MovesLayout.title(
            [
                "\(name) by lever, from Future 2's levers (Shapley) · f", "\(name) by lever (Shapley) · f",
                "\(name) by lever · f",
            ], rect)
        guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
        let nameWidth = MovesLayout.nameWidth(inner)
        // Columns: name, bar, points ("+100 pts"), months ("+10.2 mo").
        let wide = inner.width >= 50
        let pointsWidth = wide ? 9 : 8, monthsWidth = wide ? 9 : 8
        let barWidth = max(1, inner.width - nameWidth - pointsWidth - monthsWidth - 1)
        let rows = self.rows(nameWidth: nameWidth, withBase: inner.height >= 8)
        let footnote = wrap(footnoteText, width: inner.width)
        let header = 1
        let spacing = header + rows.count * 2 + footnote.count <= inner.height ? 2 : 1
        // The header: what the two number columns are.
        let pointsX = inner.x + nameWidth + 1 + barWidth, monthsX = inner.maxX - monthsWidth
        screen.write(
            Format.pad(wide ? "points" : "pts", pointsWidth, right: true), x: pointsX, y: inner.y, role: .muted,
            clip: inner)
        screen.write(
            Format.pad(wide ? "months" : "mo", monthsWidth, right: true), x: monthsX, y: inner.y, role: .muted,
            clip: inner)
        let scale = BarScale(values: rows.flatMap { [$0.row.from, $0.row.to] } + [100], width: barWidth)
        // What the bars span, in points (0–100 unless a cumulative share leaves it).
        let low = Int((-scale.low).rounded())
        let range = (low == 0 ? "0" : "−\(low)") + "–\(Int(scale.high.rounded())) pts"
        // Only whole: a cut range would misstate the scale.
        let barHeader = ["\(name) \(range)", range, ""].first { $0.count <= barWidth } ?? ""
        screen.write(
            barHeader, x: inner.x + nameWidth + 1, y: inner.y, role: .muted,
            clip: Rect(x: inner.x, y: inner.y, width: nameWidth + 1 + barWidth, height: 1))
        var y = inner.y + header
        for (row, months) in rows where y < inner.maxY {
            row.draw(
                y: y, Rect(x: inner.x, y: inner.y, width: inner.width - monthsWidth, height: inner.height),
                nameWidth: nameWidth, scale: scale, notes: spacing == 2, valueWidth: pointsWidth, into: &screen)
            screen.write(
                Format.pad(months, monthsWidth, right: true), x: monthsX, y: y, role: .muted, flags: .bold, clip: inner)
            y += spacing
        }
        if y + footnote.count <= inner.maxY { MovesLayout.footnote(footnote, inner, into: &screen) }
    }

    /// How to read the rows.
    var footnoteText: String {
        "Bars: each lever's Shapley points of P(\(verdict.name)) from Future 2's levers to yours, over the same "
            + "\(grouped(worlds.settings.members)) worlds; they add up. Beside: its share of the median lead. "
            + "f: F1 → F2 → China's markets. a: levers across worlds."
    }
}
