/// Response curves: the outcome at the horizon as each parameter sweeps its range.
public enum Response {
    /// How many points a curve has: the lever values i/10 for i = 0…10, and likewise
    /// eleven evenly spaced points over every other parameter's range.
    public static let count = 11

    /// The lever values a lever's curve is sampled at: i/10 for i = 0…10 (MODEL.md §4).
    public static let samples: [Double] = (0..<count).map { Double($0) / 10 }

    /// The values parameter `id` is sampled at: its range's ends exactly, evenly between
    /// (whole months for `policy_start`, rounded half up).
    public static func samples(_ id: ParameterID) -> [Double] {
        if case .lever = id { return samples }
        let spec = id.spec
        return (0..<count).map { i in
            let x =
                i == 0 ? spec.min : i == count - 1 ? spec.max : spec.min + (spec.max - spec.min) * Double(i) / 10
            return id == .policyStart ? Double(Scenario.wholeMonth(x)) : x
        }
    }

    /// For each lever (table order), `lead_months` at the horizon with that lever at each
    /// of `samples`, the others as set.
    public static func curves(_ scenario: Scenario) -> [[Double]] {
        LeverID.allCases.map { lever in
            samples.map { Simulation.outcome(scenario.withLever(lever, $0)).leadMonths }
        }
    }

    /// The whole outcome at each sample of every parameter (`ParameterID.all` order), the
    /// others as set. The ends are the sensitivity's rows, so `Analysis` runs them once;
    /// a sample equal to the scenario itself takes `current` instead of a run.
    static func outcomes(_ scenario: Scenario, current: Outcome) -> [[Outcome]] {
        var result = ParameterID.all.map { _ in [Outcome](repeating: current, count: count) }
        var pending: [Scenario] = [], slots: [(Int, Int)] = []
        pending.reserveCapacity(ParameterID.all.count * count)
        slots.reserveCapacity(ParameterID.all.count * count)
        for (p, id) in ParameterID.all.enumerated() {
            for (k, x) in samples(id).enumerated() {
                var s = scenario
                s[id] = x
                if s != scenario {
                    pending.append(s)
                    slots.append((p, k))
                }
            }
        }
        for (o, (p, k)) in zip(Simulation.outcomes(pending), slots) { result[p][k] = o }
        return result
    }
}
