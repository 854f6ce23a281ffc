import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One column of the Answer: the scenario's levers and start over the worlds of one set of
/// assumptions (the user's own, or a lens's).
public struct AnswerColumn: Sendable, Equatable {
    /// `yours`, or the lens's id.
    public let id: String
    /// "Your assumptions", or the lens's name.
    public let name: String
    public let assumptions: Assumptions
    /// The Summary with the scenario's levers.
    public let summary: Summary
    /// The Summary with the `future2` preset's levers.
    public let base: Summary
    /// The Summary with the policy starting a year later (at most `Answer.latestDelay`).
    public let delayed: Summary
    /// The Shapley split of `summary − base` over the five levers, in table order.
    public let shapley: [Summary]

    public subscript(lever: LeverID) -> Summary { shapley[lever.rawValue] }

    /// The lever that moves `verdict` most under this column's assumptions (the largest
    /// |share|; a tie goes to the first in table order), with its share; nil when no lever
    /// moves it at all.
    public func strongestLever(for verdict: Summary.Verdict) -> (lever: LeverID, share: Double)? {
        var best: (lever: LeverID, share: Double)?
        for lever in LeverID.allCases {
            let share = self[lever][verdict]
            if share != 0, abs(share) > abs(best?.share ?? 0) { best = (lever, share) }
        }
        return best
    }
}

/// Which lever moves which future, under whose assumptions (MODEL.md §4 "Answer"): the
/// scenario's levers and start over the worlds of the user's own assumptions and of each
/// lens, with the same uniforms; 8 columns × (32 coalitions + a delayed start) in one batch
/// of the `WorldsEngine`.
public struct Answer: Sendable, Equatable {
    /// The answer's default members.
    public static let defaultMembers = 2000
    /// A year's delay: `policy_start` + 12 months…
    public static let delay = 12
    /// …but no later than this.
    public static let latestDelay = 24

    public let scenario: Scenario
    public let settings: EnsembleSettings
    /// `yours` first, then the lenses in the order given (MODEL.md §2's by default).
    public let columns: [AnswerColumn]

    /// The start a year later, at most `latestDelay`.
    public static func delayedStart(_ start: Int) -> Int { min(start + delay, latestDelay) }

    /// Computes every column: the user's own assumptions, then each of `lenses`; identical
    /// whatever `threads` is. Nil when `isCancelled` turns true.
    public static func compute(
        _ scenario: Scenario, settings: EnsembleSettings, lenses: [Lens] = Lens.builtIn,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EnsemblePrecision = .single,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> Answer? {
        let heads =
            [(id: "yours", name: "Your assumptions", assumptions: scenario.assumptions)]
            + lenses.map { (id: $0.id, name: $0.name, assumptions: $0.assumptions) }
        let base = Preset.future2.levers
        let perColumn = Shapley.coalitions + 1
        var batch: [Scenario] = []
        batch.reserveCapacity(heads.count * perColumn)
        for head in heads {
            var s = scenario
            s.assumptions = head.assumptions
            for mask in 0..<Shapley.coalitions { batch.append(Shapley.scenario(s, mask: mask, base: base)) }
            var delayed = s
            delayed.policyStart = delayedStart(s.policyStart)
            batch.append(delayed)
        }
        guard
            let summaries = WorldsEngine.summaries(
                batch, settings: settings, threads: threads, precision: precision, isCancelled: isCancelled)
        else { return nil }
        let columns = heads.enumerated().map { c, head -> AnswerColumn in
            let v = Array(summaries[(c * perColumn)..<(c * perColumn + Shapley.coalitions)])
            return AnswerColumn(
                id: head.id, name: head.name, assumptions: head.assumptions, summary: v[Shapley.coalitions - 1],
                base: v[0], delayed: summaries[c * perColumn + Shapley.coalitions], shapley: Shapley.shares(v))
        }
        return Answer(scenario: scenario, settings: settings, columns: columns)
    }
}
