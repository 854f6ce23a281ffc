import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// "What moves it" as the Shapley attribution. Across worlds (`MovesSource.acrossWorlds`):
/// the chosen probability's points by lever, with the months beside them
/// (`WorldsAttributionView`). As set: a waterfall from Future 2's lead, each lever's share
/// of the lead gained stacked on it, to your policy's lead (`CentralAttribution`).
public struct AttributionPanel: Sendable, Equatable {
    public var source: MovesSource
    /// Which probability the attribution across worlds splits (`f`).
    public var verdict: Summary.Verdict

    public init(analysis: Analysis) {
        source = .asSet(analysis)
        verdict = .future1
    }

    public init(source: MovesSource, verdict: Summary.Verdict = .future1) {
        self.source = source
        self.verdict = verdict
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        switch source {
        case .asSet(let analysis): CentralAttribution(analysis: analysis).render(in: rect, into: &screen)
        case .acrossWorlds(let worlds?, let current):
            WorldsAttributionView(worlds: worlds, verdict: verdict).render(in: rect, into: &screen)
            if !current { MovesLayout.dim(rect, into: &screen) }
        case .acrossWorlds(nil, _):
            let title = "\(WorldsAttributionView.short(verdict)) by lever · f"
            guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
            MovesLayout.computing(inner, into: &screen)
        }
    }
}

/// The central run's attribution ("as set"): the lead gained over Future 2's levers.
struct CentralAttribution {
    let analysis: Analysis

    func render(in rect: Rect, into screen: inout Screen) {
        let title = rect.width >= 50 ? "Lead gained over Future 2's levers (Shapley)" : "Lead over Future 2, by lever"
        guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
        let nameWidth = MovesLayout.nameWidth(inner)
        let a = analysis.attribution
        let end = analysis.outcome.leadMonths
        let base = end - a.total.leadMonths
        var rows: [MovesRow] = []
        if inner.height >= 7 {
            rows.append(
                MovesRow(
                    name: "Future 2 levers", from: 0, to: base, value: String(cFormat: "%.1f", base),
                    note: "the lead with every lever at Future 2's setting", style: Style(.future2, .bold)))
        }
        var cumulative = base
        for lever in LeverID.allCases {
            let share = a[lever].leadMonths
            let value = analysis.scenario.levers[lever]
            let note = "\(Format.value(Preset.future2.levers[lever], lever.spec)) → \(Format.value(value, lever.spec))"
            rows.append(
                MovesRow(
                    name: Labels.fitting(.lever(lever), width: nameWidth), from: cumulative, to: cumulative + share,
                    value: signedMonths(share), note: note))
            cumulative += share
        }
        rows.append(
            MovesRow(
                name: "Your policy", from: 0, to: end, value: String(cFormat: "%.1f", end),
                note: "the lead at \(monthLabel(analysis.scenario.horizon))", style: Style(.policy, .bold)))
        let scale = BarScale(values: rows.flatMap { [$0.from, $0.to] }, width: MovesLayout.barWidth(inner))
        let spacing = rows.count * 2 <= inner.height ? 2 : 1
        let footnote = wrap(Self.footnoteText, width: inner.width)
        if rows.count * spacing + 1 + footnote.count <= inner.height {
            MovesLayout.footnote(footnote, inner, into: &screen)
        }
        for (i, row) in rows.enumerated() where inner.y + i * spacing < inner.maxY {
            row.draw(
                y: inner.y + i * spacing, inner, nameWidth: nameWidth, scale: scale, notes: spacing == 2,
                into: &screen)
        }
    }

    /// How to read the bars.
    static let footnoteText =
        "Bars: each lever's Shapley share of the lead gained over Future 2's levers; the shares add up. "
        + "As set: the central run. Press a for the levers across worlds."
}
