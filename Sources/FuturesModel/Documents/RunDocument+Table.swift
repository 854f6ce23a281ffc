import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunDocument {
    /// A readable summary for people: inputs, the outcome with its verdict, who holds the
    /// developing markets and the probabilities, both futures, and what moves the outcome;
    /// with `worlds`, what moves it across worlds.
    public func table() -> String {
        let s = scenario
        let out = analysis.outcome
        var lines = [String]()
        lines.append("TwoFutures (\(Constants.modelVersion)): an illustrative model, not a forecast")
        lines.append("Horizon \(s.horizon) months: \(monthLabel(0)) → \(monthLabel(s.horizon))")
        if s.policyStart > 0 {
            lines.append("Policy starts \(monthLabel(s.policyStart)): the status-quo levers apply before it")
        }
        lines.append("")
        lines.append(Format.pad("POLICY", 38) + "ASSUMPTIONS")
        let leftRows = (LeverID.allCases.map { ParameterID.lever($0) } + [.policyStart]).map {
            "  " + Format.pad($0.spec.name, 24) + Format.pad(Format.value(s[$0], $0.spec), 10, right: true)
        }
        let rightRows = AssumptionID.allCases.map {
            Format.pad($0.spec.name, 28) + Format.pad(Format.value(s.assumptions[$0], $0.spec), 10, right: true)
        }
        for i in 0..<max(leftRows.count, rightRows.count) {
            let left = i < leftRows.count ? leftRows[i] : ""
            lines.append(Format.pad(left, 38) + (i < rightRows.count ? rightRows[i] : ""))
        }
        lines.append("")
        lines.append("OUTCOME IN \(monthLabel(s.horizon))")
        if let e = ensemble {
            // The verdict across worlds first: the central run is one world among them.
            let p = e.probability
            let best = p.mostLikely.future
            lines.append(
                "  " + Format.pad("Most likely", 22) + Format.pad(best.title.uppercased(), 10, right: true)
                    + "   \(Format.percent(p[best])) of \(e.settings.members) worlds (uncertainty "
                    + "\(e.settings.uncertainty), seed \(e.settings.seed))")
            lines.append(
                "  " + Format.pad("Probability", 22)
                    + "P(Future 1) \(Format.percent(p.future1)) · contested \(Format.percent(p.contested))"
                    + " · P(Future 2) \(Format.percent(p.future2))")
        } else {
            lines.append("  " + Format.pad("Probability", 22) + "not computed: add --members N for an ensemble")
        }
        lines.append(
            "  " + Format.pad("Central run", 22) + Format.pad(out.future.title.uppercased(), 10, right: true)
                + "   every assumption at its set value (Future 1: lead ≥ 12 mo; Future 2: ≤ 3 mo)")
        var markets =
            "  " + Format.pad("Developing markets", 22) + Format.pad(out.markets.title.uppercased(), 10, right: true)
            + "   central run (China's when US-stack adoption < \(Format.percent(Constants.marketsThreshold)))"
        if let e = ensemble { markets += " · P(China's markets) \(Format.percent(e.probability.chinaMarkets))" }
        lines.append(markets)
        if let drivers, let first = drivers.first, first.share > 0 {
            // The three assumptions the spread of the lead comes from most.
            let top = drivers.prefix(3).filter { $0.share > 0 }.map {
                "\($0.assumption.spec.name.lowercased()) \(Format.percent($0.share))"
            }
            lines.append("  " + Format.pad("Spread of the lead", 22) + "comes most from " + top.joined(separator: ", "))
        }
        for id in OutcomeID.allCases {
            var row = "  " + Format.pad(id.title, 22) + Format.pad(Format.outcome(out[id], id), 10, right: true)
            if let e = ensemble {
                row +=
                    "   median " + Format.outcome(e.p50[id.rawValue][s.horizon], id) + ", p10–p90 "
                    + Format.outcome(e.p10[id.rawValue][s.horizon], id) + " … "
                    + Format.outcome(e.p90[id.rawValue][s.horizon], id)
            }
            lines.append(row)
        }
        lines.append("")
        lines.append("BOTH FUTURES UNDER THESE ASSUMPTIONS")
        for (name, run) in [
            ("Future 1 preset", analysis.future1), ("Future 2 preset", analysis.future2),
            ("Your policy", analysis.policy),
        ] {
            let o = run.outcome
            lines.append(
                "  " + Format.pad(name, 18)
                    + OutcomeID.allCases.map { Format.pad(Format.outcome(o[$0], $0), 9, right: true) }
                    .joined(separator: "  ")
                    + "   " + o.future.title)
        }
        lines.append(
            "  " + String(repeating: " ", count: 18)
                + ["lead", "compute", "adoption", "norms"].map { Format.pad($0, 9, right: true) }
                .joined(separator: "  "))
        lines.append("")
        lines.append("WHAT MOVES THE LEAD (each parameter from its low to its high end, others as set)")
        for row in analysis.sensitivity.prefix(8) {
            let spec = row.parameter.spec
            lines.append(
                "  " + Format.pad(spec.name, 28)
                    + Format.pad(Format.outcome(row.low.leadMonths, .leadMonths), 9, right: true) + " → "
                    + Format.pad(Format.outcome(row.high.leadMonths, .leadMonths), 9, right: true)
                    + "   swing " + Format.delta(row.swing.leadMonths, .leadMonths))
        }
        let a = analysis.attribution
        lines.append("")
        lines.append(
            "ATTRIBUTION vs the Future 2 preset (Shapley; total "
                + Format.delta(a.total.leadMonths, .leadMonths) + " of lead)")
        let largest = max(1e-12, a.shares.map { abs($0.leadMonths) }.max() ?? 0)
        for lever in LeverID.allCases {
            let share = a[lever].leadMonths
            let bar = String(repeating: "█", count: Int((abs(share) / largest * 20).rounded()))
            lines.append(
                "  " + Format.pad(lever.spec.name, 24)
                    + Format.pad(Format.delta(share, .leadMonths), 9, right: true) + "  " + bar)
        }
        if let worlds {
            lines.append("")
            lines += worlds.tableLines()
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
