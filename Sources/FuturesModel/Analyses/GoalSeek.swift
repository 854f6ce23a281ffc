import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The answer to "how much of this lever do we need?".
public struct SeekResult: Sendable, Equatable {
    public var lever: LeverID
    public var targetLead: Double
    /// The smallest lever value found that reaches the target, or nil when out of reach.
    public var value: Double?
    /// The lead at `value`, or the best lead over the scan when out of reach.
    public var leadMonths: Double
    /// Set by `seek --probability`: the target P(Future 1), the probability at `value` (or
    /// the best over the scan), and the ensemble it was measured with.
    public var probability: ProbabilityTarget?

    public init(
        lever: LeverID, targetLead: Double, value: Double?, leadMonths: Double, probability: ProbabilityTarget? = nil
    ) {
        self.lever = lever
        self.targetLead = targetLead
        self.value = value
        self.leadMonths = leadMonths
        self.probability = probability
    }

    /// One line: "Anti-smuggling ≥ 64.1 % reaches Future 1 (lead 12.0 months)" or the
    /// out-of-reach message.
    public var message: String {
        if let probability { return probabilityMessage(probability) }
        let target = targetLead == Constants.future1Threshold ? "Future 1" : "a \(oneDecimal(targetLead))-month lead"
        guard let value else {
            return "\(target) is out of reach with this lever alone (max lead \(oneDecimal(leadMonths)) months)"
        }
        return
            "\(lever.spec.name) ≥ \(oneDecimal(value * 100)) % reaches \(target) (lead \(oneDecimal(leadMonths)) months)"
    }

    /// "Anti-smuggling ≥ 64.1 % gives P(Future 1) ≥ 50 % (51 % of 2,000 members; lead 12.3
    /// months)" or "P(Future 1) ≥ 50 % is out of reach with this lever alone (best 31 % at 100 %)".
    private func probabilityMessage(_ p: ProbabilityTarget) -> String {
        let target = "P(Future 1) ≥ \(percent(p.target)) %"
        let members = "\(p.settings.members) members, seed \(p.settings.seed)"
        guard let value else {
            return "\(target) is out of reach with this lever alone (best \(percent(p.achieved)) %, at "
                + "\(lever.spec.name) \(oneDecimal(p.bestValue * 100)) %; \(members))"
        }
        return "\(lever.spec.name) ≥ \(oneDecimal(value * 100)) % gives \(target) (\(percent(p.achieved)) %; "
            + "\(members); lead \(oneDecimal(leadMonths)) months)"
    }

    private func oneDecimal(_ x: Double) -> String { String(cFormat: "%.1f", x) }
    private func percent(_ x: Double) -> String {
        let p = x * 100
        return p == p.rounded() ? String(Int(p)) : String(cFormat: "%.1f", p)
    }
}

/// What `seek --probability` aimed at and reached.
public struct ProbabilityTarget: Sendable, Equatable {
    /// The P(Future 1) to reach, 0…1.
    public var target: Double
    /// P(Future 1) at the value found, or the best over the scan when out of reach.
    public var achieved: Double
    /// Where `achieved` was measured: the value found, or the lever value of the best.
    public var bestValue: Double
    public var settings: EnsembleSettings

    public init(target: Double, achieved: Double, bestValue: Double, settings: EnsembleSettings) {
        self.target = target
        self.achieved = achieved
        self.bestValue = bestValue
        self.settings = settings
    }
}

/// Goal-seek over one lever with the others fixed (pure).
public enum GoalSeek {
    /// Scans 0…1 in steps of 0.01 for the first value whose lead at the horizon reaches
    /// `targetLead`, then bisects between it and the step before to within 0.001. The scan
    /// comes first because a lever need not be monotone.
    public static func seek(
        _ lever: LeverID, in scenario: Scenario, targetLead: Double = Constants.future1Threshold
    )
        -> SeekResult
    {
        let (value, lead) = search(targetLead: targetLead) { v in
            Simulation.outcome(scenario.withLever(lever, v)).leadMonths
        }
        return SeekResult(lever: lever, targetLead: targetLead, value: value, leadMonths: lead)
    }

    /// The same search with P(Future 1) from the ensemble as the score: the smallest lever
    /// value whose ensemble reaches `probability`. Every run uses the same seed, so the
    /// members' draws are common to all lever values (only the lever differs between runs).
    public static func seekProbability(
        _ lever: LeverID, in scenario: Scenario, probability target: Double, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> SeekResult {
        let workspace = EnsembleWorkspace()
        var best = (value: 0.0, p: -1.0)
        let (value, p) = search(targetLead: target) { v in
            let p = Ensemble.run(
                scenario.withLever(lever, v), settings: settings, threads: threads, workspace: workspace)!
                .probability.future1
            if p > best.p { best = (v, p) }
            return p
        }
        let at = value ?? best.value
        return SeekResult(
            lever: lever, targetLead: Constants.future1Threshold, value: value,
            leadMonths: Simulation.outcome(scenario.withLever(lever, at)).leadMonths,
            probability: ProbabilityTarget(target: target, achieved: p, bestValue: at, settings: settings))
    }

    /// The search itself, over any lead function of the lever value: the value found (nil
    /// when out of reach) and the lead there (or the best lead of the scan).
    public static func search(targetLead: Double, lead: (Double) -> Double) -> (value: Double?, lead: Double) {
        var best = -Double.infinity
        var previous = 0.0
        for i in 0...100 {
            let v = Double(i) / 100
            let l = lead(v)
            if l >= targetLead {
                if i == 0 { return (0, l) }
                var lo = previous, hi = v, hiLead = l
                while hi - lo > 0.001 {
                    let mid = (lo + hi) / 2
                    let m = lead(mid)
                    if m >= targetLead { (hi, hiLead) = (mid, m) } else { lo = mid }
                }
                return (hi, hiLead)
            }
            best = max(best, l)
            previous = v
        }
        return (nil, best)
    }
}

extension Scenario {
    /// A copy with one lever changed.
    public func withLever(_ id: LeverID, _ value: Double) -> Scenario {
        var copy = self
        copy.levers[id] = value
        return copy
    }
}
