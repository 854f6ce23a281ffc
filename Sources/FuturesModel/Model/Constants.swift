/// Every fixed parameter of MODEL.md §2, in one place, each with its source or reasoning.
///
/// The numbers are the model's (version `twofutures/3`); change them only together with
/// the model version and the golden cases. `FixedParameter.all` lists them with their
/// sources for `twofutures parameters --all`.
public enum Constants {
    /// The model's version string, written into every JSON document and scenario.
    public static let modelVersion = "twofutures/3"
    /// The first simulated month (t = 0).
    public static let startYear = 2026
    public static let startMonth = 1

    /// US+allied frontier compute at t = 0, in compute units. The US holds about 75 % of
    /// GPU-cluster performance (Epoch AI, May 2025).
    public static let kUS0 = 100.0
    /// China's frontier compute at t = 0: about 15 % of the world's, so a 5× gap
    /// (Epoch AI, May 2025).
    public static let kCN0 = 20.0
    /// Chip depreciation per month: a 4-year useful life.
    public static let depreciation = 1.0 / 48.0
    /// China's domestic AI-chip output per month at t = 0 (Huawei ≈ 4 % of NVIDIA's
    /// aggregate compute in 2026, per the essay), in compute units.
    public static let domestic0 = 0.6
    /// China's legal imports per month at t = 0 with no controls, in compute units
    /// (imports ≈ 60 % of China's 2026 sources, Grunewald, Feb 2026).
    public static let imports0 = 4.0
    /// The smuggled share of rerouted demand; the rest goes to offshore data centres
    /// (≈ 140k smuggled chips in 2024, CNAS, Jun 2025).
    public static let smuggledShare = 0.4
    /// Effect of chipmaking-tool controls on China's domestic growth exponent.
    public static let toolControlEffect = 0.5
    /// The extra yearly growth factor of China's domestic output at full controls and full
    /// backfire: the critics' upper bound, from Huawei's reported plans of 2–3× more Ascend
    /// dies a year.
    public static let spurFactor = 4.0
    /// Distillation lag in months: the time to harvest outputs and train on them.
    public static let distillationLag = 4.0
    /// The American stack's share of AI users in developing markets, January 2026
    /// (Chinese models ≈ 15 %, Microsoft AI Diffusion Report, Jan 2026).
    public static let adoption0 = 0.85
    /// Adoption speed per month: markets move towards their equilibrium over ~18 months.
    public static let adoptionSpeed = 1.0 / 18.0
    /// Revenue feedback: market share funds compute growth (US) and chip buying (China).
    public static let revenueFeedback = 0.3
    /// Adoption logit weights: capability lead, price, promotion, incumbency and trust.
    public static let betaCapability = 1.5
    public static let betaPrice = 0.6
    public static let betaPromotion = 1.0
    public static let betaIncumbency = 1.0
    /// The largest price cut that export promotion can finance (50 %).
    public static let maxPromotionDiscount = 0.5
    /// Norm-setting index: weight of the frontier lead versus adoption, and the lead
    /// scale in months of its sigmoid.
    public static let normLeadWeight = 0.5
    public static let normLeadScale = 6.0
    /// Future 1 when the lead at the horizon is at least this many months.
    public static let future1Threshold = 12.0
    /// Future 2 when the lead at the horizon is at most this many months.
    public static let future2Threshold = 3.0
    /// Developing markets go to China when the American stack's share of AI users at the
    /// horizon is below this (MODEL.md §4 "Markets"): China's stack then serves most of them.
    public static let marketsThreshold = 0.5

    /// Allowed policy start months (0 = 2026-01, 24 = 2028-01); the default starts now.
    public static let policyStartRange = 0...24
    /// Allowed horizons in months, and the default (January 2029, "by 2028").
    public static let horizonRange = 12...120
    public static let defaultHorizon = 36
    /// Ensemble defaults: uncertainty r and the members the dashboard uses.
    public static let defaultUncertainty = 0.5
    public static let defaultSeed: UInt64 = 1
    /// The largest ensemble the CLI accepts (memory: 4 outputs × (H+1) × N doubles).
    public static let maxMembers = 1_000_000
}
