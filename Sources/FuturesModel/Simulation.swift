import Foundation

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

    /// The four headline outputs at month t.
    public func outcome(at t: Int) -> Outcome {
        Outcome(
            leadMonths: series[0][t], computeShare: series[1][t], adoption: series[2][t],
            normShare: series[3][t])
    }

    /// The outcome at the horizon.
    public var outcome: Outcome { outcome(at: horizon) }
}

/// The lever-dependent constants of one lever regime (MODEL.md §3, "Lever regimes"):
/// the months before `policy_start` run on the `status_quo` preset's, the rest on the
/// scenario's.
struct Regime {
    /// Export controls e.
    let e: Double
    /// 10^gD: domestic output's growth factor per month.
    let domesticFactor: Double
    /// The chip demand that controls block, before rerouting is enforced.
    let blocked: Double
    /// Effective enforcement ŝ and ô.
    let sHat: Double
    let oHat: Double
    /// e^(β_price·ln(price) − β_promo·p − β_inc): the adoption target is
    /// σ(β_cap·lead/12 − …) = 1/(1 + e^(−β_cap·lead/12)·priceFactor).
    let priceFactor: Double
    let bFrac: Double

    init(_ lv: Levers, _ a: Assumptions) {
        let c = Constants.self
        e = lv.exportControls
        let p = lv.exportPromotion
        let gD =
            (log10(a.chinaDomesticGrowth) * (1 - c.toolControlEffect * e)
                + a.controlsBackfire * e * log10(c.spurFactor)) / 12
        domesticFactor = exp10(gD)
        blocked = a.controlLeakage * c.imports0 * e
        sHat = a.enforcementEffectiveness * lv.smugglingEnforcement
        oHat = a.enforcementEffectiveness * lv.offshoreControls
        let lnPrice = log(a.chinaPriceAdvantage * (1 - c.maxPromotionDiscount * p))
        priceFactor = exp(c.betaPrice * lnPrice - c.betaPromotion * p - c.betaIncumbency)
        bFrac = a.distillationEfficiency * (1 - lv.distillationDefense * a.countermeasureFeasibility)
    }
}

/// 10^x as e^(x·ln 10): within a few units in the last place of `pow(10, x)` over the
/// model's exponents (|x| < 10), and about twice as fast (it is most of a month's work).
@inline(__always)
private func exp10(_ x: Double) -> Double { exp(x * 2.302_585_092_994_045_7) }

/// The deterministic model of MODEL.md §3.
public enum Simulation {
    /// Runs the model and records all eight series.
    public static func run(_ scenario: Scenario) -> Trajectory {
        var trajectory = Trajectory(horizon: scenario.horizon)
        _ = step(scenario) { t, o in
            for i in 0..<SeriesID.allCases.count { trajectory.series[i][t] = o[i] }
        }
        return trajectory
    }

    /// Runs the model and returns only the outcome at the horizon (no allocation).
    public static func outcome(_ scenario: Scenario) -> Outcome {
        step(scenario) { _, _ in }
    }

    /// The outcomes of `scenarios`, in order, each bit for bit `outcome(_:)`: runs with the
    /// same horizon advance four side by side, so that the processor overlaps their months
    /// (one run alone waits on its own chain of logarithms and exponentials).
    static func outcomes(_ scenarios: [Scenario]) -> [Outcome] {
        var result = [Outcome]()
        result.reserveCapacity(scenarios.count)
        var i = 0
        while i < scenarios.count {
            let h = scenarios[i].horizon
            guard i + 4 <= scenarios.count, scenarios[(i + 1)..<(i + 4)].allSatisfy({ $0.horizon == h }) else {
                result.append(outcome(scenarios[i]))
                i += 1
                continue
            }
            var r0 = Run(scenarios[i]), r1 = Run(scenarios[i + 1])
            var r2 = Run(scenarios[i + 2]), r3 = Run(scenarios[i + 3])
            for t in 0..<h {
                _ = r0.month(t, advance: true)
                _ = r1.month(t, advance: true)
                _ = r2.month(t, advance: true)
                _ = r3.month(t, advance: true)
            }
            for r in [r0, r1, r2, r3] {
                var last = r
                let o = last.month(h, advance: false)
                result.append(Outcome(leadMonths: o.0, computeShare: o.1, adoption: o.2, normShare: o.3))
            }
            i += 4
        }
        return result
    }

    /// The single implementation of the monthly loop. `record(t, outputs)` receives the
    /// eight outputs of month t in `SeriesID` order; the outcome at the horizon is returned.
    @inline(__always)
    static func step(_ scenario: Scenario, record: (Int, UnsafePointer<Double>) -> Void) -> Outcome {
        let h = scenario.horizon
        var run = Run(scenario)
        var t = 0
        while true {
            var out = run.month(t, advance: t < h)
            withUnsafePointer(to: &out) {
                $0.withMemoryRebound(to: Double.self, capacity: 8) { record(t, $0) }
            }
            if t == h {
                return Outcome(leadMonths: out.0, computeShare: out.1, adoption: out.2, normShare: out.3)
            }
            t += 1
        }
    }
}

/// One deterministic run's constants and its state at the start of a month: the equations
/// of MODEL.md §3, rearranged without changing them: US compute is tracked as its
/// logarithm, both sigmoids share E = e^(−lead/24) (σ(lead/6) = 1/(1+E⁴), and the adoption
/// target's capability term is E³), and the domestic scale 10^ℓD grows by a factor per
/// month. Four transcendental calls remain per month.
struct Run {
    let before: Regime, after: Regime
    let policyStart: Int
    let gU: Double, gA: Double, pace: Double, logR0: Double, mGrowth: Double, rce: Double
    // lKUS = log10(K_US/K_US0); domestic = 10^ℓD.
    var lKUS = 0.0, kCN = Constants.kCN0, aUS = 0.0, aCN = 0.0, m = 1.0, domestic = 1.0
    var b: Double, u = Constants.adoption0

    @inline(__always)
    init(_ scenario: Scenario) {
        let a = scenario.assumptions
        let c = Constants.self
        before = Regime(Preset.statusQuo.levers, a)
        after = Regime(scenario.levers, a)
        precondition(
            c.betaCapability / 12 == 3 * (1.0 / 24) && c.normLeadScale == 24.0 / 4,
            "the shared sigmoid exponent assumes β_cap/12 = 3/24 and s_n = 24/4")
        policyStart = scenario.policyStart
        gU = log10(a.usComputeGrowth) / 12
        gA = log10(a.algorithmicProgress) / 12
        pace = gU + gA
        logR0 = log10(c.kCN0 / c.kUS0)
        mGrowth = exp10(gU)
        rce = a.researchComputeElasticity
        b = a.distillationEfficiency * log10(1 / (c.kCN0 / c.kUS0))
    }

    /// The eight outputs of month t (`SeriesID` order) from the state at its start; then,
    /// with `advance`, the state moves to the start of month t + 1.
    @inline(__always)
    mutating func month(
        _ t: Int, advance: Bool
    )
        -> (Double, Double, Double, Double, Double, Double, Double, Double)
    {
        let c = Constants.self
        let r = t < policyStart ? before : after
        let lKCN = log10(kCN / c.kUS0)
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
        let share = 1 / (1 + exp10(ratioLog))
        let e1 = exp(lead * (-1.0 / 24))
        let e3 = e1 * e1 * e1
        let norm = c.normLeadWeight / (1 + e3 * e1) + (1 - c.normLeadWeight) * u
        let out = (lead, share, u, norm, domT, impT, smgT, offT)
        if !advance { return out }
        let revUS = 1 + c.revenueFeedback * (u - c.adoption0)
        let bTarget = r.bFrac * max(0, capUS - ccCN)
        let uTarget = 1 / (1 + e3 * r.priceFactor)
        aUS += gA
        aCN += gA * exp10(rce * (ratioLog - logR0))
        lKUS += gU * revUS
        m *= mGrowth
        domestic *= r.domesticFactor
        kCN += domT + impT + smgT + offT - c.depreciation * kCN
        b += (bTarget - b) / c.distillationLag
        u += c.adoptionSpeed * (uTarget - u)
        return out
    }
}
