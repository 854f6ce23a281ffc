/// Exponentials and logarithms of eight doubles at once, for the deterministic runs
/// (`Simulation`), which advance up to eight scenarios side by side.
///
/// Unlike `FastMath` (the ensemble's, good to about 1e-12), these are meant as libm's
/// equals: a Cody–Waite reduction and series long enough that their own error is below
/// 1e-17, so the results are within a few units in the last place of glibc's (the tests
/// measure it). Each lane is computed on its own with the same operations, so a scenario's
/// outcome does not depend on which lane or which batch it runs in. No fused multiply-add
/// is used: `PORTABLE=1` builds give the same bits as native ones.
typealias Lanes = SIMD8<Double>

public enum LaneMath {
    static let log2e = 1.442_695_040_888_963_4
    /// ln 2 split for the reduction: the high part has 32 trailing zero bits, so n·ln2Hi is
    /// exact for |n| < 2^20.
    static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    static let ln10 = 2.302_585_092_994_045_7
    static let log10e = 0.434_294_481_903_251_83
    static let log10of2 = 0.301_029_995_663_981_2
    static let roundMagic = 6_755_399_441_055_744.0
    /// e^x is held within double's normal range: below −708 it is below 2^−1021 (and 0 to
    /// within every tolerance of the model), above 709 the model has already left any
    /// meaningful range.
    static let expMin = -708.0
    static let expMax = 709.0

    /// e^x.
    @inline(__always)
    public static func exp(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let x = x.replacing(with: expMin, where: x .< expMin).replacing(with: expMax, where: x .> expMax)
        let magic = Lanes(repeating: roundMagic)
        let t = x * log2e + magic
        let n = t - magic
        let r = (x - n * ln2Hi) - n * ln2Lo  // |r| ≤ ln2/2 + 1e-10
        // e^r by its Taylor series to degree 13: the remainder is below 5e-18.
        var p = Lanes(repeating: 1.0 / 6_227_020_800)
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2^n from the integer held in t's low bits; n is in [−1022, 1023] after the clamp.
        let nBits = unsafeBitCast(t, to: SIMD8<UInt64>.self) &- SIMD8<UInt64>(repeating: roundMagic.bitPattern)
        let scale = unsafeBitCast((nBits &+ 1023) &<< 52, to: Lanes.self)
        return p * scale
    }

    /// 10^x, as e^(x·ln 10).
    @inline(__always)
    public static func exp10(_ x: SIMD8<Double>) -> SIMD8<Double> { exp(x * ln10) }

    /// x = 2^k·z with z in [√½, √2), and ln z: for positive, normal x.
    @inline(__always)
    private static func reduce(_ x: Lanes) -> (k: Lanes, lnZ: Lanes) {
        // x's bits, less √½'s, are k·2^52 plus a remainder in [0, 2^52): k is their floor
        // after 52 bits (an arithmetic shift, as k < 0 below √½), and z is x with k taken
        // from its exponent. (Swift keeps these steps in vector registers only in this
        // signed form: an unsigned shift and OR-ing in 2^52 went lane by lane.)
        let bits = SIMD8<Int64>(truncatingIfNeeded: unsafeBitCast(x, to: SIMD8<UInt64>.self))
        let kBits = (bits &- 0x3FE6_A09E_667F_3BCD) & SIMD8<Int64>(repeating: -(1 << 52))
        let z = unsafeBitCast(SIMD8<UInt64>(truncatingIfNeeded: bits &- kBits), to: Lanes.self)
        let k = Lanes(kBits &>> 52)
        // ln z = 2·atanh(s), s = (z−1)/(z+1), |s| ≤ 0.1716: 2s + 2s·s²·(1/3 + s²/5 + …),
        // to s^23 (the remainder is below 1e-17 relative).
        let s = (z - 1) / (z + 1)
        let s2 = s * s
        var q = Lanes(repeating: 1.0 / 23)
        q = q * s2 + 1.0 / 21
        q = q * s2 + 1.0 / 19
        q = q * s2 + 1.0 / 17
        q = q * s2 + 1.0 / 15
        q = q * s2 + 1.0 / 13
        q = q * s2 + 1.0 / 11
        q = q * s2 + 1.0 / 9
        q = q * s2 + 1.0 / 7
        q = q * s2 + 1.0 / 5
        q = q * s2 + 1.0 / 3
        let twoS = s + s
        return (k, twoS + twoS * s2 * q)
    }

    /// ln x for positive, normal x.
    @inline(__always)
    public static func log(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let (k, lnZ) = reduce(x)
        return (k * ln2Hi + lnZ) + k * ln2Lo
    }

    /// log10 x for positive, normal x.
    @inline(__always)
    public static func log10(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let (k, lnZ) = reduce(x)
        return k * log10of2 + lnZ * log10e
    }
}
