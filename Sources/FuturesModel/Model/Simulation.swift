import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every series of one deterministic run: H+1 values each, month 0 to the horizon.
public struct Trajectory: Sendable, Equatable {
    public let horizon: Int
    /// `series[SeriesID.rawValue][t]`.
    public var series: [[Double]]

    public init(horizon: Int) {
        self.horizon = horizon
        series = Array(repeating: Array(repeating: 0, count: horizon + 1), count: SeriesID.allCases.count)
    }

    public subscript(id: SeriesID) -> [Double] { series[id.rawValue] }

    /// Stores lane `lane` of `month` as month t.
    mutating func record(_ month: Month, lane: Int, at t: Int) {
        series[0][t] = month.lead[lane]
        series[1][t] = month.share[lane]
        series[2][t] = month.adoption[lane]
        series[3][t] = month.norm[lane]
        series[4][t] = month.domestic[lane]
        series[5][t] = month.imports[lane]
        series[6][t] = month.smuggled[lane]
        series[7][t] = month.offshore[lane]
    }

    /// The four headline outputs at month t.
    public func outcome(at t: Int) -> Outcome {
        Outcome(
            leadMonths: series[0][t], computeShare: series[1][t], adoption: series[2][t],
            normShare: series[3][t])
    }

    /// The outcome at the horizon.
    public var outcome: Outcome { outcome(at: horizon) }
}

/// The lever-dependent constants of one lever regime (MODEL.md §3, "Lever regimes"), lane
/// by lane: the months before `policy_start` run on the `status_quo` preset's, the rest on
/// the scenario's.
struct Regime {
    /// Export controls e.
    var e: Lanes
    /// 10^gD: domestic output's growth factor per month.
    var domesticFactor: Lanes
    /// The chip demand that controls block, before rerouting is enforced.
    var blocked: Lanes
    /// Effective enforcement ŝ and ô.
    var sHat: Lanes
    var oHat: Lanes
    /// e^(β_price·ln(price) − β_promo·p − β_inc): the adoption target is
    /// σ(β_cap·lead/12 − …) = 1/(1 + e^(−β_cap·lead/12)·priceFactor).
    var priceFactor: Lanes
    var bFrac: Lanes

    @inline(__always)
    init(_ lv: LaneInputs.Levers, _ a: LaneInputs.Assumptions) {
        let c = Constants.self
        e = lv.exportControls
        let p = lv.exportPromotion
        let gD =
            (LaneMath.log10(a.chinaDomesticGrowth) * (1 - c.toolControlEffect * e)
                + a.controlsBackfire * e * LibM.log10(c.spurFactor)) / 12
        domesticFactor = LaneMath.exp10(gD)
        blocked = a.controlLeakage * c.imports0 * e
        sHat = a.enforcementEffectiveness * lv.smugglingEnforcement
        oHat = a.enforcementEffectiveness * lv.offshoreControls
        let lnPrice = LaneMath.log(a.chinaPriceAdvantage * (1 - c.maxPromotionDiscount * p))
        priceFactor = LaneMath.exp(c.betaPrice * lnPrice - c.betaPromotion * p - c.betaIncumbency)
        bFrac = a.distillationEfficiency * (1 - lv.distillationDefense * a.countermeasureFeasibility)
    }

    /// `early` where `mask` is false, `late` where it is true.
    @inline(__always)
    init(_ early: Regime, _ late: Regime, where mask: SIMDMask<SIMD8<Int64>>) {
        e = early.e.replacing(with: late.e, where: mask)
        domesticFactor = early.domesticFactor.replacing(with: late.domesticFactor, where: mask)
        blocked = early.blocked.replacing(with: late.blocked, where: mask)
        sHat = early.sHat.replacing(with: late.sHat, where: mask)
        oHat = early.oHat.replacing(with: late.oHat, where: mask)
        priceFactor = early.priceFactor.replacing(with: late.priceFactor, where: mask)
        bFrac = early.bFrac.replacing(with: late.bFrac, where: mask)
    }
}

/// Up to eight scenarios' inputs, one per lane; unused lanes repeat the first scenario.
struct LaneInputs {
    struct Levers {
        var exportControls = Lanes(), smugglingEnforcement = Lanes(), offshoreControls = Lanes()
        var distillationDefense = Lanes(), exportPromotion = Lanes()
    }
    struct Assumptions {
        var usComputeGrowth = Lanes(), algorithmicProgress = Lanes(), chinaDomesticGrowth = Lanes()
        var controlsBackfire = Lanes(), controlLeakage = Lanes(), enforcementEffectiveness = Lanes()
        var distillationEfficiency = Lanes(), countermeasureFeasibility = Lanes()
        var researchComputeElasticity = Lanes(), chinaPriceAdvantage = Lanes()
    }
    var levers = Levers(), statusQuo = Levers(), assumptions = Assumptions()
    var policyStart = Lanes()

    init(_ scenarios: UnsafeBufferPointer<Scenario>) {
        let q = Preset.statusQuo.levers
        for lane in 0..<Lanes.scalarCount {
            let s = scenarios[lane < scenarios.count ? lane : 0]
            let lv = s.levers, a = s.assumptions
            levers.exportControls[lane] = lv.exportControls
            levers.smugglingEnforcement[lane] = lv.smugglingEnforcement
            levers.offshoreControls[lane] = lv.offshoreControls
            levers.distillationDefense[lane] = lv.distillationDefense
            levers.exportPromotion[lane] = lv.exportPromotion
            statusQuo.exportControls[lane] = q.exportControls
            statusQuo.smugglingEnforcement[lane] = q.smugglingEnforcement
            statusQuo.offshoreControls[lane] = q.offshoreControls
            statusQuo.distillationDefense[lane] = q.distillationDefense
            statusQuo.exportPromotion[lane] = q.exportPromotion
            assumptions.usComputeGrowth[lane] = a.usComputeGrowth
            assumptions.algorithmicProgress[lane] = a.algorithmicProgress
            assumptions.chinaDomesticGrowth[lane] = a.chinaDomesticGrowth
            assumptions.controlsBackfire[lane] = a.controlsBackfire
            assumptions.controlLeakage[lane] = a.controlLeakage
            assumptions.enforcementEffectiveness[lane] = a.enforcementEffectiveness
            assumptions.distillationEfficiency[lane] = a.distillationEfficiency
            assumptions.countermeasureFeasibility[lane] = a.countermeasureFeasibility
            assumptions.researchComputeElasticity[lane] = a.researchComputeElasticity
            assumptions.chinaPriceAdvantage[lane] = a.chinaPriceAdvantage
            policyStart[lane] = Double(s.policyStart)
        }
    }
}

/// The deterministic model of MODEL.md §3.
///
/// Every run goes through one implementation, `Run`, which advances up to eight scenarios
/// side by side in the lanes of a vector (a single run fills one lane). The lanes never mix,
/// so a scenario's results are bit for bit the same whichever lane and batch it runs in.
public enum Simulation {
    /// Runs the model and records all eight series.
    public static func run(_ scenario: Scenario) -> Trajectory { runs([scenario])[0] }

    /// Runs the model and returns only the outcome at the horizon.
    public static func outcome(_ scenario: Scenario) -> Outcome { outcomes([scenario])[0] }

    /// The trajectories of `scenarios`, in order, each bit for bit `run(_:)`.
    public static func runs(_ scenarios: [Scenario]) -> [Trajectory] {
        var result = scenarios.map { Trajectory(horizon: $0.horizon) }
        batches(scenarios) { first, count, t, month in
            for lane in 0..<count where t <= scenarios[first + lane].horizon {
                result[first + lane].record(month, lane: lane, at: t)
            }
        }
        return result
    }

    /// The outcomes of `scenarios` at their horizons, in order, each bit for bit
    /// `outcome(_:)`.
    public static func outcomes(_ scenarios: [Scenario]) -> [Outcome] {
        var result = [Outcome](repeating: .zero, count: scenarios.count)
        batches(scenarios) { first, count, t, month in
            for lane in 0..<count where t == scenarios[first + lane].horizon {
                result[first + lane] = Outcome(
                    leadMonths: month.lead[lane], computeShare: month.share[lane], adoption: month.adoption[lane],
                    normShare: month.norm[lane])
            }
        }
        return result
    }

    /// Runs `scenarios` eight at a time, each batch to its longest horizon, and hands
    /// `body(first, count, t, outputs)` the outputs of every month t (lanes 0..<count are
    /// scenarios first..<first + count; lanes past a scenario's horizon are to be ignored).
    @inline(__always)
    private static func batches(_ scenarios: [Scenario], _ body: (Int, Int, Int, Month) -> Void) {
        scenarios.withUnsafeBufferPointer { all in
            var first = 0
            while first < all.count {
                let count = min(Lanes.scalarCount, all.count - first)
                let batch = UnsafeBufferPointer(rebasing: all[first..<(first + count)])
                let horizon = batch.lazy.map(\.horizon).max()!
                var run = Run(LaneInputs(batch))
                for t in 0...horizon { body(first, count, t, run.month(t, advance: t < horizon)) }
                first += count
            }
        }
    }
}

/// The eight outputs of one month (`SeriesID` order), lane by lane.
struct Month {
    var lead: Lanes, share: Lanes, adoption: Lanes, norm: Lanes
    var domestic: Lanes, imports: Lanes, smuggled: Lanes, offshore: Lanes
}

/// Up to eight deterministic runs' constants and their states at the start of a month: the
/// equations of MODEL.md §3, rearranged without changing them: US compute is tracked as its
/// logarithm, both sigmoids share E = e^(−lead/24) (σ(lead/6) = 1/(1+E⁴), and the adoption
/// target's capability term is E³), and the domestic scale 10^ℓD grows by a factor per
/// month. Four exponentials and logarithms remain per month, each over all lanes at once.
struct Run {
    let before: Regime, after: Regime
    let policyStart: Lanes
    let gU: Lanes, gA: Lanes, pace: Lanes, logR0: Double, mGrowth: Lanes, rce: Lanes
    // lKUS = log10(K_US/K_US0); domestic = 10^ℓD.
    var lKUS = Lanes(), kCN = Lanes(repeating: Constants.kCN0), aUS = Lanes(), aCN = Lanes()
    var m = Lanes(repeating: 1), domestic = Lanes(repeating: 1)
    var b: Lanes, u = Lanes(repeating: Constants.adoption0)

    @inline(__always)
    init(_ inputs: LaneInputs) {
        let a = inputs.assumptions
        let c = Constants.self
        before = Regime(inputs.statusQuo, a)
        after = Regime(inputs.levers, a)
        precondition(
            c.betaCapability / 12 == 3 * (1.0 / 24) && c.normLeadScale == 24.0 / 4,
            "the shared sigmoid exponent assumes β_cap/12 = 3/24 and s_n = 24/4")
        policyStart = inputs.policyStart
        gU = LaneMath.log10(a.usComputeGrowth) / 12
        gA = LaneMath.log10(a.algorithmicProgress) / 12
        pace = gU + gA
        logR0 = LibM.log10(c.kCN0 / c.kUS0)
        mGrowth = LaneMath.exp10(gU)
        rce = a.researchComputeElasticity
        b = a.distillationEfficiency * LibM.log10(1 / (c.kCN0 / c.kUS0))
    }

    /// The outputs of month t from the state at its start; then, with `advance`, the state
    /// moves to the start of month t + 1.
    @inline(__always)
    mutating func month(_ t: Int, advance: Bool) -> Month {
        let c = Constants.self
        let r = Regime(before, after, where: Lanes(repeating: Double(t)) .>= policyStart)
        let lKCN = LaneMath.log10(kCN / c.kUS0)
        let capUS = lKUS + aUS
        let ccCN = lKCN + aCN
        let lead = (capUS - ccCN - b) / pace
        let revCN = 1 + c.revenueFeedback * (c.adoption0 - u)
        let domT = c.domestic0 * domestic * revCN
        let impT = c.imports0 * (1 - r.e) * m * revCN
        let smgT = c.smuggledShare * r.blocked * (1 - r.sHat) * m * revCN
        let offT = (1 - c.smuggledShare) * r.blocked * (1 - r.oHat) * m * revCN
        // K_CN/K_US = 10^(lKCN − lKUS).
        let ratioLog = lKCN - lKUS
        let share = 1 / (1 + LaneMath.exp10(ratioLog))
        let e1 = LaneMath.exp(lead * (-1.0 / 24))
        let e3 = e1 * e1 * e1
        let norm = c.normLeadWeight / (1 + e3 * e1) + (1 - c.normLeadWeight) * u
        let out = Month(
            lead: lead, share: share, adoption: u, norm: norm, domestic: domT, imports: impT, smuggled: smgT,
            offshore: offT)
        if !advance { return out }
        let revUS = 1 + c.revenueFeedback * (u - c.adoption0)
        let gap = capUS - ccCN
        let bTarget = r.bFrac * gap.replacing(with: 0, where: gap .< 0)
        let uTarget = 1 / (1 + e3 * r.priceFactor)
        aUS += gA
        aCN += gA * LaneMath.exp10(rce * (ratioLog - logR0))
        lKUS += gU * revUS
        m *= mGrowth
        domestic *= r.domesticFactor
        kCN += domT + impT + smgT + offT - c.depreciation * kCN
        b += (bTarget - b) / c.distillationLag
        u += c.adoptionSpeed * (uTarget - u)
        return out
    }
}
