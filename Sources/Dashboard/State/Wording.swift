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
            case .offshoreControls: "Offshore ctrls"
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
            case .distillationEfficiency: "Distillation"
            case .countermeasureFeasibility: "Countermeasures"
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

/// One-line explanations of a change, for the outcome bar.
public enum Explanation {
    /// "Anti-smuggling 30→35 %: lead +0.4 mo, adoption +0.2 pt".
    public static func parameter(
        _ id: ParameterID, from old: Double, to new: Double, before: Scenario, after: Scenario
    ) -> String {
        let spec = id.spec
        let label = "\(Labels.fitting(id, width: 20)) \(number(old, spec))→\(Format.value(new, spec))"
        return outcome(label, before: before, after: after)
    }

    /// "<label>: lead +0.4 mo, adoption +0.2 pt", plus the verdict when it flips.
    public static func outcome(_ label: String, before: Scenario, after: Scenario) -> String {
        let a = Simulation.outcome(before), b = Simulation.outcome(after)
        var text =
            "\(label): lead \(Format.delta(b.leadMonths - a.leadMonths, .leadMonths)), "
            + "adoption \(Format.delta(b.adoption - a.adoption, .adoption))"
        if a.future != b.future { text += " (now \(b.future.title))" }
        return text
    }

    /// A value without its unit: "30" for 30 %, "3.3" for 3.3 ×/yr.
    static func number(_ x: Double, _ spec: ParameterSpec) -> String {
        let full = Format.value(x, spec)
        return full.split(separator: " ").first.map(String.init) ?? full
    }
}
