/// A fixed parameter of MODEL.md §2: not a slider, but a number the results rest on, with
/// where it comes from (MODEL.md §2 and §6), for `twofutures parameters --all`.
public struct FixedParameter: Sendable, Equatable {
    /// The symbol in MODEL.md's equations ("S_spur", "D0").
    public let symbol: String
    public let value: Double
    public let unit: String
    public let meaning: String
    /// The public source as reported, or "a modelling choice" where MODEL.md gives none.
    public let source: String

    /// Every fixed parameter, in the order MODEL.md §2 lists them.
    public static let all: [FixedParameter] = [
        FixedParameter(
            symbol: "K_US0", value: Constants.kUS0, unit: "compute units",
            meaning: "US and allied frontier compute in January 2026",
            source: "the US holds about 75 % of GPU-cluster performance (Epoch AI, May 2025)"),
        FixedParameter(
            symbol: "K_CN0", value: Constants.kCN0, unit: "compute units",
            meaning: "China's frontier compute in January 2026 (a 5× gap)",
            source: "China holds about 15 % of GPU-cluster performance (Epoch AI, May 2025)"),
        FixedParameter(
            symbol: "δ", value: Constants.depreciation, unit: "per month",
            meaning: "chip depreciation: a 4-year useful life", source: modellingChoice),
        FixedParameter(
            symbol: "D0", value: Constants.domestic0, unit: "compute units/month",
            meaning: "China's domestic AI-chip output in January 2026",
            source: "Huawei makes about 4 % of NVIDIA's aggregate compute in 2026 (the essay); about 25 % of "
                + "China's 2026 sources are domestic (Grunewald, Feb 2026)"),
        FixedParameter(
            symbol: "I0", value: Constants.imports0, unit: "compute units/month",
            meaning: "China's legal imports in January 2026 with no controls",
            source: "about 60 % of China's 2026 compute sources are legal imports, H200 (Grunewald, Feb 2026)"),
        FixedParameter(
            symbol: "λs", value: Constants.smuggledShare, unit: "–",
            meaning: "smuggled share of rerouted demand (the rest goes offshore)",
            source: "about 140k smuggled chips in 2024, roughly 10 % of training compute (CNAS, Jun 2025)"),
        FixedParameter(
            symbol: "φ", value: Constants.toolControlEffect, unit: "–",
            meaning: "effect of chipmaking-tool controls on domestic growth", source: modellingChoice),
        FixedParameter(
            symbol: "S_spur", value: Constants.spurFactor, unit: "×/yr",
            meaning: "extra yearly growth of China's domestic output at full controls and full backfire",
            source: "critics' upper bound, from Huawei's reported plans of 2–3× more Ascend dies a year"),
        FixedParameter(
            symbol: "τ", value: Constants.distillationLag, unit: "months",
            meaning: "distillation lag: time to harvest outputs and train on them", source: modellingChoice),
        FixedParameter(
            symbol: "u0", value: Constants.adoption0, unit: "–",
            meaning: "the American stack's share of AI users in developing markets, January 2026",
            source: "Chinese models hold about 15 % of AI users in the Global South (Microsoft AI Diffusion "
                + "Report, Jan 2026)"),
        FixedParameter(
            symbol: "ρ", value: Constants.adoptionSpeed, unit: "per month",
            meaning: "adoption speed: markets move over about 18 months", source: modellingChoice),
        FixedParameter(
            symbol: "ζ", value: Constants.revenueFeedback, unit: "–",
            meaning: "revenue feedback: market share funds compute", source: modellingChoice),
        FixedParameter(
            symbol: "β_cap", value: Constants.betaCapability, unit: "–",
            meaning: "adoption weight of the capability lead", source: modellingChoice),
        FixedParameter(
            symbol: "β_price", value: Constants.betaPrice, unit: "–",
            meaning: "adoption weight of the price ratio", source: modellingChoice),
        FixedParameter(
            symbol: "β_promo", value: Constants.betaPromotion, unit: "–",
            meaning: "adoption weight of export promotion", source: modellingChoice),
        FixedParameter(
            symbol: "β_inc", value: Constants.betaIncumbency, unit: "–",
            meaning: "adoption weight of incumbency and trust", source: modellingChoice),
        FixedParameter(
            symbol: "κ", value: Constants.maxPromotionDiscount, unit: "–",
            meaning: "largest price cut that export promotion can finance", source: modellingChoice),
        FixedParameter(
            symbol: "w", value: Constants.normLeadWeight, unit: "–",
            meaning: "norm index: weight of the lead against adoption", source: modellingChoice),
        FixedParameter(
            symbol: "s_n", value: Constants.normLeadScale, unit: "months",
            meaning: "norm index: lead scale of its sigmoid", source: modellingChoice),
        FixedParameter(
            symbol: "F1", value: Constants.future1Threshold, unit: "months",
            meaning: "Future 1 when the lead at the horizon is at least this",
            source: "the essay's Scenario 1: a US lead of 12–24 months and growing (May 2026)"),
        FixedParameter(
            symbol: "F2", value: Constants.future2Threshold, unit: "months",
            meaning: "Future 2 when the lead at the horizon is at most this",
            source: "the essay's Scenario 2: China \"months behind\" or overtaking (May 2026)"),
        FixedParameter(
            symbol: "M", value: Constants.marketsThreshold, unit: "–",
            meaning: "developing markets go to China when the American stack's share at the horizon is below this",
            source: "the essay's Scenario 2: China \"winning on price in the Global South\" (May 2026), "
                + "read as China's stack serving most AI users there"),
    ]

    /// What the source column says where MODEL.md gives no public source.
    public static let modellingChoice = "a modelling choice (no public source)"
}
