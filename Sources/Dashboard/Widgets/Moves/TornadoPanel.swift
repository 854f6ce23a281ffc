import FuturesModel

/// "What moves it" as a tornado of the sensitivity rows in two sections (policy, then
/// assumptions, each by swing): each bar spans the lead at the horizon from a slider's low
/// end to its high end, relative to now.
/// Across worlds (`MovesSource.acrossWorlds`) it draws `WorldsTornado`.
public struct TornadoPanel: Sendable, Equatable {
    public var source: MovesSource
    public init(analysis: Analysis) { source = .asSet(analysis) }

    public init(source: MovesSource) { self.source = source }

    public func render(in rect: Rect, into screen: inout Screen) {
        switch source {
        case .asSet(let analysis): CentralTornado(analysis: analysis).render(in: rect, into: &screen)
        case .acrossWorlds(let worlds?, let current):
            WorldsTornado(worlds: worlds).render(in: rect, into: &screen)
            if !current { MovesLayout.dim(rect, into: &screen) }
        case .acrossWorlds(nil, _):
            let title = rect.width >= 54 ? "Median lead over each slider's range" : "Median lead by slider"
            guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
            MovesLayout.computing(inner, into: &screen)
        }
    }

}

/// The central run's tornado ("as set").
struct CentralTornado {
    let analysis: Analysis

    func render(in rect: Rect, into screen: inout Screen) {
        let at = monthLabel(analysis.scenario.horizon)
        let title =
            rect.width >= 50 ? "Lead at \(at) over each slider's range · ┃ now" : "Lead at \(at) by slider · ┃ now"
        guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
        let nameWidth = MovesLayout.nameWidth(inner)
        // Every policy row (the five levers and the start) always shows; the assumptions
        // take the rows left, the largest swings first.
        let policy = analysis.sensitivity.filter { $0.kind != .assumption }
        let assumptions = analysis.sensitivity.filter { $0.kind == .assumption }
        let footnote = wrap(footnoteText, width: inner.width)
        // With room for every row twice (a note under each) and the footnote, use it.
        let all = policy.count + assumptions.count
        let spacing = 2 * all + 1 + footnote.count <= inner.height ? 2 : 1
        let assumptionRows = max(0, (inner.height - 1 - spacing * policy.count) / spacing)
        // Where no assumption row fits (80×24), the section is left out.
        let rows = (policy + assumptions.prefix(assumptionRows)).map { row($0, nameWidth: nameWidth) }
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: MovesLayout.barWidth(inner))
        let y = MovesRow.drawSections(
            rows, policyCount: policy.count, assumptions: assumptions.count, in: rect, inner: inner,
            bottom: inner.maxY, nameWidth: nameWidth, scale: scale, spacing: spacing, into: &screen)
        if spacing == 2, inner.maxY - footnote.count > y { MovesLayout.footnote(footnote, inner, into: &screen) }
    }

    /// How to read the bars.
    var footnoteText: String {
        let now = Format.outcome(analysis.outcome.leadMonths, .leadMonths)
        return "Each bar spans the lead at the horizon from a slider's low end to its high end, the others as "
            + "set. ┃ marks your lead now, \(now): the light part of a bar is how far the slider can raise "
            + "it, the dark part how far lower it. The number: the lead at the high end minus at the low end, "
            + "in months. Press a for the attribution."
    }

    /// A parameter's lead at the low and the high end of its range, relative to now.
    func row(_ r: SensitivityRow, nameWidth: Int) -> MovesRow {
        let now = analysis.outcome.leadMonths
        let spec = r.parameter.spec
        let note =
            "at \(Format.value(spec.min, spec)): \(Format.outcome(r.low.leadMonths, .leadMonths)), "
            + "at \(Format.value(spec.max, spec)): \(Format.outcome(r.high.leadMonths, .leadMonths))"
        var row = MovesRow(
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
}
