import FuturesModel

/// A seeded generator (SplitMix64) for reproducible property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Scenario {
    /// A scenario with every lever and assumption drawn uniformly from its range, and a
    /// horizon in 12…120.
    static func random(using rng: inout SeededGenerator) -> Scenario {
        var s = Scenario()
        for id in ParameterID.all {
            let spec = id.spec
            s[id] = Double.random(in: spec.min...spec.max, using: &rng)
        }
        s.horizon = Int.random(in: 12...120, using: &rng)
        return s
    }
}
