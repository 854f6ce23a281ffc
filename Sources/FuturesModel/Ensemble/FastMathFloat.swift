#if canImport(CPUFeatures.AVX512)
    import CPUFeatures.AVX512
#endif
#if canImport(CPUFeatures.FMA)
    import CPUFeatures.FMA
#endif

// The Float32 ensemble kernel's vector: 16 lanes where the build targets a CPU with
// AVX-512 (one 512-bit register), 8 otherwise (`make PORTABLE=1`, or AVX2). Chosen at
// compile time by the CPUFeatures module's `requires` (see its module.modulemap).
#if canImport(CPUFeatures.AVX512)
    typealias FVec = SIMD16<Float>
    typealias FVecBits = SIMD16<UInt32>
#else
    typealias FVec = SIMD8<Float>
    typealias FVecBits = SIMD8<UInt32>
#endif

/// Four blocks' vectors of one quantity, each operation issued for the four in turn. A
/// block's month is a chain of dependent operations, each waiting for the one before (two
/// divisions, a logarithm and two exponentials long); the processor overlaps a block only
/// with the start of the next, so one block at a time leaves the vector units idle much of
/// the time. Four interleaved chains keep them busier: the kernel for 10,000 members over
/// 36 months takes about 1.25 ms of CPU instead of 1.6.
struct FQuad {
    var a: FVec, b: FVec, c: FVec, d: FVec

    @inline(__always)
    init(_ a: FVec, _ b: FVec, _ c: FVec, _ d: FVec) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    @inline(__always)
    init(repeating x: Float) {
        let v = FVec(repeating: x)
        self.init(v, v, v, v)
    }

    @inline(__always)
    static func + (l: FQuad, r: FQuad) -> FQuad { FQuad(l.a + r.a, l.b + r.b, l.c + r.c, l.d + r.d) }
    @inline(__always)
    static func - (l: FQuad, r: FQuad) -> FQuad { FQuad(l.a - r.a, l.b - r.b, l.c - r.c, l.d - r.d) }
    @inline(__always)
    static func * (l: FQuad, r: FQuad) -> FQuad { FQuad(l.a * r.a, l.b * r.b, l.c * r.c, l.d * r.d) }
    @inline(__always)
    static func / (l: FQuad, r: FQuad) -> FQuad { FQuad(l.a / r.a, l.b / r.b, l.c / r.c, l.d / r.d) }
    @inline(__always)
    static func + (l: FQuad, r: Float) -> FQuad { FQuad(l.a + r, l.b + r, l.c + r, l.d + r) }
    @inline(__always)
    static func - (l: FQuad, r: Float) -> FQuad { FQuad(l.a - r, l.b - r, l.c - r, l.d - r) }
    @inline(__always)
    static func * (l: FQuad, r: Float) -> FQuad { FQuad(l.a * r, l.b * r, l.c * r, l.d * r) }
    @inline(__always)
    static func + (l: Float, r: FQuad) -> FQuad { FQuad(l + r.a, l + r.b, l + r.c, l + r.d) }
    @inline(__always)
    static func - (l: Float, r: FQuad) -> FQuad { FQuad(l - r.a, l - r.b, l - r.c, l - r.d) }
    @inline(__always)
    static func * (l: Float, r: FQuad) -> FQuad { FQuad(l * r.a, l * r.b, l * r.c, l * r.d) }
    @inline(__always)
    static func / (l: Float, r: FQuad) -> FQuad { FQuad(l / r.a, l / r.b, l / r.c, l / r.d) }
    @inline(__always)
    static func += (l: inout FQuad, r: FQuad) { l = l + r }
    @inline(__always)
    static func *= (l: inout FQuad, r: FQuad) { l = l * r }
}

/// Vector exp2 / log10 in single precision for the Float32 kernel, four blocks at a time
/// (`FQuad`), accurate to a few units in the last place over the ranges the model uses
/// (|x| < 100 for exp2, positive normal x for log10).
enum FastMathF {
    /// a·b + c, fused where the hardware can (the target CPU has FMA); without it, a fused
    /// multiply-add would be a library call per lane, so it multiplies and adds.
    @inline(__always)
    static func fma(_ a: FVec, _ b: FVec, _ c: FVec) -> FVec {
        #if canImport(CPUFeatures.FMA)
            c.addingProduct(a, b)
        #else
            a * b + c
        #endif
    }

    @inline(__always)
    static func fma(_ a: FQuad, _ b: FQuad, _ c: FQuad) -> FQuad {
        FQuad(fma(a.a, b.a, c.a), fma(a.b, b.b, c.b), fma(a.c, b.c, c.c), fma(a.d, b.d, c.d))
    }

    @inline(__always)
    static func fma(_ a: FQuad, _ b: Float, _ c: FQuad) -> FQuad { fma(a, FQuad(repeating: b), c) }

    @inline(__always)
    static func fma(_ a: FQuad, _ b: FQuad, _ c: Float) -> FQuad { fma(a, b, FQuad(repeating: c)) }

    /// 1.5·2^23: adding it rounds a float of magnitude < 2^22 to an integer in the low bits.
    static let roundMagic: Float = 12_582_912

    /// 2^x, exact to single precision for |x| < 126; beyond, x is clamped to ±126 (else
    /// the exponent bits would wrap around and give garbage, not a large or small number),
    /// and NaN becomes 126.
    @inline(__always)
    static func exp2(_ x: FQuad) -> FQuad {
        let x = FQuad(clamped(x.a), clamped(x.b), clamped(x.c), clamped(x.d))
        let t = x + roundMagic
        let n = t - roundMagic
        let f = x - n  // |f| ≤ 1/2
        // 2^f by its minimax polynomial of degree 6 on [−½, ½] (Cephes's exp2f; relative
        // error < 2e-9, below single precision's 6e-8).
        let c: (Float, Float, Float, Float, Float, Float) = (
            0.693_147_202_855_155, 0.240_226_479_136_394_6, 0.055_503_324_708_436_8,
            0.009_618_437_355_126_918, 0.001_339_887_454_155_870_6, 1.535_336_296_263_848_5e-4
        )
        var p = fma(f, FQuad(repeating: c.5), c.4)
        p = fma(p, f, c.3)
        p = fma(p, f, c.2)
        p = fma(p, f, c.1)
        p = fma(p, f, c.0)
        p = fma(p, f, 1)
        return p * FQuad(power(t.a), power(t.b), power(t.c), power(t.d))
    }

    /// x clamped to [−126, 126], NaN to 126: compares and bit masks, as the standard
    /// library's `pointwiseMin`/`pointwiseMax` are calls that go lane by lane with branches
    /// (they took almost half of the kernel's time), and `replacing(with:where:)` is a
    /// loop over lanes until late in compilation, which makes the compiler stop inlining
    /// the kernel's math early.
    @inline(__always)
    static func clamped(_ x: FVec) -> FVec {
        let top = FVec(repeating: 126)
        let below = select(x, top, x .< top)
        return select(below, FVec(repeating: -126), below .> -126)
    }

    /// Lane by lane, `a` where `mask` holds, else `b`.
    @inline(__always)
    static func select(_ a: FVec, _ b: FVec, _ mask: SIMDMask<FVecBits.MaskStorage>) -> FVec {
        let m = unsafeBitCast(mask, to: FVecBits.self)
        let bits = (unsafeBitCast(a, to: FVecBits.self) & m) | (unsafeBitCast(b, to: FVecBits.self) & ~m)
        return unsafeBitCast(bits, to: FVec.self)
    }

    /// 2^n from t = n + `roundMagic`, which holds the integer n in its low bits.
    @inline(__always)
    static func power(_ t: FVec) -> FVec {
        let nBits = unsafeBitCast(t, to: FVecBits.self) &- FVecBits(repeating: roundMagic.bitPattern)
        return unsafeBitCast((nBits &+ 127) &<< 23, to: FVec.self)
    }

    static let log2of10: Float = 3.321_928_094_887_362_3

    /// 10^x.
    @inline(__always)
    static func exp10(_ x: FQuad) -> FQuad { exp2(x * log2of10) }

    /// e^x.
    @inline(__always)
    static func exp(_ x: FQuad) -> FQuad { exp2(x * 1.442_695_040_888_963_4) }

    /// log10(x) + `plus` for positive, normal x.
    @inline(__always)
    static func log10(_ x: FQuad, plus: Float = 0) -> FQuad {
        let (ka, za) = split(x.a), (kb, zb) = split(x.b), (kc, zc) = split(x.c), (kd, zd) = split(x.d)
        let k = FQuad(ka, kb, kc, kd), z = FQuad(za, zb, zc, zd)
        // ln z = 2·atanh(s), s = (z−1)/(z+1), |s| ≤ 0.1716: the series to s^7, each term
        // times log10(e). What it leaves out, 2s^9/9·log10(e) < 1.3e-8, is an absolute error
        // in log10 x below half a single-precision unit of any log10 x above 1/4.
        let s = (z - 1) / (z + 1)
        let s2 = s * s
        let log10e2: Float = 2 * 0.434_294_481_903_251_8
        var q = fma(s2, FQuad(repeating: log10e2 / 7), log10e2 / 5)
        q = fma(q, s2, log10e2 / 3)
        q = fma(q, s2, log10e2)
        // log10(x) = k·log10(2) + ln z·log10(e), with log10(2) in two parts for large k.
        let hi: Float = 0.301_025_390_625  // 1233/4096: k·hi is exact
        let lo: Float = 4.605_038_981_195_214e-6  // log10(2) − hi
        return fma(k, FQuad(repeating: hi), fma(s, q, fma(k, FQuad(repeating: lo), plus)))
    }

    /// (k, z) with x = 2^k · z, z in [√½, √2), for positive normal x.
    @inline(__always)
    static func split(_ x: FVec) -> (k: FVec, z: FVec) {
        let bits = unsafeBitCast(x, to: FVecBits.self)
        let sqrtHalf = FVecBits(repeating: 0x3F35_04F3)
        let biased = (bits &- sqrtHalf &+ (256 << 23)) &>> 23  // k + 256, in [0, 512)
        let z = unsafeBitCast(bits &- ((biased &- 256) &<< 23), to: FVec.self)
        // k as a float, exactly: (2^23 + k+256) − 2^23 − 256.
        let twoTo23: Float = 8_388_608
        let k = unsafeBitCast(biased | FVecBits(repeating: twoTo23.bitPattern), to: FVec.self) - (twoTo23 + 256)
        return (k, z)
    }

    /// max(0, x), lane by lane.
    @inline(__always)
    static func positivePart(_ x: FQuad) -> FQuad {
        let zero = FVec()
        return FQuad(
            select(zero, x.a, x.a .< zero), select(zero, x.b, x.b .< zero), select(zero, x.c, x.c .< zero),
            select(zero, x.d, x.d .< zero))
    }

    /// 10^x for small |x| (below 0.02): a series to degree 4, relative error < 1e-9.
    @inline(__always)
    static func exp10Small(_ x: FQuad) -> FQuad {
        let y = x * 2.302_585_092_994_045_7
        var p = fma(y, FQuad(repeating: 1.0 / 24), 1.0 / 6)
        p = fma(p, y, 0.5)
        p = fma(p, y, 1)
        return fma(p, y, 1)
    }
}
