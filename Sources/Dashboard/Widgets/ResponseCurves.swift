import FuturesModel

/// Response curves for every slider: the horizon lead across each parameter's range.
enum ResponseCurves {
    static let samples = 11

    /// Levers come from the analysis; assumptions are swept here (11 runs each, cheap).
    static func all(_ analysis: Analysis) -> [[Double]] {
        let scenario = analysis.scenario
        let assumptions = AssumptionID.allCases.map { a -> [Double] in
            let spec = a.spec
            return (0..<samples).map { i in
                var s = scenario
                s.assumptions[a] = spec.min + (spec.max - spec.min) * Double(i) / Double(samples - 1)
                return Simulation.outcome(s).leadMonths
            }
        }
        return analysis.response + assumptions
    }
}
