import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension RobustnessResult {
    /// The `twofutures robust` document of MODEL.md §5, keys in the order shown there.
    public func json(pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.head(scenario)
        w.value("members", settings.members)
        w.value("seed", settings.seed)
        w.value("uncertainty", settings.uncertainty)
        w.beginArray("rows")
        for row in rows {
            w.beginObject()
            w.value("id", row.id)
            row.writeValue(&w, "weak", row.weak)
            row.writeValue(&w, "strong", row.strong)
            for (key, p) in [("p_future1", row.pFuture1), ("p_future2", row.pFuture2)] {
                w.beginObject(key)
                w.value("weak", p.weak)
                w.value("strong", p.strong)
                w.value("delta", p.delta)
                w.endObject()
            }
            w.value("median_gain", row.medianGain)
            w.value("helps", row.helps)
            w.value("hurts", row.hurts)
            w.value("pivotal", row.pivotal)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    /// One line per row, in the document's order and with its keys flattened.
    public func csv() -> String {
        let header = [
            "id", "weak", "strong", "p_future1_weak", "p_future1_strong", "p_future1_delta", "p_future2_weak",
            "p_future2_strong", "p_future2_delta", "median_gain", "helps", "hurts", "pivotal",
        ]
        var lines = [header.joined(separator: ",")]
        for row in rows {
            let numbers = [
                row.pFuture1.weak, row.pFuture1.strong, row.pFuture1.delta, row.pFuture2.weak, row.pFuture2.strong,
                row.pFuture2.delta, row.medianGain, row.helps, row.hurts, row.pivotal,
            ]
            let values =
                row.kind == .timing
                ? [String(Int(row.weak)), String(Int(row.strong))] : [row.weak, row.strong].map(JSONWriter.number)
            lines.append(([row.id] + values + numbers.map(JSONWriter.number)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A sentence per row, for people: "Export controls (30→90 %): P(Future 1) +52 pts,
    /// P(Future 2) −10 pts, median +7.5 mo; helps in 98 %, hurts in 0 %, pivotal in 55 %
    /// of worlds".
    public func table() -> String {
        let s = scenario
        var lines = ["TwoFutures (\(Constants.modelVersion)): an illustrative model, not a forecast"]
        lines.append(
            "LEVERS ACROSS WORLDS in \(monthLabel(s.horizon)): the same \(settings.members) worlds (uncertainty "
                + "\(settings.uncertainty), seed \(settings.seed)) at both settings of each row")
        lines.append(
            "As set: levers "
                + LeverID.allCases.map { String(cFormat: "%.0f", s.levers[$0] * 100) }
                .joined(separator: ", ") + " %, policy starts \(monthLabel(s.policyStart)), " + Self.assumptionsText(s))
        lines.append("")
        for (i, row) in rows.enumerated() {
            lines.append(Format.pad("\(i + 1).", 4) + row.sentence)
        }
        lines.append("")
        lines.append("Each row moves one setting in every world, the rest as set: a lever from Future 2's value")
        lines.append(
            "to Future 1's, the start from \(monthLabel(Robustness.lateStart)) to now. Pivotal: the world's future "
                + "changes with it.")
        lines.append("Rows by how far they move P(Future 1) and P(Future 2), then by the median gain.")
        lines.append("Future 1: lead ≥ 12 mo at the horizon; Future 2: ≤ 3 mo; contested between.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "assumptions at their defaults", or "assumptions at their defaults but Controls
    /// backfire 0.90, Control leakage 0.95".
    static func assumptionsText(_ s: Scenario) -> String {
        let changed = AssumptionID.allCases.filter { s.assumptions[$0] != $0.spec.defaultValue }
        if changed.isEmpty { return "assumptions at their defaults" }
        return "assumptions at their defaults but "
            + changed.map { "\($0.spec.name) \(Format.value(s.assumptions[$0], $0.spec))" }.joined(separator: ", ")
    }
}

extension RobustnessRow {
    /// The row as one sentence (see `RobustnessResult.table`).
    public var sentence: String {
        let what =
            kind == .timing
            ? "Starting now instead of \(monthLabel(Int(weak)))"
            : "\(parameter.spec.name) (\(String(cFormat: "%.0f", weak * 100))→\(String(cFormat: "%.0f", strong * 100)) %)"
        return "\(what): P(Future 1) \(Self.points(pFuture1.delta)), P(Future 2) \(Self.points(pFuture2.delta)), "
            + "median \(Format.delta(medianGain, .leadMonths)); helps in \(Format.percent(helps)), "
            + "hurts in \(Format.percent(hurts)), pivotal in \(Format.percent(pivotal)) of worlds"
    }

    /// A change of probability in percentage points: "+52 pts", "−1.5 pts", "0 pts" (with
    /// `unit` "" the number alone).
    public static func points(_ delta: Double, unit: String = " pts") -> String {
        let p = abs(delta) * 100
        let magnitude = p >= 9.95 ? String(cFormat: "%.0f", p) : String(cFormat: "%.1f", p)
        if magnitude == "0.0" { return "0" + unit }
        return (delta < 0 ? "−" : "+") + magnitude + unit
    }

    /// Writes a row's value: whole months for the start, the lever's value otherwise.
    func writeValue(_ w: inout JSONWriter, _ key: String, _ x: Double) {
        if kind == .timing { w.value(key, Int(x)) } else { w.value(key, x) }
    }
}
