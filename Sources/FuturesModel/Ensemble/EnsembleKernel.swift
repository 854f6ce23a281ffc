import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The model of MODEL.md §3 for many members at once, in SIMD lanes. Same equations as
/// `Simulation.step`, rearranged for speed: logarithms are tracked incrementally, loop
/// invariants are hoisted, and one log10 plus two exponentials remain per member-month:
/// both sigmoids share e^(−lead/24), and US compute growth 10^(gU·revUS) is the constant
/// 10^gU times a short series in the small term gU·ζ·(u − u0).
/// Months are the outer loop and blocks of lanes the inner one, so consecutive blocks are
/// independent and the processor overlaps them (one block alone is latency-bound).
enum EnsembleKernel {
    /// One block's lever-dependent constants for one lever regime (see `Regime`).
    struct RegimeLanes {
        var domFactor = Vec(), flow = Vec(), priceFactor = Vec(), bFrac = Vec()
    }

    /// One block's per-member constants and state.
    struct Block {
        // Constants, from each member's drawn assumptions.
        var gU = Vec(), gA = Vec(), invPace = Vec(), rce = Vec(), mGrowth = Vec()
        /// The regime in force, and the scenario's own one (in force from `policy_start`).
        var regime = RegimeLanes(), late = RegimeLanes()
        // State. lKUS = log10(K_US/K_US0); domPow = 10^ℓD.
        var lKUS = Vec(repeating: 0), kUS = Vec(repeating: Constants.kUS0)
        var kCN = Vec(repeating: Constants.kCN0), aUS = Vec(repeating: 0), aCN = Vec(repeating: 0)
        var m = Vec(repeating: 1), b = Vec(), u = Vec(repeating: Constants.adoption0)
        var domPow = Vec(repeating: 1)
    }

    /// What the state at the start of month t gives before the update: the lead, and the
    /// terms of it that the update reuses. E = e^(−lead/24): σ(lead/6) = 1/(1+E⁴) and
    /// σ(1.5·lead/12 + priceTerm) = 1/(1+E³·e^(−priceTerm)).
    struct Observation {
        var lKCN: Vec, capUS: Vec, ccCN: Vec, lead: Vec, e1: Vec, e3: Vec
    }

    /// Simulates the members of blocks `blocks` (block k holds members 8k…8k+7) and writes
    /// lead, share, adoption and norm share to `out[(o·(H+1) + t)·stride + member]`. Lanes
    /// at or past `members` are padding: simulated, written, never counted. Returns the
    /// (future1, contested, future2, China's markets) counts of the real lanes at the horizon.
    static func simulate(
        _ scenario: Scenario, worlds: Worlds, blocks: Range<Int>, members: Int,
        out: UnsafeMutablePointer<Double>, stride: Int
    ) -> (Int, Int, Int, Int) {
        let c = Constants.self
        let lanes = Vec.scalarCount
        let h = scenario.horizon
        let months = h + 1
        var state = blocks.map { setUp(scenario, worlds.block(firstMember: $0 * lanes)) }
        let start = scenario.policyStart
        let logR0 = log10(c.kCN0 / c.kUS0)

        state.withUnsafeMutableBufferPointer { blockStates in
            for t in 0..<months {
                for k in blockStates.indices {
                    var s = blockStates[k]
                    if t == start { s.regime = s.late }
                    let o = observe(s)
                    let share = s.kUS / (s.kUS + s.kCN)
                    let norm = c.normLeadWeight / (1 + o.e3 * o.e1) + (1 - c.normLeadWeight) * s.u
                    let base = out + t * stride + (blocks.lowerBound + k) * lanes
                    store(o.lead, base)
                    store(share, base + months * stride)
                    store(s.u, base + 2 * months * stride)
                    store(norm, base + 3 * months * stride)
                    if t == h { continue }
                    advance(&s, o, logR0: logR0)
                    blockStates[k] = s
                }
            }
        }

        var counts = (0, 0, 0, 0)
        let leads = out + h * stride
        let adoptions = out + (2 * months + h) * stride
        for member in (blocks.lowerBound * lanes)..<min(members, blocks.upperBound * lanes) {
            switch Future(lead: leads[member]) {
            case .future1: counts.0 += 1
            case .contested: counts.1 += 1
            case .future2: counts.2 += 1
            }
            if Markets(adoption: adoptions[member]) == .china { counts.3 += 1 }
        }
        return counts
    }

    /// Each member's lead at the horizon and nothing else: the outcome-only variant of
    /// `simulate`, with the same month (`observe`, `advance`), so its leads are bit for bit
    /// those `simulate` records. `assumptions[k]` holds the drawn assumptions of the k-th
    /// block (`drawn`); block k's eight leads go to `out[8k…8k+7]`, padding lanes included,
    /// and with `adoption` its eight adoptions at the horizon to `adoption[8k…8k+7]`.
    static func leads(
        _ scenario: Scenario, assumptions: ArraySlice<[Vec]>, out: UnsafeMutablePointer<Double>,
        adoption: UnsafeMutablePointer<Double>? = nil
    ) {
        let lanes = Vec.scalarCount
        let h = scenario.horizon
        let start = scenario.policyStart
        let logR0 = log10(Constants.kCN0 / Constants.kUS0)
        var state = assumptions.map { setUp(scenario, $0) }
        state.withUnsafeMutableBufferPointer { blockStates in
            for t in 0..<h {
                for k in blockStates.indices {
                    var s = blockStates[k]
                    if t == start { s.regime = s.late }
                    advance(&s, observe(s), logR0: logR0)
                    blockStates[k] = s
                }
            }
            for k in blockStates.indices {
                store(observe(blockStates[k]).lead, out + k * lanes)
                if let adoption { store(blockStates[k].u, adoption + k * lanes) }
            }
        }
    }

    /// The double-precision lead at the horizon of each of `members` (indices into
    /// `worlds`), in their order: bit for bit what `simulate` and `leads` give them.
    static func exactLeads(_ scenario: Scenario, worlds: Worlds, members: [Int]) -> [Double] {
        exactOutcomes(scenario, worlds: worlds, members: members).map(\.lead)
    }

    /// The double-precision lead and adoption at the horizon of each of `members` (indices
    /// into `worlds`), in their order: bit for bit what `simulate` records for them.
    static func exactOutcomes(
        _ scenario: Scenario, worlds: Worlds, members: [Int]
    ) -> [(lead: Double, adoption: Double)] {
        exactOutcomes(scenario, members: members) { worlds.lanes($0) }
    }

    /// As `exactOutcomes(_:worlds:members:)`, drawing the members from `draws` (bit for bit
    /// the draws the worlds hold).
    static func exactOutcomes(
        _ scenario: Scenario, draws: MemberDraws, members: [Int]
    ) -> [(lead: Double, adoption: Double)] {
        exactOutcomes(scenario, members: members) { lanes in
            var a = [Vec](repeating: Vec(), count: AssumptionID.allCases.count)
            for lane in 0..<Vec.scalarCount {
                draws.draw(member: lanes[lane]) { i, x in a[i][lane] = x }
            }
            return a
        }
    }

    /// The double-precision outcomes of `members`, eight at a time, their drawn assumptions
    /// from `drawn` (one lane per member, table order).
    private static func exactOutcomes(
        _ scenario: Scenario, members: [Int], drawn: (SIMD8<Int>) -> [Vec]
    ) -> [(lead: Double, adoption: Double)] {
        if members.isEmpty { return [] }
        let lanes = Vec.scalarCount
        let blocks = (0..<((members.count + lanes - 1) / lanes)).map { k in
            drawn(SIMD8<Int>((0..<lanes).map { members[min(k * lanes + $0, members.count - 1)] }))
        }
        var out = [Double](repeating: 0, count: blocks.count * lanes)
        var adoption = [Double](repeating: 0, count: blocks.count * lanes)
        out.withUnsafeMutableBufferPointer { o in
            adoption.withUnsafeMutableBufferPointer { a in
                leads(scenario, assumptions: blocks[...], out: o.baseAddress!, adoption: a.baseAddress!)
            }
        }
        return (0..<members.count).map { (out[$0], adoption[$0]) }
    }

    /// The start of month t: China's compute in OOM, both capabilities, the lead and E.
    @inline(__always)
    static func observe(_ s: Block) -> Observation {
        let lKCN = FastMath.log10(s.kCN) - 2  // log10(K_CN/K_US0)
        let capUS = s.lKUS + s.aUS
        let ccCN = lKCN + s.aCN
        let lead = (capUS - ccCN - s.b) * s.invPace
        let e1 = FastMath.exp(lead * (-1 / 24))
        return Observation(lKCN: lKCN, capUS: capUS, ccCN: ccCN, lead: lead, e1: e1, e3: e1 * e1 * e1)
    }

    /// The update of MODEL.md §3 from the start of month t to the start of month t + 1,
    /// all from the start-of-month values in `s` and `o`, under the regime in force;
    /// `logR0` = log10(K_CN0/K_US0).
    @inline(__always)
    static func advance(_ s: inout Block, _ o: Observation, logR0: Double) {
        let c = Constants.self
        let revCN = 1 + c.revenueFeedback * (c.adoption0 - s.u)
        let inflow = (c.domestic0 * s.domPow + s.regime.flow * s.m) * revCN
        let bTarget = s.regime.bFrac * FastMath.positivePart(o.capUS - o.ccCN)
        let uTarget = 1 / (1 + o.e3 * s.regime.priceFactor)
        s.aUS += s.gA
        s.aCN += s.gA * FastMath.exp10(s.rce * (o.lKCN - s.lKUS - logR0))
        let usGrowth = s.gU * (c.revenueFeedback * (s.u - c.adoption0))
        s.lKUS += s.gU + usGrowth
        s.kUS *= s.mGrowth * FastMath.exp10Small(usGrowth)
        s.m *= s.mGrowth
        s.domPow *= s.regime.domFactor
        s.kCN += inflow - c.depreciation * s.kCN
        s.b += (bTarget - s.b) * (1 / c.distillationLag)
        s.u += c.adoptionSpeed * (uTarget - s.u)
    }

    /// One block's drawn assumptions, in table order, one lane per member from `firstMember`.
    static func drawn(_ draws: MemberDraws, firstMember: Int) -> [Vec] {
        var a = [Vec](repeating: Vec(), count: AssumptionID.allCases.count)
        for lane in 0..<Vec.scalarCount {
            draws.draw(member: firstMember + lane) { i, x in a[i][lane] = x }
        }
        return a
    }

    /// The constants and initial state of one block from its drawn assumptions `a` (table
    /// order): the per-member logarithms and powers with vector math, for both lever regimes.
    private static func setUp(_ scenario: Scenario, _ a: [Vec]) -> Block {
        precondition(
            Constants.betaCapability / 12 == 3 * (1.0 / 24) && Constants.normLeadScale == 24.0 / 4,
            "the shared sigmoid exponent assumes β_cap/12 = 3/24 and s_n = 24/4")
        let c = Constants.self
        let ucg = a[AssumptionID.usComputeGrowth.rawValue], ap = a[AssumptionID.algorithmicProgress.rawValue]
        let de = a[AssumptionID.distillationEfficiency.rawValue]

        var block = Block()
        block.gU = FastMath.log10(ucg) * (1.0 / 12)
        block.gA = FastMath.log10(ap) * (1.0 / 12)
        block.invPace = 1 / (block.gU + block.gA)
        block.rce = a[AssumptionID.researchComputeElasticity.rawValue]
        block.mGrowth = FastMath.exp10(block.gU)
        block.b = de * LibM.log10(c.kUS0 / c.kCN0)
        block.late = lanes(scenario.levers, a)
        block.regime = scenario.policyStart == 0 ? block.late : lanes(Preset.statusQuo.levers, a)
        return block
    }

    /// The regime constants of `levers` for one block's drawn assumptions `a` (table order).
    private static func lanes(_ lv: Levers, _ a: [Vec]) -> RegimeLanes {
        let c = Constants.self
        let e = lv.exportControls, s = lv.smugglingEnforcement, o = lv.offshoreControls
        let v = lv.distillationDefense, p = lv.exportPromotion
        let cdg = a[AssumptionID.chinaDomesticGrowth.rawValue], backfire = a[AssumptionID.controlsBackfire.rawValue]
        let leak = a[AssumptionID.controlLeakage.rawValue]
        let enforcement = a[AssumptionID.enforcementEffectiveness.rawValue]
        let de = a[AssumptionID.distillationEfficiency.rawValue]
        let cf = a[AssumptionID.countermeasureFeasibility.rawValue]
        let cpa = a[AssumptionID.chinaPriceAdvantage.rawValue]
        var r = RegimeLanes()
        // 10^gD, gD = (log(growth)·(1 − φe) + backfire·e·log(S_spur))/12.
        let gD =
            (FastMath.log10(cdg) * (1 - c.toolControlEffect * e) + backfire * (e * LibM.log10(c.spurFactor)))
            * (1.0 / 12)
        r.domFactor = FastMath.exp10(gD)
        let blocked = leak * (c.imports0 * e)
        r.flow =
            c.imports0 * (1 - e) + (c.smuggledShare * blocked) * (1 - enforcement * s)
            + ((1 - c.smuggledShare) * blocked) * (1 - enforcement * o)
        // e^(−priceTerm) = price^β_price · e^(−β_promo·p − β_inc).
        let price = cpa * (1 - c.maxPromotionDiscount * p)
        r.priceFactor =
            FastMath.exp10(FastMath.log10(price) * c.betaPrice)
            * LibM.exp(-c.betaPromotion * p - c.betaIncumbency)
        r.bFrac = de * (1 - v * cf)
        return r
    }

    @inline(__always)
    private static func store(_ v: Vec, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vec.self)
    }
}

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
