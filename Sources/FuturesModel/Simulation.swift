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

/// The logistic function σ(x) = 1/(1+e^(−x)).
@inline(__always) func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// The lever-dependent constants of one lever regime (MODEL.md §3, "Lever regimes"):
/// the months before `policy_start` run on the `status_quo` preset's, the rest on the
/// scenario's.
struct Regime {
    /// Export controls e.
    let e: Double
    /// Promotion p.
    let p: Double
    /// Domestic output's growth in OOM per month, gD.
    let gD: Double
    /// The chip demand that controls block, before rerouting is enforced.
    let blocked: Double
    /// Effective enforcement ŝ and ô.
    let sHat: Double
    let oHat: Double
    /// ln(price).
    let lnPrice: Double
    let bFrac: Double

    init(_ lv: Levers, _ a: Assumptions) {
        let c = Constants.self
        e = lv.exportControls
        p = lv.exportPromotion
        gD =
            (log10(a.chinaDomesticGrowth) * (1 - c.toolControlEffect * e)
                + a.controlsBackfire * e * log10(c.spurFactor)) / 12
        blocked = a.controlLeakage * c.imports0 * e
        sHat = a.enforcementEffectiveness * lv.smugglingEnforcement
        oHat = a.enforcementEffectiveness * lv.offshoreControls
        lnPrice = log(a.chinaPriceAdvantage * (1 - c.maxPromotionDiscount * p))
        bFrac = a.distillationEfficiency * (1 - lv.distillationDefense * a.countermeasureFeasibility)
    }
}

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

    /// The single implementation of the monthly loop. `record(t, outputs)` receives the
    /// eight outputs of month t in `SeriesID` order; the outcome at the horizon is returned.
    @inline(__always)
    static func step(_ scenario: Scenario, record: (Int, UnsafePointer<Double>) -> Void) -> Outcome {
        let a = scenario.assumptions
        let h = scenario.horizon
        let c = Constants.self
        let before = Regime(Preset.statusQuo.levers, a)
        let after = Regime(scenario.levers, a)

        let gU = log10(a.usComputeGrowth) / 12
        let gA = log10(a.algorithmicProgress) / 12
        let pace = gU + gA
        let r0 = c.kCN0 / c.kUS0
        let mGrowth = pow(10, gU)

        var kUS = c.kUS0, kCN = c.kCN0, aUS = 0.0, aCN = 0.0, m = 1.0, lD = 0.0
        var b = a.distillationEfficiency * log10(1 / r0)
        var u = c.adoption0
        var out = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var t = 0
        while true {
            let r = t < scenario.policyStart ? before : after
            let capUS = log10(kUS / c.kUS0) + aUS
            let ccCN = log10(kCN / c.kUS0) + aCN
            let lead = (capUS - ccCN - b) / pace
            let revCN = 1 + c.revenueFeedback * (c.adoption0 - u)
            let domT = c.domestic0 * pow(10, lD) * revCN
            let impT = c.imports0 * (1 - r.e) * m * revCN
            let smgT = c.smuggledShare * r.blocked * (1 - r.sHat) * m * revCN
            let offT = (1 - c.smuggledShare) * r.blocked * (1 - r.oHat) * m * revCN
            let share = kUS / (kUS + kCN)
            let norm = c.normLeadWeight * sigmoid(lead / c.normLeadScale) + (1 - c.normLeadWeight) * u
            out = (lead, share, u, norm, domT, impT, smgT, offT)
            withUnsafePointer(to: &out) {
                $0.withMemoryRebound(to: Double.self, capacity: 8) { record(t, $0) }
            }
            if t == h {
                return Outcome(leadMonths: lead, computeShare: share, adoption: u, normShare: norm)
            }
            let revUS = 1 + c.revenueFeedback * (u - c.adoption0)
            let bTarget = r.bFrac * max(0, capUS - ccCN)
            let uTarget = sigmoid(
                c.betaCapability * lead / 12 - c.betaPrice * r.lnPrice + c.betaPromotion * r.p + c.betaIncumbency)
            aUS += gA
            aCN += gA * pow((kCN / kUS) / r0, a.researchComputeElasticity)
            kUS *= pow(10, gU * revUS)
            m *= mGrowth
            lD += r.gD
            kCN += domT + impT + smgT + offT - c.depreciation * kCN
            b += (bTarget - b) / c.distillationLag
            u += c.adoptionSpeed * (uTarget - u)
            t += 1
        }
    }
}
