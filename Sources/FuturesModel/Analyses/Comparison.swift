import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures compare`: several scenarios side by side: the outcome, the probabilities
/// of an ensemble (the three futures and China's markets) and the top 3 lever attributions (lead months vs the Future 2 preset).
public struct Comparison: Sendable {
    public struct Entry: Sendable {
        public let label: String
        public let analysis: Analysis
        public let ensemble: EnsembleResult

        public init(label: String, analysis: Analysis, ensemble: EnsembleResult) {
            self.label = label
            self.analysis = analysis
            self.ensemble = ensemble
        }

        /// The scenario's share token.
        public var token: String { ShareToken.encode(analysis.scenario) }

        /// The three levers with the largest attributed lead, by absolute size (ties: table order).
        public var topAttributions: [(LeverID, Double)] {
            let a = analysis.attribution
            let sorted = LeverID.allCases.sorted { x, y in
                let (ax, ay) = (abs(a[x].leadMonths), abs(a[y].leadMonths))
                return ax != ay ? ax > ay : x < y
            }
            return sorted.prefix(3).map { ($0, a[$0].leadMonths) }
        }
    }

    public let entries: [Entry]

    /// A short name for a scenario given as a token: its preset's ("Future 1"), else
    /// "Scenario N"; a later start and changed assumptions are said.
    public static func name(_ scenario: Scenario, number: Int) -> String {
        var name = Preset.allCases.first { $0.levers == scenario.levers }?.title ?? "Scenario \(number)"
        if scenario.policyStart > 0 { name += " from \(monthLabel(scenario.policyStart))" }
        if scenario.assumptions != Assumptions() { name += "*" }
        return name
    }

    public init(entries: [Entry]) { self.entries = entries }

    /// Runs each scenario with an ensemble of `settings` (2000 members, seed 1 by default).
    public init(
        _ scenarios: [(label: String, scenario: Scenario)],
        settings: EnsembleSettings = EnsembleSettings(members: 2000, seed: 1),
        threads: Int = 1
    ) {
        entries = scenarios.map { item in
            Entry(
                label: item.label, analysis: Analysis(item.scenario),
                ensemble: Ensemble.run(item.scenario, settings: settings, threads: threads)!)
        }
    }

    public func json() -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("model", Constants.modelVersion)
        if let first = entries.first {
            w.value("members", first.ensemble.settings.members)
            w.value("seed", first.ensemble.settings.seed)
        }
        w.beginArray("scenarios")
        for e in entries {
            w.beginObject()
            w.value("label", e.label)
            w.value("token", ShareToken.encode(e.analysis.scenario))
            w.value("policy_start", e.analysis.scenario.policyStart)
            w.beginObject("outcome")
            for id in OutcomeID.allCases { w.value(id.id, e.analysis.outcome[id]) }
            w.value("future", e.analysis.outcome.future.rawValue)
            w.endObject()
            w.beginObject("probability")
            for f in Future.allCases { w.value(f.rawValue, e.ensemble.probability[f]) }
            w.value("china_markets", e.ensemble.probability.chinaMarkets)
            w.endObject()
            w.beginArray("top_attribution")
            for (lever, lead) in e.topAttributions {
                w.beginObject()
                w.value("lever", lever.id)
                w.value("lead_months", lead)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    /// One row per scenario.
    public func csv() -> String {
        var header = ["label", "token", "policy_start"] + OutcomeID.allCases.map(\.id) + ["future"]
        header += Future.allCases.map { "p_\($0.rawValue)" } + ["p_china_markets"]
        for i in 1...3 { header += ["top\(i)_lever", "top\(i)_lead_months"] }
        var lines = [header.joined(separator: ",")]
        for e in entries {
            var row = [
                Self.csvField(e.label), ShareToken.encode(e.analysis.scenario), String(e.analysis.scenario.policyStart),
            ]
            row += OutcomeID.allCases.map { JSONWriter.number(e.analysis.outcome[$0]) }
            row.append(e.analysis.outcome.future.rawValue)
            row += Future.allCases.map { JSONWriter.number(e.ensemble.probability[$0]) }
            row.append(JSONWriter.number(e.ensemble.probability.chinaMarkets))
            for (lever, lead) in e.topAttributions { row += [lever.id, JSONWriter.number(lead)] }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A side-by-side table for people: one column per scenario.
    public func table() -> String {
        let labelWidth = 26, width = 30
        func row(_ title: String, _ cells: [String]) -> String {
            (Format.pad(title, labelWidth) + cells.map { Format.pad($0, width, right: true) }.joined())
                .droppingTrailingSpaces()
        }
        var lines = [row("", entries.map(\.label))]
        lines.append(row("Policy starts", entries.map { monthLabel($0.analysis.scenario.policyStart) }))
        lines.append(
            row(
                "Most likely across worlds",
                entries.map { e in
                    let (best, p) = e.ensemble.probability.mostLikely
                    return "\(best.title), \(Format.percent(p))"
                }))
        lines.append(row("Central run", entries.map { $0.analysis.outcome.future.title }))
        for id in OutcomeID.allCases {
            lines.append(row(id.title, entries.map { Format.outcome($0.analysis.outcome[id], id) }))
        }
        let members = entries.first?.ensemble.settings.members ?? 0
        let seed = entries.first?.ensemble.settings.seed ?? 0
        lines.append("")
        lines.append("PROBABILITIES (\(members) members, seed \(seed))")
        for f in Future.allCases {
            lines.append(row("P(\(f.title))", entries.map { Format.percent($0.ensemble.probability[f]) }))
        }
        lines.append(
            row("P(China's markets)", entries.map { Format.percent($0.ensemble.probability.chinaMarkets) }))
        lines.append("")
        lines.append("TOP 3 ATTRIBUTIONS (lead vs the Future 2 preset)")
        for i in 0..<3 {
            lines.append(
                row(
                    "#\(i + 1)",
                    entries.map { e in
                        let (lever, lead) = e.topAttributions[i]
                        return "\(lever.spec.name) " + Format.delta(lead, .leadMonths)
                    }))
        }
        // Every column's scenario as a token: what it holds, to paste elsewhere.
        lines.append("")
        lines.append("SHARE TOKENS" + (entries.contains { $0.label.hasSuffix("*") } ? " (* assumptions changed)" : ""))
        for e in entries { lines.append("  \(e.label): \(e.token)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }
}

extension SeekResult {
    /// `{"lever", "value" (null when out of reach), "lead_months"}`; with `--probability`
    /// also `"target_probability"`, `"p_future1"` (at the value, or the best reached),
    /// `"members"` and `"seed"`.
    public func json() -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("lever", lever.id)
        if let value { w.value("value", value) } else { w.null("value") }
        w.value("lead_months", leadMonths)
        if let probability {
            w.value("target_probability", probability.target)
            w.value("p_future1", probability.achieved)
            w.value("members", probability.settings.members)
            w.value("seed", probability.settings.seed)
        }
        w.endObject()
        return w.text + "\n"
    }
}
