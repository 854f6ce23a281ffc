/// The triangular distributions of one ensemble's assumptions, computed once per run.
struct MemberDraws: Sendable {
    let base: Assumptions
    let seed: UInt64
    let low: [Double]
    let mode: [Double]
    let high: [Double]

    init(_ base: Assumptions, settings: EnsembleSettings) {
        self.base = base
        seed = settings.seed
        let r = settings.uncertainty
        low = AssumptionID.allCases.map { base[$0] - r * (base[$0] - $0.spec.min) }
        mode = base.values
        high = AssumptionID.allCases.map { base[$0] + r * ($0.spec.max - base[$0]) }
    }

    /// The assumptions of one member; they depend only on (seed, member).
    func assumptions(member: Int) -> Assumptions {
        var drawn = base
        draw(member: member) { i, x in drawn[AssumptionID(rawValue: i)!] = x }
        return drawn
    }

    /// Hands each of one member's draws, in table order, to `use(index, value)`.
    @inline(__always)
    func draw(member: Int, _ use: (Int, Double) -> Void) {
        for i in 0..<low.count {
            let u = CounterRandom.uniform(seed: seed, member: member, index: i)
            use(i, CounterRandom.triangular(low: low[i], mode: mode[i], high: high[i], u: u))
        }
    }
}
