import FuturesModel

/// The tornado across worlds (MODEL.md §4 "Sensitivity across worlds"): each bar spans the
/// median lead over the worlds from a slider's low end to its high end, on an axis of
/// months, with ┃ at the median lead now; the row's number is the change of P(Future 1) or
/// P(Future 2), whichever says more, from the low end to the high end.
struct WorldsTornado {
    var worlds: WorldsAnalysis

    /// The value column: "F1 +23 pts" in wide panels, "F1 +23" in narrow ones.
    static func valueWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 11 : 7 }

    func render(in rect: Rect, into screen: inout Screen) {
        let at = monthLabel(worlds.scenario.horizon)
        // Narrow panels write the rows' numbers without a unit ("F2 −84"): there the title
        // says what they are.
        let title = MovesLayout.title(
            Self.valueWidth(rect.inset(1)) < 11
                ? ["Median lead by slider · ┃ now · ΔP in pts", "Median lead · ┃ now · ΔP in pts"]
                : [
                    "Median lead at \(at) over each slider's range · ┃ now",
                    "Median lead at \(at), each slider's range · ┃ now",
                    "Median lead by slider · ┃ now",
                ], rect)
        guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
        let nameWidth = MovesLayout.nameWidth(inner)
        let valueWidth = Self.valueWidth(inner)
        let policy = worlds.sensitivity.filter { $0.kind != .assumption }
        let assumptions = worlds.sensitivity.filter { $0.kind == .assumption }
        let footnote = wrap(footnoteText, width: inner.width)
        let all = policy.count + assumptions.count
        // The axis takes two rows (a rule with ticks, the labels) where they fit, else one;
        // where the policy rows leave none, its labels go on the box's bottom border, so
        // that every policy row shows.
        let onBorder = inner.height < policy.count + 1
        let axisRows = onBorder ? 0 : inner.height >= policy.count + 4 ? 2 : 1
        // A note under each row where every row has one (the footnote only if room is left).
        let spacing = 2 * all + 1 + axisRows <= inner.height ? 2 : 1
        let assumptionRows = max(0, (inner.height - axisRows - 1 - spacing * policy.count) / spacing)
        let rows = (policy + assumptions.prefix(assumptionRows)).map { row($0, nameWidth: nameWidth) }
        let barWidth = inner.width - nameWidth - valueWidth - 2
        let now = worlds.summary.medianLead
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: barWidth)
        let y = MovesRow.drawSections(
            rows, policyCount: policy.count, assumptions: assumptions.count, in: rect, inner: inner,
            bottom: inner.maxY - axisRows, nameWidth: nameWidth, scale: scale, spacing: spacing,
            valueWidth: valueWidth, into: &screen)
        // The axis under the bars: the months of the median lead.
        let axisY = onBorder ? inner.maxY : min(y, inner.maxY - axisRows)
        let name = nameWidth >= 20 ? "median lead, months" : "months"
        let clip = onBorder ? rect : inner
        let labelY = axisY + max(axisRows, 1) - 1
        screen.write(name, x: inner.x, y: labelY, role: .muted, clip: clip)
        // Under the value column, what its numbers are (wide panels, where the title does not say).
        if valueWidth >= 11, axisRows == 2 {
            let unit = "ΔP low→high"
            screen.write(unit, x: inner.maxX - unit.count, y: labelY, role: .muted, clip: clip)
        }
        MonthsAxis(origin: now, scale: scale).draw(
            x0: inner.x + nameWidth + 1, y: axisY, rows: max(axisRows, 1), clip: clip, into: &screen)
        if spacing == 2, inner.maxY - footnote.count > axisY + axisRows {
            MovesLayout.footnote(footnote, inner, into: &screen)
        }
    }

    /// How to read the bars.
    var footnoteText: String {
        let now = Format.outcome(worlds.summary.medianLead, .leadMonths)
        return "Each bar spans the median lead over \(grouped(worlds.settings.members)) worlds from a slider's "
            + "low end to its high end, the others as set; ┃ marks the median now, \(now). The number: the "
            + "change of P(Future 1) or P(Future 2), whichever is larger, from the low end to the high end, "
            + "in points. Press a for the attribution."
    }

    /// Which probability a row reports: Future 2's where it moves more than Future 1's.
    static func reportsFuture2(_ r: WorldsSensitivityRow) -> Bool {
        abs(r.swing.pFuture2) > abs(r.swing.pFuture1)
    }

    /// "F1 +23 pts" (or "F1 +23" in a narrow panel): the row's change of probability, the
    /// difference of the two percents its note shows (P(F1) 7→30 % is +23, whatever the
    /// unrounded swing).
    static func deltaText(_ r: WorldsSensitivityRow, wide: Bool) -> String {
        let f2 = reportsFuture2(r)
        let points =
            f2
            ? Explanation.points(from: r.low.pFuture2, to: r.high.pFuture2)
            : Explanation.points(from: r.low.pFuture1, to: r.high.pFuture1)
        let text = (f2 ? "F2 " : "F1 ") + points
        return wide ? text : String(text.split(separator: " ").prefix(2).joined(separator: " "))
    }

    /// "0→100 %: 0.8→6.4 mo, P(F2) 100→2 %": the range, the median lead and the reported
    /// probability from the low end to the high end.
    static func note(_ r: WorldsSensitivityRow) -> String {
        let spec = r.parameter.spec
        let f2 = reportsFuture2(r)
        let p = { (s: Summary) in String(Explanation.shownPercent(f2 ? s.pFuture2 : s.pFuture1)) }
        return "\(Explanation.number(spec.min, spec))→\(Format.value(spec.max, spec)): "
            + String(cFormat: "%.1f→%.1f mo, ", r.low.medianLead, r.high.medianLead).replacing("-", with: "−")
            + "P(F\(f2 ? 2 : 1)) \(p(r.low))→\(p(r.high)) %"
    }

    /// A parameter's median lead at the low and the high end of its range, relative to now.
    func row(_ r: WorldsSensitivityRow, nameWidth: Int) -> MovesRow {
        let now = worlds.summary.medianLead
        var row = MovesRow(
            name: Labels.fitting(r.parameter, width: nameWidth),
            from: r.low.medianLead - now, to: r.high.medianLead - now,
            value: Self.deltaText(r, wide: nameWidth >= 20), note: Self.note(r))
        row.unit = ""
        if r.kind == .timing, worlds.scenario.levers == Preset.statusQuo.levers {
            row.blank = nameWidth >= 20 ? "no effect (status quo)" : "= status quo"
        }
        return row
    }
}
