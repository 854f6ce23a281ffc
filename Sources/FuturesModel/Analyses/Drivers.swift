/// One assumption's share of the spread of the lead at the horizon (MODEL.md §4 "Drivers
/// of the spread").
public struct Driver: Sendable, Equatable {
    public let assumption: AssumptionID
    /// The share of the variance of the lead at the horizon that the assumption's draw
    /// explains on its own (a first-order index, the correlation ratio over 10 bins).
    public let share: Double

    public init(assumption: AssumptionID, share: Double) {
        self.assumption = assumption
        self.share = share
    }
}

/// Which assumption the uncertainty of the lead comes from (MODEL.md §4 "Drivers of the
/// spread"), over an ensemble's members.
public enum Drivers {
    /// The bins the members are cut into, in the order of one assumption's values.
    public static let bins = 10

    /// The drivers of the ensemble of `scenario` with `settings` (the same worlds as
    /// `Ensemble.run`; each member's lead in double precision), largest share first,
    /// equal shares in table order.
    public static func compute(_ scenario: Scenario, settings: EnsembleSettings) -> [Driver] {
        let n = settings.members
        guard n > 0 else { return [] }
        let worlds = DrawCache.shared.worlds(scenario.assumptions, settings: settings)
        let leads = EnsembleKernel.exactOutcomes(scenario, worlds: worlds, members: Array(0..<n)).map(\.lead)
        let draws = MemberDraws(scenario.assumptions, settings: settings)
        let drivers = AssumptionID.allCases.map { id -> Driver in
            guard draws.low[id.rawValue] < draws.high[id.rawValue] else { return Driver(assumption: id, share: 0) }
            let column = worlds.column(id)
            return Driver(assumption: id, share: share(leads, values: (0..<n).map { column[$0] }))
        }
        return drivers.enumerated().sorted {
            $0.element.share != $1.element.share ? $0.element.share > $1.element.share : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The correlation ratio of `leads` on `values`: the members ordered by their value
    /// (ties by member index), cut into `bins` bins of consecutive members (bin b holds
    /// positions ⌊b·N/10⌋ … ⌊(b+1)·N/10⌋ − 1), Σ n_b·(mean_b − mean)² / Σ (lead − mean)²;
    /// 0 where the lead does not vary.
    public static func share(_ leads: [Double], values: [Double]) -> Double {
        let n = leads.count
        let mean = leads.reduce(0, +) / Double(n)
        let total = leads.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard total > 0 else { return 0 }
        let order = (0..<n).sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var between = 0.0
        for b in 0..<bins {
            let range = (b * n / bins)..<((b + 1) * n / bins)
            guard !range.isEmpty else { continue }
            let binMean = range.reduce(0.0) { $0 + leads[order[$1]] } / Double(range.count)
            between += Double(range.count) * (binMean - mean) * (binMean - mean)
        }
        return between / total
    }
}
