import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AnswerColumn {
    /// The levers that move `verdict` most as a table shows them (Shapley points with one
    /// decimal, `Format.points`): the strongest and every lever whose share reads the same
    /// size, in table order; empty when every share reads 0.0.
    public func leadingLevers(for verdict: Summary.Verdict) -> [LeverID] {
        guard let best = strongestLever(for: verdict) else { return [] }
        let top = Format.points(abs(best.share))
        guard top != "0.0" else { return [] }
        return LeverID.allCases.filter { Format.points(abs(self[$0][verdict])) == top }
    }
}

extension Answer {
    /// The finding in one sentence, from the numbers a table shows (one decimal of a
    /// point): the lever that moves `verdict`'s probability most under the most columns
    /// ("views"), levers that tie named together, "raises" or "lowers" where all those
    /// shares agree in sign, then what leads under the other views, each named by its short
    /// header: "Export controls raise Future 1 most under 5 of 8 views (offshore compute as
    /// much under 4 of them: levers that read the same in at least half); under Leaky it is
    /// offshore compute; under Critics no lever moves it."
    public func finding(for verdict: Summary.Verdict) -> String {
        let n = columns.count
        let leading = columns.map { $0.leadingLevers(for: verdict) }
        let counts = LeverID.allCases.map { lever in leading.filter { $0.contains(lever) }.count }
        let most = counts.max() ?? 0
        guard most > 0 else { return noLever(for: verdict) }
        let top = LeverID.allCases.filter { counts[$0.rawValue] == most }
        let scope = most == n ? (n == 1 ? "under this view" : "under all \(n) views") : "under \(most) of \(n) views"
        // Which way: raises where every leading share of the top levers is positive, lowers
        // where every one is negative.
        let signs = Set(
            columns.indices.flatMap { i in
                top.filter(leading[i].contains).map { columns[i][$0][verdict] > 0 }
            })
        let verb = signs == [true] ? "raise" : signs == [false] ? "lower" : "move"
        var sentence =
            Self.list(top.map { Format.inSentence($0.spec.name) }).capitalizedFirst
            + (top.count == 1 ? " \(Format.verb(verb, for: top[0])) " : " each \(verb) ")
            + "\(verdict.name) most \(scope)"
        // Levers that read the same as a top lever in at least half of its views, with how many.
        var ties: [String] = []
        for lever in LeverID.allCases where !top.contains(lever) {
            let views = columns.indices.filter {
                leading[$0].contains(lever) && top.contains(where: leading[$0].contains)
            }
            if 2 * views.count >= most { ties.append("\(Format.inSentence(lever.spec.name)) under \(views.count)") }
        }
        if !ties.isEmpty {
            ties[0] =
                ties[0].replacing(" under ", with: " as much under ")
                + (ties.count == 1 ? " of them" : "")
            sentence += " (" + ties.joined(separator: ", ") + ")"
        }
        // The other views, grouped by what leads there, in the columns' order.
        var groups: [(what: String, views: [String])] = []
        for (i, column) in columns.enumerated() where !top.contains(where: leading[i].contains) {
            let what: String
            if leading[i].isEmpty {
                let exact = LeverID.allCases.allSatisfy { column[$0][verdict] == 0 }
                what = exact ? "no lever moves it" : "no lever moves it by 0.1 points or more"
            } else {
                what = "it is " + Self.list(leading[i].map { Format.inSentence($0.spec.name) })
            }
            let name = Self.shortName(column.id)
            if let g = groups.firstIndex(where: { $0.what == what }) {
                groups[g].views.append(name)
            } else {
                groups.append((what, [name]))
            }
        }
        for group in groups {
            sentence += "; under \(Self.list(group.views)) \(group.what)"
        }
        return sentence + "."
    }

    /// Whether no lever moves `verdict` by a shown tenth of a point under any view (the
    /// case `noLever(for:)` words).
    public func nothingMoves(_ verdict: Summary.Verdict) -> Bool {
        columns.allSatisfy { $0.leadingLevers(for: verdict).isEmpty }
    }

    /// The finding where no lever moves `verdict` under any view. The split runs from
    /// Future 2's levers to the scenario's, so the sentence says so, and why nothing moves
    /// where the numbers show it: "Your levers are Future 2's, where the split starts: no
    /// lever has anything to add." or "From Future 2's levers to yours no lever moves Future 1
    /// under any of the 8 views: P(Future 1) is 0 % with either in every view."
    func noLever(for verdict: Summary.Verdict) -> String {
        let n = columns.count
        if scenario.levers == Preset.future2.levers {
            return "Your levers are Future 2's, where the split starts: no lever has anything to add."
        }
        let exact = columns.allSatisfy { c in LeverID.allCases.allSatisfy { c[$0][verdict] == 0 } }
        var text =
            "From Future 2's levers to yours no lever moves \(verdict.name)"
            + (exact ? "" : " by 0.1 points or more") + " under any of the \(n) views"
        let shown = Set(columns.flatMap { [Format.percent($0.summary[verdict]), Format.percent($0.base[verdict])] })
        if shown.count == 1, let p = shown.first {
            text += ": P(\(verdict.name)) is \(p) with either in every view"
        }
        return text + "."
    }

    /// What a year's delay does to `verdict`'s probability, as the delay row shows it:
    /// "Waiting a year (from 2027-01) changes P(Future 1) by −44.3 points under your
    /// assumptions, from −44.5 to −0.1 across the 8 views." Nil where the delay changes
    /// nothing by construction (the start is the latest already; the status quo's levers).
    public func delayFinding(for verdict: Summary.Verdict) -> String? {
        let later = Self.delayedStart(scenario.policyStart)
        guard later != scenario.policyStart, scenario.levers != Preset.statusQuo.levers, let yours = columns.first
        else { return nil }
        let changes = columns.map { $0.delayed[verdict] - $0.summary[verdict] }
        let p = "P(\(verdict.name))"
        var text =
            "Waiting a year (from \(monthLabel(later))) changes \(p) by \(Format.points(changes[0])) points under "
            + (yours.id == "yours" ? "your assumptions" : Self.shortName(yours.id))
        let low = Format.points(changes.min()!), high = Format.points(changes.max()!)
        text += low == high ? ", and under every view." : ", from \(low) to \(high) across the \(columns.count) views."
        return text
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
