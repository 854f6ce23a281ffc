import FuturesModel

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
        if a.future != b.future { text += " (central run now \(b.future.title))" }
        return text
    }

    /// A value without its unit: "30" for 30 %, "3.3" for 3.3 ×/yr.
    static func number(_ x: Double, _ spec: ParameterSpec) -> String {
        let full = Format.value(x, spec)
        return full.split(separator: " ").first.map(String.init) ?? full
    }
}
