/// Counter-based random numbers: a draw depends only on (seed, member, index), never on
/// the order or the thread that asks for it. Public so that tests can pin its bits.
public enum CounterRandom {
    /// SplitMix64's finaliser (Steele, Lea & Flood 2014).
    @inline(__always)
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in the open interval (0, 1).
    @inline(__always)
    public static func uniform(seed: UInt64, member: Int, index: Int) -> Double {
        let h = mix(
            mix(seed &+ UInt64(truncatingIfNeeded: member) &* 0xD1B5_4A32_D192_ED03)
                &+ UInt64(truncatingIfNeeded: index))
        return (Double(h >> 11) + 0.5) * 0x1p-53
    }

    /// A draw from the triangular distribution (low, mode, high) by its inverse CDF;
    /// the mode itself when low = high. Branch-free: the side of the mode is chosen first,
    /// then one square root is taken (high − √a is computed as high + (−√a), the same bits).
    @inline(__always)
    public static func triangular(low: Double, mode: Double, high: Double, u: Double) -> Double {
        let width = high - low
        let isLeft = u * width < mode - low
        let radicand = isLeft ? u * width * (mode - low) : (1 - u) * width * (high - mode)
        let root = radicand.squareRoot()
        let x = (isLeft ? low : high) + (isLeft ? root : -root)
        return width > 0 ? x : mode
    }
}
