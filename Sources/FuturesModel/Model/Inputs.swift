import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The five policy levers, each in [0, 1]. A value type: no heap, cheap to copy.
public struct Levers: Sendable, Equatable, Hashable {
    public var exportControls: Double
    public var smugglingEnforcement: Double
    public var offshoreControls: Double
    public var distillationDefense: Double
    public var exportPromotion: Double

    public init(
        exportControls: Double, smugglingEnforcement: Double, offshoreControls: Double,
        distillationDefense: Double, exportPromotion: Double
    ) {
        self.exportControls = exportControls
        self.smugglingEnforcement = smugglingEnforcement
        self.offshoreControls = offshoreControls
        self.distillationDefense = distillationDefense
        self.exportPromotion = exportPromotion
    }

    /// Levers in table order.
    public init(_ v: [Double]) {
        precondition(v.count == LeverID.allCases.count, "five lever values expected")
        self.init(
            exportControls: v[0], smugglingEnforcement: v[1], offshoreControls: v[2],
            distillationDefense: v[3], exportPromotion: v[4])
    }

    public subscript(id: LeverID) -> Double {
        get {
            switch id {
            case .exportControls: exportControls
            case .smugglingEnforcement: smugglingEnforcement
            case .offshoreControls: offshoreControls
            case .distillationDefense: distillationDefense
            case .exportPromotion: exportPromotion
            }
        }
        set {
            switch id {
            case .exportControls: exportControls = newValue
            case .smugglingEnforcement: smugglingEnforcement = newValue
            case .offshoreControls: offshoreControls = newValue
            case .distillationDefense: distillationDefense = newValue
            case .exportPromotion: exportPromotion = newValue
            }
        }
    }

    /// Values in table order.
    public var values: [Double] { LeverID.allCases.map { self[$0] } }

    /// A copy with one lever changed.
    public func with(_ id: LeverID, _ value: Double) -> Levers {
        var copy = self
        copy[id] = value
        return copy
    }
}

/// The ten contested assumptions.
public struct Assumptions: Sendable, Equatable, Hashable {
    public var usComputeGrowth: Double
    public var algorithmicProgress: Double
    public var chinaDomesticGrowth: Double
    public var controlsBackfire: Double
    public var controlLeakage: Double
    public var enforcementEffectiveness: Double
    public var distillationEfficiency: Double
    public var countermeasureFeasibility: Double
    public var researchComputeElasticity: Double
    public var chinaPriceAdvantage: Double

    /// The defaults of MODEL.md §2.
    public init() {
        self.init(AssumptionID.allCases.map { $0.spec.defaultValue })
    }

    /// Assumptions in table order.
    public init(_ v: [Double]) {
        precondition(v.count == AssumptionID.allCases.count, "ten assumption values expected")
        usComputeGrowth = v[0]
        algorithmicProgress = v[1]
        chinaDomesticGrowth = v[2]
        controlsBackfire = v[3]
        controlLeakage = v[4]
        enforcementEffectiveness = v[5]
        distillationEfficiency = v[6]
        countermeasureFeasibility = v[7]
        researchComputeElasticity = v[8]
        chinaPriceAdvantage = v[9]
    }

    public subscript(id: AssumptionID) -> Double {
        get {
            switch id {
            case .usComputeGrowth: usComputeGrowth
            case .algorithmicProgress: algorithmicProgress
            case .chinaDomesticGrowth: chinaDomesticGrowth
            case .controlsBackfire: controlsBackfire
            case .controlLeakage: controlLeakage
            case .enforcementEffectiveness: enforcementEffectiveness
            case .distillationEfficiency: distillationEfficiency
            case .countermeasureFeasibility: countermeasureFeasibility
            case .researchComputeElasticity: researchComputeElasticity
            case .chinaPriceAdvantage: chinaPriceAdvantage
            }
        }
        set {
            switch id {
            case .usComputeGrowth: usComputeGrowth = newValue
            case .algorithmicProgress: algorithmicProgress = newValue
            case .chinaDomesticGrowth: chinaDomesticGrowth = newValue
            case .controlsBackfire: controlsBackfire = newValue
            case .controlLeakage: controlLeakage = newValue
            case .enforcementEffectiveness: enforcementEffectiveness = newValue
            case .distillationEfficiency: distillationEfficiency = newValue
            case .countermeasureFeasibility: countermeasureFeasibility = newValue
            case .researchComputeElasticity: researchComputeElasticity = newValue
            case .chinaPriceAdvantage: chinaPriceAdvantage = newValue
            }
        }
    }

    /// Values in table order.
    public var values: [Double] { AssumptionID.allCases.map { self[$0] } }

    /// A copy with one assumption changed.
    public func with(_ id: AssumptionID, _ value: Double) -> Assumptions {
        var copy = self
        copy[id] = value
        return copy
    }
}

/// Everything one run needs: levers, assumptions, the horizon and when the levers start.
public struct Scenario: Sendable, Equatable, Hashable {
    public var levers: Levers
    public var assumptions: Assumptions
    public var horizon: Int
    /// The month the levers take effect (0…24, 0 = 2026-01); before it the `status_quo`
    /// preset's levers apply (MODEL.md §3, "Lever regimes").
    public var policyStart: Int

    public init(
        levers: Levers = Preset.statusQuo.levers, assumptions: Assumptions = Assumptions(),
        horizon: Int = Constants.defaultHorizon, policyStart: Int = 0
    ) {
        self.levers = levers
        self.assumptions = assumptions
        self.horizon = horizon
        self.policyStart = policyStart
    }

    /// The value of any parameter; setting `policy_start` rounds half up to a whole month.
    public subscript(id: ParameterID) -> Double {
        get {
            switch id {
            case .lever(let l): levers[l]
            case .policyStart: Double(policyStart)
            case .assumption(let a): assumptions[a]
            }
        }
        set {
            switch id {
            case .lever(let l): levers[l] = newValue
            case .policyStart: policyStart = Scenario.wholeMonth(newValue)
            case .assumption(let a): assumptions[a] = newValue
            }
        }
    }

    /// A month count rounded half up ("each value is rounded half up to a whole month").
    public static func wholeMonth(_ x: Double) -> Int { Int((x + 0.5).rounded(.down)) }
}

/// The three lever presets of MODEL.md §4. Assumptions are not part of a preset.
public enum Preset: String, Sendable, Equatable, CaseIterable {
    case future1
    case statusQuo = "status_quo"
    case future2

    public var levers: Levers {
        switch self {
        case .future1: Levers([0.9, 0.85, 0.85, 0.85, 0.75])
        case .statusQuo: Levers([0.5, 0.3, 0.2, 0.3, 0.2])
        case .future2: Levers([0.3, 0.1, 0.1, 0.1, 0.1])
        }
    }

    /// A human name for screens and tables.
    public var title: String {
        switch self {
        case .future1: "Future 1"
        case .statusQuo: "Status quo"
        case .future2: "Future 2"
        }
    }

    /// Accepts `future1`, `status_quo`, `status-quo`, `future2`.
    public init?(name: String) {
        let normalized = name.replacing("-", with: "_")
        guard let p = Preset(rawValue: normalized) else { return nil }
        self = p
    }
}
