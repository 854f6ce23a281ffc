/// Whether a parameter is a policy lever or a contested assumption.
public enum ParameterKind: String, Sendable, Equatable, CaseIterable {
    case lever
    case assumption
}

/// One row of the parameter table: the single source for slider rows, CLI validation and
/// the README's table (SDEverywhere/PySD style: parameters are data).
public struct ParameterSpec: Sendable, Equatable {
    public let id: String
    public let kind: ParameterKind
    public let name: String
    /// Unit shown after the value ("%", "×/yr", "–", "×").
    public let unit: String
    public let defaultValue: Double
    public let min: Double
    public let max: Double
    /// The natural slider step (5 points for levers).
    public let step: Double
    public let meaning: String

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

/// The nine contested assumptions, in table order (MODEL.md §2).
public enum AssumptionID: Int, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case usComputeGrowth, algorithmicProgress, chinaDomesticGrowth, controlsBackfire, controlLeakage
    case distillationEfficiency, countermeasureFeasibility, researchComputeElasticity, chinaPriceAdvantage

    public static func < (a: AssumptionID, b: AssumptionID) -> Bool { a.rawValue < b.rawValue }

    public var spec: ParameterSpec { ParameterTable.assumptions[rawValue] }
    public var id: String { spec.id }
    public init?(id: String) {
        guard let i = ParameterTable.assumptions.firstIndex(where: { $0.id == id }) else { return nil }
        self.init(rawValue: i)
    }
}

/// A lever or an assumption.
public enum ParameterID: Sendable, Equatable, Hashable {
    case lever(LeverID)
    case assumption(AssumptionID)

    public var spec: ParameterSpec {
        switch self {
        case .lever(let l): l.spec
        case .assumption(let a): a.spec
        }
    }

    /// Looks up a lever or assumption by its id string.
    public init?(id: String) {
        if let l = LeverID(id: id) {
            self = .lever(l)
        } else if let a = AssumptionID(id: id) {
            self = .assumption(a)
        } else {
            return nil
        }
    }

    /// Every parameter: levers in table order, then assumptions in table order.
    public static let all: [ParameterID] =
        LeverID.allCases.map { .lever($0) } + AssumptionID.allCases.map { .assumption($0) }
}

/// The parameter table of MODEL.md §2.
public enum ParameterTable {
    public static let levers: [ParameterSpec] = [
        lever(
            "export_controls", "Export controls", 0.5,
            "strictness of controls on advanced chips and chipmaking tools"),
        lever(
            "smuggling_enforcement", "Anti-smuggling", 0.3,
            "chip tracking, location checks, prosecution of diversion"),
        lever(
            "offshore_controls", "Offshore compute", 0.2,
            "know-your-customer limits on Chinese use of foreign data centres and clouds"),
        lever(
            "distillation_defense", "Distillation defence", 0.3,
            "detecting and blocking mass harvesting of US model outputs"),
        lever(
            "export_promotion", "AI export promotion", 0.2,
            "financing and full-stack packages for American AI abroad"),
    ]

    public static let assumptions: [ParameterSpec] = [
        assumption(
            "us_compute_growth", "US compute growth", "×/yr", 3.3, 2.0, 5.0, 0.1,
            "growth of US AI compute, and of global chip supply"),
        assumption(
            "algorithmic_progress", "Algorithmic progress", "×/yr", 3.0, 1.5, 6.0, 0.1,
            "efficiency gains at the frontier"),
        assumption(
            "china_domestic_growth", "China chip growth", "×/yr", 1.3, 1.0, 3.0, 0.05,
            "growth of China's own AI-chip output before controls"),
        assumption(
            "controls_backfire", "Controls backfire", "–", 0.3, 0.0, 1.0, 0.05,
            "how much controls spur China's domestic industry"),
        assumption(
            "control_leakage", "Control leakage", "–", 0.7, 0.0, 1.0, 0.05,
            "share of blocked chip demand that reroutes to smuggling and offshore compute"),
        assumption(
            "distillation_efficiency", "Distillation efficiency", "–", 0.25, 0.0, 0.9, 0.05,
            "share of the compute gap that distillation can bridge"),
        assumption(
            "countermeasure_feasibility", "Countermeasure feasibility", "–", 0.7, 0.0, 1.0, 0.05,
            "how well distillation defences can work at all"),
        assumption(
            "research_compute_elasticity", "Research-compute elasticity", "–", 0.3, 0.0, 0.6, 0.05,
            "how strongly research pace follows relative compute"),
        assumption(
            "china_price_advantage", "China price advantage", "×", 10.0, 1.0, 50.0, 1.0,
            "how many times cheaper Chinese AI is in developing markets"),
    ]

    /// Every parameter spec: levers then assumptions.
    public static var all: [ParameterSpec] { levers + assumptions }

    /// A lever's default is its `status_quo` preset value.
    private static func lever(_ id: String, _ name: String, _ value: Double, _ meaning: String) -> ParameterSpec {
        ParameterSpec(
            id: id, kind: .lever, name: name, unit: "%", defaultValue: value,
            min: 0, max: 1, step: 0.05, meaning: meaning)
    }

    private static func assumption(
        _ id: String, _ name: String, _ unit: String, _ value: Double, _ min: Double, _ max: Double,
        _ step: Double, _ meaning: String
    ) -> ParameterSpec {
        ParameterSpec(
            id: id, kind: .assumption, name: name, unit: unit, defaultValue: value,
            min: min, max: max, step: step, meaning: meaning)
    }
}
