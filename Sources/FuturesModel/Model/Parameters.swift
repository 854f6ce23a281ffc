/// Whether a parameter is a policy lever, the policy's start (timing) or a contested
/// assumption. The raw value is the sensitivity row's `kind` in the JSON document.
public enum ParameterKind: String, Sendable, Equatable, CaseIterable {
    case lever
    case timing
    case assumption
}

/// One row of the parameter table: the single source for slider rows, CLI validation and
/// the README's table (SDEverywhere/PySD style: parameters are data).
public struct ParameterSpec: Sendable, Equatable {
    public let id: String
    public let kind: ParameterKind
    public let name: String
    /// Unit shown after the value ("%", "×/yr", "–", "×", "months").
    public let unit: String
    public let defaultValue: Double
    public let min: Double
    public let max: Double
    /// The natural slider step (5 points for levers, 3 months for the start).
    public let step: Double
    public let meaning: String
    /// The real-world referent or what the default rests on (MODEL.md §2), as reported.
    public let source: String

    /// Whether `value` lies within the allowed range (NaN never does).
    public func contains(_ value: Double) -> Bool { value >= min && value <= max }
}

/// The five policy levers, in table order (MODEL.md §2).
public enum LeverID: Int, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case exportControls, smugglingEnforcement, offshoreControls, distillationDefense, exportPromotion

    public static func < (a: LeverID, b: LeverID) -> Bool { a.rawValue < b.rawValue }

    public var spec: ParameterSpec { ParameterTable.levers[rawValue] }
    public var id: String { spec.id }
    public init?(id: String) {
        guard let i = ParameterTable.levers.firstIndex(where: { $0.id == id }) else { return nil }
        self.init(rawValue: i)
    }
}

/// The ten contested assumptions, in table order (MODEL.md §2).
public enum AssumptionID: Int, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case usComputeGrowth, algorithmicProgress, chinaDomesticGrowth, controlsBackfire, controlLeakage
    case enforcementEffectiveness
    case distillationEfficiency, countermeasureFeasibility, researchComputeElasticity, chinaPriceAdvantage

    public static func < (a: AssumptionID, b: AssumptionID) -> Bool { a.rawValue < b.rawValue }

    public var spec: ParameterSpec { ParameterTable.assumptions[rawValue] }
    public var id: String { spec.id }
    public init?(id: String) {
        guard let i = ParameterTable.assumptions.firstIndex(where: { $0.id == id }) else { return nil }
        self.init(rawValue: i)
    }
}

/// A lever, the policy's start month, or an assumption.
public enum ParameterID: Sendable, Equatable, Hashable {
    case lever(LeverID)
    case policyStart
    case assumption(AssumptionID)

    public var spec: ParameterSpec {
        switch self {
        case .lever(let l): l.spec
        case .policyStart: ParameterTable.policyStart
        case .assumption(let a): a.spec
        }
    }

    /// Looks up a parameter by its id string.
    public init?(id: String) {
        if let l = LeverID(id: id) {
            self = .lever(l)
        } else if id == ParameterTable.policyStart.id {
            self = .policyStart
        } else if let a = AssumptionID(id: id) {
            self = .assumption(a)
        } else {
            return nil
        }
    }

    /// Every parameter in table order: the levers, the policy's start, then the assumptions.
    public static let all: [ParameterID] =
        LeverID.allCases.map { .lever($0) } + [.policyStart] + AssumptionID.allCases.map { .assumption($0) }
}

/// The parameter table of MODEL.md §2, with each row's source line.
public enum ParameterTable {
    public static let levers: [ParameterSpec] = [
        lever(
            "export_controls", "Export controls", 0.5,
            "strictness of controls on advanced chips and chipmaking tools",
            "BIS chip rules of Oct 2022 and Oct 2023; H200 exports approved with conditions, Jan 2026"),
        lever(
            "smuggling_enforcement", "Anti-smuggling", 0.3,
            "chip tracking, location checks, prosecution of diversion",
            "Chip Security Act (location verification), May 2025; about 140k chips smuggled in 2024 (CNAS, Jun 2025)"
        ),
        lever(
            "offshore_controls", "Offshore compute", 0.2,
            "know-your-customer limits on Chinese use of foreign data centres and clouds",
            "AI Diffusion Rule, Jan 2025, rescinded May 2025; no control covers cloud access since"),
        lever(
            "distillation_defense", "Distillation defence", 0.3,
            "detecting and blocking mass harvesting of US model outputs",
            "16M+ exchanges via about 24k fraudulent accounts (Anthropic, Feb 2026); OSTP memo NSTM-4, Apr 2026"),
        lever(
            "export_promotion", "AI export promotion", 0.2,
            "financing and full-stack packages for American AI abroad",
            "the essay's third recommendation (May 2026)"),
    ]

    /// When the levers take effect: a whole number of months from January 2026 (MODEL.md §2
    /// "Timing"); before it the status-quo levers apply.
    public static let policyStart = ParameterSpec(
        id: "policy_start", kind: .timing, name: "Policy starts", unit: "months",
        defaultValue: 0, min: 0, max: Double(Constants.policyStartRange.upperBound), step: 3,
        meaning: "when the levers take effect; before it the status-quo levers apply",
        source: "\"2026 is the breakaway opportunity\" (the essay, May 2026)")

    public static let assumptions: [ParameterSpec] = [
        assumption(
            "us_compute_growth", "US compute growth", "×/yr", 3.3, 2.0, 5.0, 0.1,
            "growth of US AI compute, and of global chip supply",
            "world AI compute 3.3×/yr since 2022 (Stanford AI Index, Apr 2026); frontier training 4–5×/yr "
                + "(Epoch AI, 2024)"),
        assumption(
            "algorithmic_progress", "Algorithmic progress", "×/yr", 3.0, 1.5, 6.0, 0.1,
            "efficiency gains at the frontier",
            "compute for fixed performance halves every ~8 months, 95 % CI 5–14 (Ho et al., Epoch AI, Mar 2024)"),
        assumption(
            "china_domestic_growth", "China chip growth", "×/yr", 1.3, 1.0, 3.0, 0.05,
            "growth of China's own AI-chip output before controls",
            "Huawei at 4 % of NVIDIA's compute in 2026, 2 % in 2027 (the essay); SMIC 45k→80k wafers/month "
                + "2025–27 (SemiAnalysis, 2025)"),
        assumption(
            "controls_backfire", "Controls backfire", "–", 0.3, 0.0, 1.0, 0.05,
            "how much controls spur China's domestic industry",
            "contested: critics point to Huawei Ascend and SMIC 7/5 nm progress under controls; no agreed estimate"),
        assumption(
            "control_leakage", "Control leakage", "–", 0.7, 0.0, 1.0, 0.05,
            "share of the chip demand that controls block which reroutes to smuggling and offshore compute, "
                + "before enforcement",
            "10k to several 100k smuggled chips in 2024, median 140k (CNAS, Jun 2025); legal offshore training "
                + "in Singapore and Malaysia (FT, Nov 2025)"),
        assumption(
            "enforcement_effectiveness", "Enforcement effectiveness", "–", 1.0, 0.2, 1.0, 0.05,
            "share of the rerouted flow that anti-smuggling and offshore controls stop when set to 100 %",
            "servers worth $2.5B diverted in 2024–25 despite the rules (AP); location verification proposed, "
                + "not in force (Chip Security Act, May 2025)"),
        assumption(
            "distillation_efficiency", "Distillation reach", "–", 0.25, 0.0, 0.9, 0.05,
            "share of the compute gap that distillation can bridge",
            "imitation transfers benchmark skills far more than general capability (Gudibande et al., 2023); "
                + "open-weight models ~4 months behind closed (Epoch AI, May 2026)"),
        assumption(
            "countermeasure_feasibility", "Defence feasibility", "–", 0.7, 0.0, 1.0, 0.05,
            "how well distillation defences can work at all",
            "contested: the essay does not show that defences work at scale; accounts are cheap to replace "
                + "(Anthropic, Feb 2026)"),
        assumption(
            "research_compute_elasticity", "Research-compute elasticity", "–", 0.3, 0.0, 0.6, 0.05,
            "how strongly research pace follows relative compute",
            "60–95 % of LLM gains came from compute, not algorithms (Ho et al., 2024)"),
        assumption(
            "china_price_advantage", "China price advantage", "×", 10.0, 1.0, 50.0, 1.0,
            "how many times cheaper Chinese AI is in developing markets",
            "DeepSeek V3.2 at $0.28/$0.42 per 1M tokens against $2.50–5/$15–30 for US frontier APIs "
                + "(list prices, Apr 2026)"),
    ]

    /// Every parameter spec in table order: levers, the policy's start, assumptions.
    public static var all: [ParameterSpec] { levers + [policyStart] + assumptions }

    /// A lever's default is its `status_quo` preset value.
    private static func lever(
        _ id: String, _ name: String, _ value: Double, _ meaning: String, _ source: String
    ) -> ParameterSpec {
        ParameterSpec(
            id: id, kind: .lever, name: name, unit: "%", defaultValue: value,
            min: 0, max: 1, step: 0.05, meaning: meaning, source: source)
    }

    private static func assumption(
        _ id: String, _ name: String, _ unit: String, _ value: Double, _ min: Double, _ max: Double,
        _ step: Double, _ meaning: String, _ source: String
    ) -> ParameterSpec {
        ParameterSpec(
            id: id, kind: .assumption, name: name, unit: unit, defaultValue: value,
            min: min, max: max, step: step, meaning: meaning, source: source)
    }
}
