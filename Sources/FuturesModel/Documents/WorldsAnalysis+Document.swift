import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONWriter {
    /// `run --worlds`'s `"worlds"` object (MODEL.md §5), keys in the order shown there.
    mutating func worlds(_ key: String?, _ worlds: WorldsAnalysis) {
        beginObject(key)
        value("members", worlds.settings.members)
        value("seed", worlds.settings.seed)
        value("uncertainty", worlds.settings.uncertainty)
        summary("summary", worlds.summary)
        beginArray("sensitivity")
        for row in worlds.sensitivity {
            beginObject()
            value("id", row.id)
            value("kind", row.kind.rawValue)
            summary("low", row.low)
            summary("high", row.high)
            summary("swing", row.swing)
            endObject()
        }
        endArray()
        let a = worlds.attribution
        beginObject("attribution")
        value("base", a.base.rawValue)
        summary("base_summary", a.baseSummary)
        summary("total", a.total)
        beginObject("levers")
        for lever in LeverID.allCases { summary(lever.id, a[lever]) }
        endObject()
        endObject()
        beginObject("response")
        for r in worlds.response {
            beginObject(r.id)
            if r.parameter == .policyStart {
                integers("values", r.values.map { Int($0) })
            } else {
                numbers("values", r.values)
            }
            numbers("median_lead", r.medianLead)
            numbers("p_future1", r.pFuture1)
            endObject()
        }
        endObject()
        endObject()
    }
}

/// One of the four numbers of a `Summary`, as a table says it.
enum SummaryNumber: Int, CaseIterable {
    case medianLead, pFuture1, pFuture2, pChinaMarkets

    init(_ verdict: Summary.Verdict) {
        switch verdict {
        case .future1: self = .pFuture1
        case .future2: self = .pFuture2
        case .chinaMarkets: self = .pChinaMarkets
        }
    }

    func of(_ s: Summary) -> Double { s.values[rawValue] }

    /// "the median lead", "P(Future 1)".
    var name: String {
        switch self {
        case .medianLead: "the median lead"
        case .pFuture1: "P(Future 1)"
        case .pFuture2: "P(Future 2)"
        case .pChinaMarkets: "P(China's markets)"
        }
    }

    /// A level: "12.1 mo", "51 %".
    func level(_ x: Double) -> String {
        self == .medianLead ? Format.outcome(x, .leadMonths) : Format.percent(x)
    }

    /// A signed change without its unit: "+4.6" (months), "+12.7" (points).
    func change(_ x: Double) -> String {
        self == .medianLead ? String(Format.delta(x, .leadMonths).dropLast(3)) : Format.points(x)
    }

    /// The unit of `change`: "months", "points".
    var unit: String { self == .medianLead ? "months" : "points" }

    /// A signed change with its unit: "+4.6 mo", "+12.7 pts".
    func changeWithUnit(_ x: Double) -> String {
        self == .medianLead ? Format.delta(x, .leadMonths) : Format.points(x) + " pts"
    }
}

extension WorldsAttribution {
    /// The split of one number in words: "Of the +51.2 points of P(Future 1) from Future 2's
    /// levers to these: export controls +12.7, offshore compute +12.7, …" (largest share
    /// first; equal shares in table order); "P(Future 2) is 0 % with these levers and with
    /// Future 2's: no lever moves it." when every share is 0.
    func sentence(_ number: SummaryNumber) -> String {
        let shares = LeverID.allCases.map { (lever: $0, share: number.of(self[$0])) }
        guard shares.contains(where: { $0.share != 0 }) else {
            return "\(number.name.capitalizedFirst) is \(number.level(number.of(baseSummary))) with these levers "
                + "and with \(base.title)'s: no lever moves it."
        }
        let ordered = stableSorted(shares) { abs($0.share) > abs($1.share) }
        let parts = ordered.map { "\(Format.inSentence($0.lever.spec.name)) \(number.change($0.share))" }
        return "Of the \(number.change(number.of(total))) \(number.unit) of \(number.name) from \(base.title)'s "
            + "levers to these: " + parts.joined(separator: ", ") + "."
    }
}

extension String {
    /// The string with its first character in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension WorldsAnalysis {
    /// The table's section across worlds, at most 80 columns wide: the Summary, the largest
    /// swings of the median lead and of P(Future 1) (each parameter from its low end to its
    /// high end, in the same worlds), and the Shapley split of each number in words.
    public func tableLines(rows: Int = 5) -> [String] {
        let width = 80
        var lines = [
            "ACROSS \(settings.members) WORLDS (uncertainty \(settings.uncertainty), seed \(settings.seed); "
                + "the same worlds throughout)"
        ]
        let s = summary
        lines += Format.wrap(
            "Median lead \(Format.outcome(s.medianLead, .leadMonths)); P(Future 1) \(Format.percent(s.pFuture1)), "
                + "P(Future 2) \(Format.percent(s.pFuture2)), P(China's markets) \(Format.percent(s.pChinaMarkets))",
            width: width, indent: "  ")
        for number in [SummaryNumber.medianLead, .pFuture1] {
            let moving = stableSorted(sensitivity.filter { number.of($0.swing) != 0 }) {
                abs(number.of($0.swing)) > abs(number.of($1.swing))
            }
            guard !moving.isEmpty else {
                lines += Format.wrap(
                    "Nothing moves \(number.name) from its low end to its high end: it stays "
                        + "\(number.level(number.of(s))).", width: width, indent: "  ", hanging: "    ")
                continue
            }
            lines.append(
                "  What moves \(number.name) most (each parameter, low end → high end):")
            for row in moving.prefix(rows) {
                lines.append(
                    "    " + Format.pad(row.parameter.spec.name, 28)
                        + Format.pad(number.level(number.of(row.low)), 8, right: true) + " → "
                        + Format.pad(number.level(number.of(row.high)), 8, right: true) + "   swing "
                        + number.changeWithUnit(number.of(row.swing)))
            }
        }
        lines.append("  Each lever's share of the change from \(attribution.base.title)'s levers to these (Shapley):")
        for number in [SummaryNumber.pFuture1, .pFuture2, .pChinaMarkets, .medianLead] {
            lines += Format.wrap(attribution.sentence(number), width: width, indent: "    ", hanging: "      ")
        }
        return lines
    }
}
