/// The headless output of MODEL.md §5, as JSON, CSV or a table for people.
public struct RunDocument: Sendable {
    public let analysis: Analysis
    public let ensemble: EnsembleResult?
    /// The drivers of the ensemble's spread (MODEL.md §4), written with the ensemble.
    public let drivers: [Driver]?
    /// The results across worlds (MODEL.md §4), written as `worlds` (`run --worlds`).
    public let worlds: WorldsAnalysis?

    public init(analysis: Analysis, ensemble: EnsembleResult?, drivers: [Driver]? = nil, worlds: WorldsAnalysis? = nil)
    {
        self.analysis = analysis
        self.ensemble = ensemble
        self.drivers = ensemble == nil ? nil : drivers
        self.worlds = worlds
    }

    var scenario: Scenario { analysis.scenario }
    var months: [String] { (0...scenario.horizon).map(monthLabel) }

    /// The JSON document of MODEL.md §5, keys in the order shown there.
    public func json(pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.head(scenario, start: true)
        w.strings("months", months)
        w.beginObject("series")
        for s in SeriesID.allCases { w.numbers(s.id, analysis.policy[s]) }
        w.endObject()
        w.beginObject("outcome")
        writeOutcome(&w, analysis.outcome)
        w.value("future", analysis.outcome.future.rawValue)
        w.value("markets", analysis.outcome.markets.rawValue)
        w.endObject()
        w.beginArray("sensitivity")
        for row in analysis.sensitivity {
            w.beginObject()
            w.value("id", row.id)
            w.value("kind", row.kind.rawValue)
            w.beginObject("low")
            writeOutcome(&w, row.low)
            w.endObject()
            w.beginObject("high")
            writeOutcome(&w, row.high)
            w.endObject()
            w.beginObject("swing")
            writeOutcome(&w, row.swing)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.beginObject("attribution")
        w.value("base", analysis.attribution.base.rawValue)
        w.beginObject("total")
        writeOutcome(&w, analysis.attribution.total)
        w.endObject()
        w.beginObject("levers")
        for l in LeverID.allCases {
            w.beginObject(l.id)
            writeOutcome(&w, analysis.attribution[l])
            w.endObject()
        }
        w.endObject()
        w.endObject()
        w.beginObject("response")
        for l in LeverID.allCases { w.numbers(l.id, analysis.response[l.rawValue]) }
        w.endObject()
        if let ensemble {
            w.beginObject("ensemble")
            w.value("members", ensemble.settings.members)
            w.value("seed", ensemble.settings.seed)
            w.value("uncertainty", ensemble.settings.uncertainty)
            for (key, band) in [("p10", ensemble.p10), ("p50", ensemble.p50), ("p90", ensemble.p90)] {
                w.beginObject(key)
                for o in OutcomeID.allCases { w.numbers(o.id, band[o.rawValue]) }
                w.endObject()
            }
            w.beginObject("probability")
            for f in Future.allCases { w.value(f.rawValue, ensemble.probability[f]) }
            w.value("china_markets", ensemble.probability.chinaMarkets)
            w.endObject()
            if let drivers {
                w.beginArray("drivers")
                for driver in drivers {
                    w.beginObject()
                    w.value("id", driver.assumption.id)
                    w.value("share", driver.share)
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        if let worlds { w.worlds("worlds", worlds) }
        w.endObject()
        return w.text + "\n"
    }

    private func writeOutcome(_ w: inout JSONWriter, _ o: Outcome) {
        for id in OutcomeID.allCases { w.value(id.id, o[id]) }
    }

    /// One row per month: which levers are in force (`status_quo` before `policy_start`,
    /// `policy` from it), then one column per series, then `markets`, who would hold the
    /// developing markets by that month's adoption (`us` or `china`; the outcome's at the
    /// horizon); with an ensemble, p10/p50/p90 columns for each outcome follow. The results
    /// across worlds are not per month: they have no CSV form.
    public func csv() -> String {
        var header = ["month", "levers"] + SeriesID.allCases.map(\.id) + ["markets"]
        if ensemble != nil {
            for o in OutcomeID.allCases {
                header += ["p10", "p50", "p90"].map { "\(o.id)_\($0)" }
            }
        }
        var lines = [header.joined(separator: ",")]
        for t in 0...scenario.horizon {
            var cells = [monthLabel(t), t < scenario.policyStart ? "status_quo" : "policy"]
            cells += SeriesID.allCases.map { JSONWriter.number(analysis.policy[$0][t]) }
            cells.append(Markets(adoption: analysis.policy[.adoption][t]).rawValue)
            if let ensemble {
                for o in OutcomeID.allCases {
                    cells += [ensemble.p10, ensemble.p50, ensemble.p90].map { JSONWriter.number($0[o.rawValue][t]) }
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
