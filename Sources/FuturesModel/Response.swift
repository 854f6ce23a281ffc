/// Response curves: the lead at the horizon as each lever sweeps its range.
public enum Response {
    /// The lever values a curve is sampled at: i/10 for i = 0…10.
    public static let samples: [Double] = (0...10).map { Double($0) / 10 }

    /// For each lever (table order), `lead_months` at the horizon with that lever at each
    /// of `samples`, the others as set.
    public static func curves(_ scenario: Scenario) -> [[Double]] {
        outcomes(scenario).map { $0.map(\.leadMonths) }
    }

    /// The whole outcome at each sample of each lever (table order); the ends are the
    /// sensitivity's lever rows, so `Analysis` runs them once.
    static func outcomes(_ scenario: Scenario) -> [[Outcome]] {
        LeverID.allCases.map { lever in
            samples.map { x in
                var s = scenario
                s.levers[lever] = x
                return Simulation.outcome(s)
            }
        }
    }
}
