import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Answer {
    /// The `twofutures answer` document of MODEL.md §5, keys in the order shown there.
    public func json(pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.head(scenario, assumptions: false)
        w.value("members", settings.members)
        w.value("seed", settings.seed)
        w.value("uncertainty", settings.uncertainty)
        w.beginArray("columns")
        for column in columns {
            w.beginObject()
            w.value("id", column.id)
            w.value("name", column.name)
            w.assumptions("assumptions", column.assumptions)
            w.summary("summary", column.summary)
            w.summary("base", column.base)
            w.summary("delayed", column.delayed)
            w.beginObject("shapley")
            for lever in LeverID.allCases { w.summary(lever.id, column[lever]) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    /// The CSV's header.
    public static let csvHeader = ["column", "name", "kind", "lever"] + Summary.ids

    /// A tidy long table: for each column (`yours`, then the lenses) one row each of kind
    /// `summary` (the scenario's levers), `base` (Future 2's levers), `delayed` (a year
    /// later) and `shapley` (one per lever, its id in `lever`), with the four Summary numbers.
    public func csv() -> String {
        var lines = [Self.csvHeader.joined(separator: ",")]
        for column in columns {
            let head = [column.id, Comparison.csvField(column.name)]
            func row(_ kind: String, _ lever: String, _ s: Summary) {
                lines.append((head + [kind, lever] + s.values.map(JSONWriter.number)).joined(separator: ","))
            }
            row("summary", "", column.summary)
            row("base", "", column.base)
            row("delayed", "", column.delayed)
            for lever in LeverID.allCases { row("shapley", lever.id, column[lever]) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A column's short header in the table: "Yours", "Essay", "Backfire", …; another
    /// lens's id, cut to 8 characters.
    public static func shortName(_ id: String) -> String {
        let known = [
            "yours": "Yours", "essay": "Essay", "backfire": "Backfire", "leaky": "Leaky",
            "distillation": "Distill", "price": "Price", "all-critics": "Critics", "optimist": "Optimist",
        ]
        return known[id] ?? String(id.prefix(8))
    }

    /// The answer for people, in one screen (at most 100 columns, about 35 lines): for
    /// `verdict`'s probability, each lever's Shapley points (from Future 2's levers to the
    /// scenario's) under each column's assumptions, the probability with both sets of levers,
    /// what a year's delay costs, and a sentence per column naming the lever that moves it most.
    public func table(for verdict: Summary.Verdict = .future1) -> String {
        let number = SummaryNumber(verdict)
        let p = "P(\(verdict.name))"
        let s = scenario
        let labelWidth = 26, cell = 9
        func row(_ label: String, _ cells: [String]) -> String {
            (Format.pad(label, labelWidth) + cells.map { Format.pad($0, cell, right: true) }.joined())
                .droppingTrailingSpaces()
        }
        var lines = ["TwoFutures (\(Constants.modelVersion)): which lever moves which future, under whose assumptions"]
        lines += Format.wrap(
            "Across worlds, not a forecast: \(settings.members) worlds for each column, drawn around its "
                + "assumptions (uncertainty \(settings.uncertainty), seed \(settings.seed); the same draws in "
                + "every column).", width: 100)
        let levers = LeverID.allCases.map { "\(Format.inSentence($0.spec.name)) \(Format.percent(s.levers[$0]))" }
        let preset = Preset.allCases.first { $0.levers == s.levers }.map {
            $0 == .statusQuo ? " (the status quo)" : " (\($0.title)'s preset)"
        }
        lines += Format.wrap(
            "Levers: " + levers.joined(separator: ", ") + (preset ?? "") + "; policy from "
                + "\(monthLabel(s.policyStart)); horizon \(monthLabel(s.horizon)).", width: 100)
        let legend = columns.map { column in
            column.id == "yours" ? "Yours = your assumptions" : "\(Self.shortName(column.id)) = \(column.name)"
        }
        lines += Format.wrap("Columns: " + legend.joined(separator: "; ") + ".", width: 100)
        lines.append("")
        lines.append("POINTS OF \(p.uppercased()) EACH LEVER ADDS, from Future 2's levers to these (Shapley)")
        lines.append(row("", columns.map { Self.shortName($0.id) }))
        for lever in LeverID.allCases {
            lines.append(row("  " + lever.spec.name, columns.map { Format.points(number.of($0[lever])) }))
        }
        lines.append(row("  All five", columns.map { Format.points(number.of($0.summary - $0.base)) }))
        lines.append(p)
        lines.append(row("  with these levers", columns.map { Format.percent(number.of($0.summary)) }))
        lines.append(row("  with Future 2's levers", columns.map { Format.percent(number.of($0.base)) }))
        lines.append(
            row("Median lead, these levers", columns.map { Format.outcome($0.summary.medianLead, .leadMonths) }))
        let later = Answer.delayedStart(s.policyStart)
        if later == s.policyStart {
            lines.append("A year's delay: none, the policy already starts at the latest, \(monthLabel(later)).")
        } else if s.levers == Preset.statusQuo.levers {
            lines += Format.wrap(
                "Starting \(monthLabel(later)) instead (a year's delay) changes nothing: these are the status quo's "
                    + "levers, which apply before the start anyway.", width: 100)
        } else {
            lines.append("Starting \(monthLabel(later)) instead (a year's delay) changes:")
            lines.append(
                row(
                    "  probability, points",
                    columns.map { Format.points(number.of($0.delayed) - number.of($0.summary)) }))
            lines.append(
                row(
                    "  median lead, months",
                    columns.map { SummaryNumber.medianLead.change($0.delayed.medianLead - $0.summary.medianLead) }))
        }
        lines.append("")
        lines.append("WHICH LEVER MOVES \(p.uppercased()) MOST")
        for column in columns {
            lines += Format.wrap(sentence(column, verdict), width: 100, indent: "  ", hanging: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One column's verdict in words: the lever with the largest Shapley share of `verdict`'s
    /// probability (`AnswerColumn.strongestLever`), or that none moves it.
    func sentence(_ column: AnswerColumn, _ verdict: Summary.Verdict) -> String {
        let number = SummaryNumber(verdict)
        let p = "P(\(verdict.name))"
        let whose = column.id == "yours" ? "your assumptions" : "\(column.name)"
        let level = Format.percent(number.of(column.summary))
        guard let (lever, share) = column.strongestLever(for: verdict) else {
            return "\(whose.capitalizedFirst): no lever moves \(p): it stays \(level)."
        }
        let name = Format.inSentence(lever.spec.name)
        let total = number.of(column.summary - column.base)
        if abs(share) < 0.0005 {
            return "\(whose.capitalizedFirst): hardly any lever moves \(p): the most, \(name), by less than "
                + "0.1 points (it is \(level))."
        }
        // Levers whose shares read the same as the strongest's are named with it.
        let tied = LeverID.allCases.filter {
            $0 != lever && Format.points(number.of(column[$0])) == Format.points(share)
        }
        let span = "of \(Format.points(total)) points."
        guard !tied.isEmpty else {
            return
                "\(whose.capitalizedFirst): \(name) \(Format.verb("move", for: lever)) it most, "
                + "\(Format.points(share)) \(span)"
        }
        let names = ([lever] + tied).map { Format.inSentence($0.spec.name) }
        return "\(whose.capitalizedFirst): \(names.dropLast().joined(separator: ", ")) and \(names.last!) move it "
            + "most, \(Format.points(share)) each, \(span)"
    }
}
