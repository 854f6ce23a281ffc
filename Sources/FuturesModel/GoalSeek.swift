import Foundation

/// The answer to "how much of this lever do we need?".
public struct SeekResult: Sendable, Equatable {
    public var lever: LeverID
    public var targetLead: Double
    /// The smallest lever value found that reaches the target, or nil when out of reach.
    public var value: Double?
    /// The lead at `value`, or the best lead over the scan when out of reach.
    public var leadMonths: Double

    public init(lever: LeverID, targetLead: Double, value: Double?, leadMonths: Double) {
        self.lever = lever
        self.targetLead = targetLead
        self.value = value
        self.leadMonths = leadMonths
    }

    /// One line: "Anti-smuggling ≥ 64.1 % reaches Future 1 (lead 12.0 months)" or the
    /// out-of-reach message.
    public var message: String {
        let target = targetLead == Constants.future1Threshold ? "Future 1" : "a \(oneDecimal(targetLead))-month lead"
        guard let value else {
            return "\(target) is out of reach with this lever alone (max lead \(oneDecimal(leadMonths)) months)"
        }
        return
            "\(lever.spec.name) ≥ \(oneDecimal(value * 100)) % reaches \(target) (lead \(oneDecimal(leadMonths)) months)"
    }

    private func oneDecimal(_ x: Double) -> String { String(format: "%.1f", x) }
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
