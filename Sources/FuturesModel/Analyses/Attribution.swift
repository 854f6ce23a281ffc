/// The exact Shapley split of outcome(current levers) − outcome(base preset levers).
public struct Attribution: Sendable, Equatable {
    public let base: Preset
    /// outcome(current) − outcome(base).
    public let total: Outcome
    /// One share per lever, in table order; they add up to `total`.
    public let shares: [Outcome]

    public subscript(id: LeverID) -> Outcome { shares[id.rawValue] }

    /// Computes the split over the five levers with 2^5 = 32 runs, assumptions and the
    /// start as set. `current`, when given, is the scenario's own outcome (one run fewer).
    public static func compute(_ scenario: Scenario, base: Preset = .future2, current: Outcome? = nil) -> Attribution {
        compute(scenario, base: base, current: current) { _ in nil }
    }

    /// As `compute`, taking a coalition's outcome from `known` when it has it (the full
    /// update's other runs). Each distinct coalition runs once: a lever whose current value
    /// is the base's gives the same scenario in or out of a coalition.
    static func compute(
        _ scenario: Scenario, base: Preset = .future2, current: Outcome?, known: (Scenario) -> Outcome?
    ) -> Attribution {
        let n = LeverID.allCases.count
        let baseLevers = base.levers
        var same = 0
        for lever in LeverID.allCases where scenario.levers[lever] == baseLevers[lever] {
            same |= 1 << lever.rawValue
        }
        // v[S]: the outcome with the levers in coalition S (a bit mask) at their current
        // values and the rest at the base preset's values. S ∪ same is the same scenario as
        // S: only such coalitions run (side by side), the others copy them.
        var v = [Outcome](repeating: .zero, count: 1 << n)
        var pending: [Scenario] = [], masks: [Int] = []
        for mask in 0..<(1 << n) where mask | same == mask {
            let s = Shapley.scenario(scenario, mask: mask, base: baseLevers)
            if mask == (1 << n) - 1, let current {
                v[mask] = current
            } else if let o = known(s) {
                v[mask] = o
            } else {
                pending.append(s)
                masks.append(mask)
            }
        }
        for (o, mask) in zip(Simulation.outcomes(pending), masks) { v[mask] = o }
        for mask in 0..<(1 << n) where mask | same != mask { v[mask] = v[mask | same] }
        let shares = Shapley.shares(v)
        return Attribution(base: base, total: v[(1 << n) - 1] - v[0], shares: shares)
    }
}

extension Outcome: ShapleyValue {}
