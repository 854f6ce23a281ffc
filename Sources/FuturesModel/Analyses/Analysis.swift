/// Everything one keypress needs: the three runs, sensitivity, attribution and response
/// curves. Deterministic and synchronous; the ensemble is separate (it is slower and runs
/// off the main thread in the dashboard).
public struct Analysis: Sendable, Equatable {
    public let scenario: Scenario
    /// "Your policy".
    public let policy: Trajectory
    /// The Future 1 and Future 2 presets under the current assumptions, starting now
    /// (MODEL.md §4), so that a delayed policy shows its cost against them.
    public let future1: Trajectory
    public let future2: Trajectory
    public let sensitivity: [SensitivityRow]
    public let attribution: Attribution
    /// `curves[i]`: the lead at the horizon across the range of parameter
    /// `ParameterID.all[i]`, at `Response.samples(id)`: what the sliders' sparklines draw.
    public let curves: [[Double]]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        var f1 = scenario, f2 = scenario
        f1.levers = Preset.future1.levers
        f2.levers = Preset.future2.levers
        f1.policyStart = 0
        f2.policyStart = 0
        // The three runs side by side (one batch of lanes), each distinct scenario once.
        let distinct = [scenario, f1, f2].reduce(into: [Scenario]()) { if !$0.contains($1) { $0.append($1) } }
        let runs = Simulation.runs(distinct)
        policy = runs[0]
        future1 = runs[distinct.firstIndex(of: f1)!]
        future2 = runs[distinct.firstIndex(of: f2)!]
        // Each distinct scenario runs once: the curves' ends are the sensitivity's rows, the
        // policy's own outcome serves every sample and coalition that equals it, and a
        // coalition that is a lever's curve sample or the Future 2 run takes its outcome.
        let now = policy.outcome
        let outcomes = Response.outcomes(scenario, current: now)
        curves = outcomes.map { $0.map(\.leadMonths) }
        sensitivity = Sensitivity.rows(outcomes)
        let f2Outcome = future2.outcome
        attribution = Attribution.compute(scenario, current: now) { s in
            if s == f2 { return f2Outcome }
            return Self.curveSample(s, of: scenario, outcomes)
        }
    }

    /// The outcome of `s` from the curves when it differs from `scenario` in one lever
    /// only, set to one of the curve's samples; nil otherwise.
    static func curveSample(_ s: Scenario, of scenario: Scenario, _ outcomes: [[Outcome]]) -> Outcome? {
        guard s.policyStart == scenario.policyStart, s.horizon == scenario.horizon,
            s.assumptions == scenario.assumptions
        else { return nil }
        var changed: LeverID?
        for lever in LeverID.allCases where s.levers[lever] != scenario.levers[lever] {
            if changed != nil { return nil }
            changed = lever
        }
        guard let lever = changed, let k = Response.samples.firstIndex(of: s.levers[lever]) else { return nil }
        return outcomes[ParameterID.all.firstIndex(of: .lever(lever))!][k]
    }

    public var outcome: Outcome { policy.outcome }

    /// The lever curves of MODEL.md §4 (`response[lever.rawValue]`, 11 values each).
    public var response: [[Double]] { Array(curves.prefix(LeverID.allCases.count)) }

    /// The curve of one parameter.
    public func curve(_ id: ParameterID) -> [Double] { curves[ParameterID.all.firstIndex(of: id)!] }
}
