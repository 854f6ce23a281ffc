/// One row of the sensitivity table: the outcome with one parameter at each end of its range.
public struct SensitivityRow: Sendable, Equatable {
    public let parameter: ParameterID
    public let low: Outcome
    public let high: Outcome
    /// `high − low`.
    public var swing: Outcome { high - low }

    public var id: String { parameter.spec.id }
    public var kind: ParameterKind { parameter.spec.kind }
}

public enum Sensitivity {
    /// For each lever: the outcome with that lever at 0 and at 1, the others as set. For
    /// each assumption: the outcome at its min and max. Rows are sorted by |swing of
    /// lead_months|, largest first; ties keep table order (a stable sort).
    public static func rows(_ scenario: Scenario) -> [SensitivityRow] {
        rows(scenario, leverOutcomes: nil, current: Simulation.outcome(scenario))
    }

    /// The rows, reusing what is already known: each lever's outcomes at 0 and 1 (the ends
    /// of `Response.outcomes`), and the current outcome wherever an end is the scenario itself.
    static func rows(_ scenario: Scenario, leverOutcomes: [[Outcome]]?, current: Outcome) -> [SensitivityRow] {
        func outcome(_ s: Scenario) -> Outcome { s == scenario ? current : Simulation.outcome(s) }
        let unsorted = ParameterID.all.map { id -> SensitivityRow in
            if case .lever(let lever) = id, let curve = leverOutcomes?[lever.rawValue], let last = curve.last {
                return SensitivityRow(parameter: id, low: curve[0], high: last)
            }
            var low = scenario, high = scenario
            low[id] = id.spec.min
            high[id] = id.spec.max
            return SensitivityRow(parameter: id, low: outcome(low), high: outcome(high))
        }
        return stableSorted(unsorted) { abs($0.swing.leadMonths) > abs($1.swing.leadMonths) }
    }
}

/// A stable sort: equal elements keep their order.
func stableSorted<T>(_ items: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
    items.enumerated().sorted { a, b in
        if areInIncreasingOrder(a.element, b.element) { return true }
        if areInIncreasingOrder(b.element, a.element) { return false }
        return a.offset < b.offset
    }.map(\.element)
}
