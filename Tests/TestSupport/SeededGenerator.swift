import FuturesModel

/// A seeded generator (SplitMix64) for reproducible property and fuzz tests.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0); a small shorthand for the fuzz loops.
    public mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }

    /// `next() % bound` (bound > 0): the draw the end-to-end and robustness tests' seeds
    /// were chosen with (slightly biased, unlike `below`, and a different sequence).
    public mutating func modulo(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One element of a non-empty array, drawn with `modulo`.
    public mutating func modulo<T>(pick items: [T]) -> T { items[modulo(items.count)] }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

extension Scenario {
    /// A scenario with every lever and assumption drawn uniformly from its range, and a
    /// horizon in 12…120.
    public static func random(using rng: inout SeededGenerator) -> Scenario {
        var s = Scenario()
        for id in ParameterID.all {
            let spec = id.spec
            s[id] = Double.random(in: spec.min...spec.max, using: &rng)
        }
        s.horizon = Int.random(in: Constants.horizonRange, using: &rng)
        return s
    }

    /// The model's invariants for one scenario: every value finite and within its range,
    /// the horizon within its range. Returns the first violation, or nil.
    public var violation: String? {
        for id in ParameterID.all {
            let v = self[id]
            if !v.isFinite || !id.spec.contains(v) {
                return "\(id.spec.id) = \(v) outside \(id.spec.min)…\(id.spec.max)"
            }
        }
        if !Constants.horizonRange.contains(horizon) { return "horizon \(horizon) outside \(Constants.horizonRange)" }
        return nil
    }
}
