import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ensemble's month in single precision (MODEL.md §4 "Precision"): the equations of
/// `EnsembleKernel`, `FVec.scalarCount` members to a vector, with the constants apart from
/// the state and fused multiply-adds where the CPU has them. Rearranged so that Float32
/// keeps its accuracy over 120 months: nothing large is summed month after month. US
/// capability is t·ḡ plus the small sum of the revenue feedback, and of the two
/// algorithmic stocks only their difference d = a_US − a_CN is kept, so that
/// cap_US − cc_CN = t·gU + Σ(gU·ζ·(u − u0)) − log10(K_CN/K_US0) + d.
enum EnsembleKernelF {
    /// A block's lever-independent constants (from its members' drawn assumptions);
    /// `rce` is research_compute_elasticity · log2(10).
    struct Member {
        var gU = FVec(), gA = FVec(), invPace = FVec(), rce = FVec(), mGrowth = FVec(), b0 = FVec()
    }

    /// A block's constants of one lever regime.
    struct Regime {
        var domFactor = FVec(), flow = FVec(), priceFactor = FVec(), bFrac = FVec()
    }

    /// Memory for one run: per block its constants and both regimes, each an array of its
    /// own. The state of the blocks running lives in `simulate` (`QuadState`).
    struct Blocks: @unchecked Sendable {
        let count: Int
        let member: UnsafeMutablePointer<Member>
        let early: UnsafeMutablePointer<Regime>
        let late: UnsafeMutablePointer<Regime>

        static let bytesPerBlock = MemoryLayout<Member>.stride + 2 * MemoryLayout<Regime>.stride

        /// The arrays in `memory`, which holds `count · bytesPerBlock` bytes, 64-byte aligned.
        init(_ memory: UnsafeMutableRawPointer, count: Int) {
            self.count = count
            var at = memory
            func take<T>(_: T.Type) -> UnsafeMutablePointer<T> {
                let p = at.bindMemory(to: T.self, capacity: count)
                at += count * MemoryLayout<T>.stride
                return p
            }
            member = take(Member.self)
            early = take(Regime.self)
            late = take(Regime.self)
        }
    }

    static let lanes = FVec.scalarCount

    /// Fills blocks `range` of `blocks` for `scenario` from `worlds` (the block of k holds
    /// members lanes·k…): the lever-independent constants, the regimes before and from
    /// `policy_start`, computed in double precision and rounded once.
    static func setUp(_ scenario: Scenario, worlds: Worlds, blocks: Blocks, range: Range<Int>) {
        for k in range { fillMember(worlds, blocks.member + k, first: k * lanes) }
        regimes(scenario, worlds: worlds, blocks: blocks, range: range)
    }

    /// Only the regimes of blocks `range`: for another setting of the levers and start in
    /// the same worlds.
    static func regimes(_ scenario: Scenario, worlds: Worlds, blocks: Blocks, range: Range<Int>) {
        let late = priceScalar(scenario.levers), early = priceScalar(Preset.statusQuo.levers)
        for k in range {
            fillRegime(scenario.levers, late, worlds, blocks.late + k, first: k * lanes)
            if scenario.policyStart > 0 {
                fillRegime(Preset.statusQuo.levers, early, worlds, blocks.early + k, first: k * lanes)
            } else {
                blocks.early[k] = blocks.late[k]
            }
        }
    }

    /// Runs blocks `range` from month 0 to the horizon. With `rows`, writes lead, share,
    /// adoption and norm share to `rows[(o·(H+1) + t)·stride + member]`; with `leads`, the
    /// lead at the horizon to `leads[member]`, and with `adoptions` the adoption at the
    /// horizon to `adoptions[member]`. Four blocks at a time (`FQuad`), each four through
    /// every month before the next. False when `isCancelled` turned true (checked before
    /// every four blocks).
    static func simulate(
        _ scenario: Scenario, blocks: Blocks, range: Range<Int>, rows: UnsafeMutablePointer<Float>?,
        stride: Int, leads: UnsafeMutablePointer<Float>?, adoptions: UnsafeMutablePointer<Float>? = nil,
        isCancelled: () -> Bool
    ) -> Bool {
        let h = scenario.horizon
        for first in Swift.stride(from: range.lowerBound, to: range.upperBound, by: 4) {
            if isCancelled() { return false }
            let k = QuadIndex(first: first, last: range.upperBound - 1)
            let mc = QuadMember(blocks.member, k)
            var s = QuadState(start: mc.b0)
            for t in 0...h {
                let regime = t < scenario.policyStart ? blocks.early : blocks.late
                if let rows {
                    monthWithRows(t, k, &s, mc, regime: regime, horizon: h, rows: rows, stride: stride)
                } else {
                    monthAtHorizon(t, k, &s, mc, regime: regime, horizon: h, leads: leads, adoptions: adoptions)
                }
            }
        }
        return true
    }

    /// `month` writing every month's rows (the ensemble's bands).
    @inline(never)
    private static func monthWithRows(
        _ t: Int, _ k: QuadIndex, _ s: inout QuadState, _ mc: QuadMember, regime: UnsafeMutablePointer<Regime>,
        horizon h: Int, rows: UnsafeMutablePointer<Float>, stride: Int
    ) {
        month(t, k, &s, mc, regime: regime, horizon: h, rows: rows, stride: stride, leads: nil, adoptions: nil)
    }

    /// `month` keeping only the horizon's lead and adoption (the worlds engine, robustness):
    /// compiled apart, without the rows' code and state, it keeps more in registers.
    @inline(never)
    private static func monthAtHorizon(
        _ t: Int, _ k: QuadIndex, _ s: inout QuadState, _ mc: QuadMember, regime: UnsafeMutablePointer<Regime>,
        horizon h: Int, leads: UnsafeMutablePointer<Float>?, adoptions: UnsafeMutablePointer<Float>?
    ) {
        month(t, k, &s, mc, regime: regime, horizon: h, rows: nil, stride: 0, leads: leads, adoptions: adoptions)
    }

    /// Month t of four blocks `k` in state `s`: records the start of the month (see
    /// `simulate`), then before the horizon advances `s` to the next month under `regime`.
    /// Inlined into the two functions above, each of its own: in one as large as `simulate`
    /// the compiler stops inlining the math, marked always or not.
    @inline(__always)
    private static func month(
        _ t: Int, _ k: QuadIndex, _ s: inout QuadState, _ mc: QuadMember, regime: UnsafeMutablePointer<Regime>,
        horizon h: Int, rows: UnsafeMutablePointer<Float>?, stride: Int, leads: UnsafeMutablePointer<Float>?,
        adoptions: UnsafeMutablePointer<Float>?
    ) {
        let c = Constants.self
        let months = h + 1
        let logR0 = Float(LibM.log10(c.kCN0 / c.kUS0))
        let zeta = Float(c.revenueFeedback), u0 = Float(c.adoption0), d0 = Float(c.domestic0)
        let keep = Float(1 - c.depreciation), invLag = Float(1 / c.distillationLag)
        let rho = Float(c.adoptionSpeed), w = Float(c.normLeadWeight)
        // The start of month t.
        let lKCN = FastMathF.log10(s.kCN, plus: -2)  // log10(K_CN/K_US0)
        let lKUS = FastMathF.fma(mc.gU, FQuad(repeating: Float(t)), s.feedback)  // log10(K_US/K_US0)
        let gap = lKUS - lKCN + s.d  // cap_US − cc_CN
        let lead = (gap - s.b) * mc.invPace
        // E = e^(−lead/8) as the cube of e^(−lead/24), which the rows' norm share needs too:
        // one way for both paths, so that a member's lead is the same bits in each.
        let e1 = FastMathF.exp(lead * (-1 / 24))
        let e3 = e1 * e1 * e1
        if let rows {
            let base = rows + t * stride
            let share = s.kUS / (s.kUS + s.kCN)
            let norm = FastMathF.fma(s.u, FQuad(repeating: 1 - w), w / (1 + e3 * e1))
            store(lead, base, k)
            store(share, base + months * stride, k)
            store(s.u, base + 2 * months * stride, k)
            store(norm, base + 3 * months * stride, k)
        }
        if t == h {
            if let leads { store(lead, leads, k) }
            if let adoptions { store(s.u, adoptions, k) }
            return
        }
        // The update to month t + 1.
        let r = QuadRegime(regime, k)
        let revCN = FastMathF.fma(s.u, FQuad(repeating: -zeta), zeta * u0 + 1)
        let inflow = FastMathF.fma(s.domPow, FQuad(repeating: d0), r.flow * s.m) * revCN
        let bTarget = r.bFrac * FastMathF.positivePart(gap)
        let uTarget = 1 / FastMathF.fma(e3, r.priceFactor, 1)
        let research = FastMathF.exp2(mc.rce * (lKCN - lKUS - logR0))  // rce holds rce·log2(10)
        s.d = FastMathF.fma(mc.gA, 1 - research, s.d)
        let usGrowth = mc.gU * (zeta * (s.u - u0))
        s.feedback += usGrowth
        // K_US itself only feeds the compute share (rows); the lead reads its log.
        if rows != nil { s.kUS *= mc.mGrowth * FastMathF.exp10Small(usGrowth) }
        s.m *= mc.mGrowth
        s.domPow *= r.domFactor
        s.kCN = FastMathF.fma(s.kCN, FQuad(repeating: keep), inflow)
        s.b = FastMathF.fma(bTarget - s.b, FQuad(repeating: invLag), s.b)
        s.u = FastMathF.fma(uTarget - s.u, FQuad(repeating: rho), s.u)
    }

    /// The four blocks of an `FQuad`: four consecutive ones, the last repeated where fewer
    /// are left (it is then computed more than once, to the same values).
    struct QuadIndex {
        let a: Int, b: Int, c: Int, d: Int

        @inline(__always)
        init(first: Int, last: Int) {
            a = first
            b = Swift.min(first + 1, last)
            c = Swift.min(first + 2, last)
            d = Swift.min(first + 3, last)
        }
    }

    /// Four blocks' constants (`Member`) as `FQuad`s.
    struct QuadMember {
        let gU: FQuad, gA: FQuad, invPace: FQuad, rce: FQuad, mGrowth: FQuad, b0: FQuad

        @inline(__always)
        init(_ p: UnsafeMutablePointer<Member>, _ k: QuadIndex) {
            let (a, b, c, d) = (p[k.a], p[k.b], p[k.c], p[k.d])
            gU = FQuad(a.gU, b.gU, c.gU, d.gU)
            gA = FQuad(a.gA, b.gA, c.gA, d.gA)
            invPace = FQuad(a.invPace, b.invPace, c.invPace, d.invPace)
            rce = FQuad(a.rce, b.rce, c.rce, d.rce)
            mGrowth = FQuad(a.mGrowth, b.mGrowth, c.mGrowth, d.mGrowth)
            b0 = FQuad(a.b0, b.b0, c.b0, d.b0)
        }
    }

    /// Four blocks' constants of one regime (`Regime`) as `FQuad`s.
    struct QuadRegime {
        let domFactor: FQuad, flow: FQuad, priceFactor: FQuad, bFrac: FQuad

        @inline(__always)
        init(_ p: UnsafeMutablePointer<Regime>, _ k: QuadIndex) {
            let (a, b, c, d) = (p[k.a], p[k.b], p[k.c], p[k.d])
            domFactor = FQuad(a.domFactor, b.domFactor, c.domFactor, d.domFactor)
            flow = FQuad(a.flow, b.flow, c.flow, d.flow)
            priceFactor = FQuad(a.priceFactor, b.priceFactor, c.priceFactor, d.priceFactor)
            bFrac = FQuad(a.bFrac, b.bFrac, c.bFrac, d.bFrac)
        }
    }

    /// Four blocks' state. feedback = Σ gU·ζ·(u − u0), so that log10(K_US/K_US0) =
    /// t·gU + feedback; domPow = 10^ℓD.
    struct QuadState {
        var feedback: FQuad, kUS: FQuad, kCN: FQuad, d: FQuad, m: FQuad, b: FQuad, u: FQuad, domPow: FQuad

        /// The state at month 0, B starting at `b0`.
        init(start b0: FQuad) {
            let c = Constants.self
            feedback = FQuad(repeating: 0)
            kUS = FQuad(repeating: Float(c.kUS0))
            kCN = FQuad(repeating: Float(c.kCN0))
            d = FQuad(repeating: 0)
            m = FQuad(repeating: 1)
            b = b0
            u = FQuad(repeating: Float(c.adoption0))
            domPow = FQuad(repeating: 1)
        }
    }

    /// Block k's lever-independent constants from the double-precision columns.
    private static func fillMember(_ w: Worlds, _ out: UnsafeMutablePointer<Member>, first: Int) {
        let raw = UnsafeMutableRawPointer(out)
        for half in Swift.stride(from: 0, to: lanes, by: 8) {
            let m = first + half
            put(Worlds.load(w.column(.gU) + m), raw, field: 0, half: half)
            put(Worlds.load(w.column(.gA) + m), raw, field: 1, half: half)
            put(Worlds.load(w.column(.invPace) + m), raw, field: 2, half: half)
            // As the exponent of 2, not of 10 (the kernel's research term).
            let rce = Worlds.load(w.column(.researchComputeElasticity) + m) * FastMath.log2of10
            put(rce, raw, field: 3, half: half)
            put(Worlds.load(w.column(.mGrowth) + m), raw, field: 4, half: half)
            put(Worlds.load(w.column(.b0) + m), raw, field: 5, half: half)
        }
    }

    /// Rounds eight doubles into lanes half…half+7 of the `field`-th vector at `raw`.
    @inline(__always)
    private static func put(_ x: SIMD8<Double>, _ raw: UnsafeMutableRawPointer, field: Int, half: Int) {
        raw.storeBytes(
            of: SIMD8<Float>(x), toByteOffset: field * MemoryLayout<FVec>.stride + half * MemoryLayout<Float>.stride,
            as: SIMD8<Float>.self)
    }

    /// The levers' part of the price factor: (1 − discount·p)^β_price · e^(−β_promo·p − β_inc).
    private static func priceScalar(_ lv: Levers) -> Double {
        let c = Constants.self, p = lv.exportPromotion
        return LibM.pow(1 - c.maxPromotionDiscount * p, c.betaPrice) * LibM.exp(-c.betaPromotion * p - c.betaIncumbency)
    }

    /// Block k's regime constants for `levers` (MODEL.md §3), in double precision, rounded;
    /// `priceScalar` is `priceScalar(lv)`, computed once for all blocks.
    private static func fillRegime(
        _ lv: Levers, _ priceScalar: Double, _ w: Worlds, _ out: UnsafeMutablePointer<Regime>, first: Int
    ) {
        let c = Constants.self
        let e = lv.exportControls, s = lv.smugglingEnforcement, o = lv.offshoreControls
        let v = lv.distillationDefense
        let raw = UnsafeMutableRawPointer(out)
        for half in Swift.stride(from: 0, to: lanes, by: 8) {
            let m = first + half
            let at = { (p: UnsafePointer<Double>) in Worlds.load(p + m) }
            let backfire = at(w.column(.controlsBackfire)), leak = at(w.column(.controlLeakage))
            let enforcement = at(w.column(.enforcementEffectiveness))
            let de = at(w.column(.distillationEfficiency)), cf = at(w.column(.countermeasureFeasibility))
            let growth: SIMD8<Double> = at(w.column(.logDomesticGrowth)) * (1 - c.toolControlEffect * e)
            let spur: SIMD8<Double> = backfire * (e * LibM.log10(c.spurFactor))
            let gD = (growth + spur) * (1.0 / 12)
            let blocked: SIMD8<Double> = leak * (c.imports0 * e)
            let smuggled: SIMD8<Double> = (c.smuggledShare * blocked) * (1 - enforcement * s)
            let offshore: SIMD8<Double> = ((1 - c.smuggledShare) * blocked) * (1 - enforcement * o)
            let flow = c.imports0 * (1 - e) + smuggled + offshore
            let price = at(w.column(.pricePower)) * priceScalar
            put(FastMath.exp10(gD), raw, field: 0, half: half)
            put(flow, raw, field: 1, half: half)
            put(price, raw, field: 2, half: half)
            put(de * (1 - v * cf), raw, field: 3, half: half)
        }
    }

    /// Stores block k.a's lanes to `p + k.a·lanes`, and so on.
    @inline(__always)
    static func store(_ v: FQuad, _ p: UnsafeMutablePointer<Float>, _ k: QuadIndex) {
        let raw = UnsafeMutableRawPointer(p)
        let bytes = lanes * MemoryLayout<Float>.stride
        raw.storeBytes(of: v.a, toByteOffset: k.a * bytes, as: FVec.self)
        raw.storeBytes(of: v.b, toByteOffset: k.b * bytes, as: FVec.self)
        raw.storeBytes(of: v.c, toByteOffset: k.c * bytes, as: FVec.self)
        raw.storeBytes(of: v.d, toByteOffset: k.d * bytes, as: FVec.self)
    }
}
