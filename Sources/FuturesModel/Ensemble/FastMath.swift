/// Vectorised exp2 / log10 for the ensemble's hot loop (4 members per vector).
///
/// Accuracy is about 1e-12 relative over the ranges the model uses: far below the
/// ensemble's statistical tolerance; the deterministic runs use the closer `LaneMath`.
typealias Vec = SIMD8<Double>
typealias VecBits = SIMD8<UInt64>

enum FastMath {
    static let ln2 = 0.693_147_180_559_945_3
    static let log2of10 = 3.321_928_094_887_362_3
    static let log10of2 = 0.301_029_995_663_981_2
    /// 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer in the low bits.
    static let roundMagic = 6_755_399_441_055_744.0

    /// 2^x for |x| < 1000. The model's arguments stay far inside (|x| < 100): no clamp, which
    /// would cost a call per use.
    @inline(__always)
    static func exp2(_ x: Vec) -> Vec {
        let magic = Vec(repeating: roundMagic)
        let t = x + magic
        let n = t - magic
        let y = (x - n) * ln2  // |y| ≤ ln2/2
        // e^y by its Taylor series to degree 10 (error < 3e-13 for |y| ≤ 0.35).
        var p = Vec(repeating: 1.0 / 3_628_800)
        p = p * y + 1.0 / 362_880
        p = p * y + 1.0 / 40_320
        p = p * y + 1.0 / 5_040
        p = p * y + 1.0 / 720
        p = p * y + 1.0 / 120
        p = p * y + 1.0 / 24
        p = p * y + 1.0 / 6
        p = p * y + 0.5
        p = p * y + 1
        p = p * y + 1
        // 2^n from the integer held in t's low bits.
        let nBits = unsafeBitCast(t, to: VecBits.self) &- VecBits(repeating: roundMagic.bitPattern)
        let scale = unsafeBitCast((nBits &+ 1023) &<< 52, to: Vec.self)
        return p * scale
    }

    /// 10^x.
    @inline(__always)
    static func exp10(_ x: Vec) -> Vec { exp2(x * log2of10) }

    /// e^x.
    @inline(__always)
    static func exp(_ x: Vec) -> Vec { exp2(x * (1 / ln2)) }

    /// log10(x) for positive, normal x.
    @inline(__always)
    static func log10(_ x: Vec) -> Vec {
        // x = 2^k · z with z in [√½, √2).
        let bits = unsafeBitCast(x, to: VecBits.self)
        let sqrtHalf = VecBits(repeating: 0x3FE6_A09E_667F_3BCD)
        let biased = (bits &- sqrtHalf &+ (1024 << 52)) &>> 52  // k + 1024, in [0, 4096)
        let zBits = bits &- ((biased &- 1024) &<< 52)
        let z = unsafeBitCast(zBits, to: Vec.self)
        // k as a double, exactly: (2^52 + k+1024) − 2^52 − 1024.
        let twoTo52 = 4_503_599_627_370_496.0
        let kPlus = unsafeBitCast(biased | VecBits(repeating: twoTo52.bitPattern), to: Vec.self) - twoTo52
        let k = kPlus - 1024
        // ln z = 2·atanh(s), s = (z−1)/(z+1), |s| ≤ 0.1716: series to s^13 (error < 1e-12).
        let s = (z - 1) / (z + 1)
        let s2 = s * s
        var q = Vec(repeating: 1.0 / 13)
        q = q * s2 + 1.0 / 11
        q = q * s2 + 1.0 / 9
        q = q * s2 + 1.0 / 7
        q = q * s2 + 1.0 / 5
        q = q * s2 + 1.0 / 3
        q = q * s2 + 1
        let lnZ = 2 * s * q
        return k * log10of2 + lnZ * (log10of2 / ln2)
    }

    /// max(0, x), lane by lane, without a call: (x + |x|)/2 is exact for both signs.
    @inline(__always)
    static func positivePart(_ x: Vec) -> Vec {
        let magnitude = unsafeBitCast(
            unsafeBitCast(x, to: VecBits.self) & VecBits(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: Vec.self)
        return (x + magnitude) * 0.5
    }

    /// 10^x for small |x| (below 0.02): a series to degree 5, error < 1e-13 relative.
    @inline(__always)
    static func exp10Small(_ x: Vec) -> Vec {
        let y = x * (ln2 * log2of10)
        var p = Vec(repeating: 1.0 / 120)
        p = p * y + 1.0 / 24
        p = p * y + 1.0 / 6
        p = p * y + 0.5
        p = p * y + 1
        return p * y + 1
    }
}
