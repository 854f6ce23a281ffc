import FuturesModel

/// Turns model results into chart widgets.
enum ChartBuilder {
    /// Draws chart `kind` for the current results in `rect`.
    static func render(
        _ kind: ChartKind, state: State, analysis: Analysis, ensemble: EnsembleResult?, highlighted: Bool,
        in rect: Rect, into screen: inout Screen
    ) {
        let h = analysis.scenario.horizon
        guard let outcome = kind.outcome else {
            // In ASCII the eighths' blocks would all look alike: one shade per layer instead.
            stacked(
                analysis, highlighted: highlighted, noColor: state.view.noColor || state.view.theme.glyphs == .ascii
            )
            .render(in: rect, into: &screen)
            return
        }
        let series = SeriesID(rawValue: outcome.rawValue)!
        var lines =
            state.speaksAcrossWorlds
            ? worldsLines(outcome, state: state, analysis: analysis)
            : [
                ChartSeries(
                    label: "Future 2", shortLabel: "F2", values: analysis.future2[series], role: .future2, priority: 2),
                ChartSeries(
                    label: "Future 1", shortLabel: "F1", values: analysis.future1[series], role: .future1, priority: 3),
                ChartSeries(
                    label: "Your policy", shortLabel: "You", values: analysis.policy[series], role: .policy,
                    priority: 4),
            ]
        for pin in state.view.pins where pin.trajectory.horizon == h {
            var line = ChartSeries(
                label: "Pin \(pin.number)", shortLabel: "P\(pin.number)", values: pin.trajectory[series], role: .muted,
                priority: 1)
            line.pattern = .dashed
            lines.insert(line, at: 0)
        }
        if state.view.noColor {
            // Without colour the lines also differ by weight and dashes.
            for i in lines.indices {
                switch lines[i].role {
                // The ghost "as set" stays thin (dotted, dim).
                case .policy where lines[i].pattern == .solid: lines[i].flags.insert(.bold)
                case .future2: lines[i].pattern = .dashed
                case .muted: lines[i].flags = .dim
                default: break
                }
            }
        }
        var band: (low: [Double], high: [Double])?
        var median: [Double]?
        if let ensemble, ensemble.horizon == h {
            band = (ensemble.p10[outcome.rawValue], ensemble.p90[outcome.rawValue])
            // Across worlds "Your policy" is the median: no second, dotted one.
            median = state.speaksAcrossWorlds ? nil : ensemble.p50[outcome.rawValue]
        }
        var chart = LineChart(
            title: kind.title, shortTitle: kind.shortTitle, series: lines, band: band, median: median,
            thresholds: kind == .lead ? [Constants.future1Threshold, Constants.future2Threshold] : [],
            horizon: h, unit: kind == .lead ? .months : .share, highlighted: highlighted,
            marker: kind == .lead && analysis.scenario.policyStart > 0 ? analysis.scenario.policyStart : nil)
        chart.shadeBand = state.view.noColor
        chart.render(in: rect, into: &screen)
    }

    /// The lines across worlds: Future 2, Future 1 and your policy as the medians of their
    /// ensembles month by month, and the central run as a thin, muted dotted ghost ("as set").
    /// A median that is stale (computed for an earlier scenario, the next one refining) is
    /// dimmed; one that cannot be drawn (no ensemble yet at this horizon) is left out rather
    /// than replaced by a central run.
    static func worldsLines(_ outcome: OutcomeID, state: State, analysis: Analysis) -> [ChartSeries] {
        let series = SeriesID(rawValue: outcome.rawValue)!
        var ghost = ChartSeries(
            label: "as set", shortLabel: "as set", values: analysis.policy[series], role: .muted, priority: 1)
        ghost.pattern = .dotted
        ghost.isGhost = true
        var lines = [ghost]
        if let (futures, stale) = state.futuresShown {
            var f2 = ChartSeries(
                label: "Future 2", shortLabel: "F2", values: futures.future2.p50[outcome.rawValue], role: .future2,
                priority: 2)
            var f1 = ChartSeries(
                label: "Future 1", shortLabel: "F1", values: futures.future1.p50[outcome.rawValue], role: .future1,
                priority: 3)
            if stale {
                f2.flags = .dim
                f1.flags = .dim
            }
            lines += [f2, f1]
        }
        if let (ensemble, stale) = state.ensembleShown {
            var you = ChartSeries(
                label: "Your policy", shortLabel: "You", values: ensemble.p50[outcome.rawValue], role: .policy,
                priority: 4)
            if stale { you.flags = .dim }
            lines.append(you)
        }
        return lines
    }

    /// China's four sources under "Your policy", stacked bottom to top, as shares.
    static func stacked(_ analysis: Analysis, highlighted: Bool, noColor: Bool) -> StackedChart {
        let p = analysis.policy
        return StackedChart(
            title: ChartKind.chinaSources.title, shortTitle: ChartKind.chinaSources.shortTitle,
            layers: [
                StackLayer(label: "domestic", values: p[.chinaDomestic], role: .domestic, fill: "█"),
                StackLayer(label: "imports", values: p[.chinaImports], role: .imports, fill: "▓"),
                StackLayer(label: "smuggled", values: p[.chinaSmuggled], role: .smuggled, fill: "▒"),
                StackLayer(label: "offshore", values: p[.chinaOffshore], role: .offshore, fill: "░"),
            ],
            horizon: analysis.scenario.horizon, highlighted: highlighted, eighths: !noColor)
    }
}
