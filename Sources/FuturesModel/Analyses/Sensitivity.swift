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
        let ends = ParameterID.all.flatMap { id in
            [id.spec.min, id.spec.max].map { x in
                var s = scenario
                s[id] = x
                return s
            }
        }
        let o = Simulation.outcomes(ends)
        return rows(ParameterID.all.indices.map { [o[2 * $0], o[2 * $0 + 1]] })
    }

    /// The rows from each parameter's outcomes across its range (`ParameterID.all` order):
    /// the first is at its min, the last at its max (`Response.outcomes`).
    static func rows(_ curves: [[Outcome]]) -> [SensitivityRow] {
        let unsorted = zip(ParameterID.all, curves).map { id, curve in
            SensitivityRow(parameter: id, low: curve[0], high: curve[curve.count - 1])
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
