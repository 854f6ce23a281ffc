import FuturesModel

/// Short names for narrow slider rows (the parameter table's names are up to 27 wide).
public enum Labels {
    /// The widest short label.
    public static let shortWidth = 15

    /// A name of at most `shortWidth` characters.
    public static func short(_ id: ParameterID) -> String {
        switch id {
        case .lever(let l):
            switch l {
            case .exportControls: "Export controls"
            case .smugglingEnforcement: "Anti-smuggling"
            case .offshoreControls: "Offshore comp."
            case .distillationDefense: "Distill defence"
            case .exportPromotion: "AI promotion"
            }
        case .policyStart: "Policy starts"
        case .assumption(let a):
            switch a {
            case .usComputeGrowth: "US compute"
            case .algorithmicProgress: "Algo progress"
            case .chinaDomesticGrowth: "China chips"
            case .controlsBackfire: "Ctrl backfire"
            case .controlLeakage: "Control leakage"
            case .enforcementEffectiveness: "Enforcement eff"
            case .distillationEfficiency: "Distill reach"
            case .countermeasureFeasibility: "Defence feas."
            case .researchComputeElasticity: "Research elast."
            case .chinaPriceAdvantage: "China price adv"
            }
        }
    }

    /// The table's name if it fits in `width`, else the short name (cut if still too long).
    public static func fitting(_ id: ParameterID, width: Int) -> String {
        let full = id.spec.name
        if full.count <= width { return full }
        return String(short(id).prefix(max(0, width)))
    }
}
