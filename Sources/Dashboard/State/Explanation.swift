import FuturesModel

/// One-line explanations of a change, for the outcome bar.
public enum Explanation {
    /// "Anti-smuggling 30→35 %: lead +0.4 mo, adoption +0.2 pt".
    public static func parameter(
        _ id: ParameterID, from old: Double, to new: Double, before: Scenario, after: Scenario
    ) -> String {
        outcome(parameterLabel(id, from: old, to: new), before: before, after: after)
    }

    /// "Anti-smuggling 30→35 %": a parameter's change, without its effect (its name at
    /// most `nameWidth` long: `Labels.shortWidth` gives "Offshore comp.").
    public static func parameterLabel(
        _ id: ParameterID, from old: Double, to new: Double, nameWidth: Int = 20
    )
        -> String
    {
        let spec = id.spec
        return "\(Labels.fitting(id, width: nameWidth)) \(number(old, spec))→\(Format.value(new, spec))"
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

    /// "Lens Controls backfire: Controls backfire 0.30→0.90, China chip growth 1.30→1.80: lead
    /// −0.7 mo": each assumption that changed, in table order, with its old and new value,
    /// then the change of the lead (and the verdict when it flips). One line; with a
    /// `width`, at most that many characters: short labels first, then "+N more" for the
    /// changes that do not fit.
    public static func lens(
        _ lens: Lens, before: Scenario, after: Scenario, width: Int? = nil, title: String? = nil
    ) -> String {
        let a = Simulation.outcome(before), b = Simulation.outcome(after)
        let lead = ": lead \(Format.delta(b.leadMonths - a.leadMonths, .leadMonths))"
        // The flip of the central run's future, where the line has room for it.
        let endings = a.future != b.future ? [lead + " (central run now \(b.future.title))", lead] : [lead]
        let title = title ?? "Lens \(lens.name)"
        // What the lens itself sets (values off their defaults) first, then what it resets.
        let moved = AssumptionID.allCases.filter { before.assumptions[$0] != after.assumptions[$0] }
        let isReset = { (id: AssumptionID) in after.assumptions[id] == ParameterID.assumption(id).spec.defaultValue }
        let changed = moved.filter { !isReset($0) } + moved.filter(isReset)
        guard !changed.isEmpty else { return title + ": no assumption changed" }
        func change(_ id: AssumptionID, labelWidth: Int) -> String {
            let spec = ParameterID.assumption(id).spec
            let label = Labels.fitting(.assumption(id), width: labelWidth)
            return "\(label) \(number(before.assumptions[id], spec))→\(number(after.assumptions[id], spec))"
        }
        let full = changed.map { change($0, labelWidth: 20) }.joined(separator: ", ")
        guard let width else { return title + ": " + full + endings[0] }
        for ending in endings where (title + ": " + full + ending).count <= width {
            return title + ": " + full + ending
        }
        let short = changed.map { change($0, labelWidth: Labels.shortWidth) }
        // As many changes as fit, then "+N more".
        for ending in endings {
            for kept in stride(from: short.count, to: 0, by: -1) {
                let more = kept == short.count ? [] : ["+\(short.count - kept) more"]
                let text = title + ": " + (short.prefix(kept) + more).joined(separator: ", ") + ending
                if text.count <= width { return text }
            }
        }
        return title + ": \(short.count) assumption\(short.count == 1 ? "" : "s")" + endings.last!
    }

    /// A value without its unit: "30" for 30 %, "3.3" for 3.3 ×/yr.
    static func number(_ x: Double, _ spec: ParameterSpec) -> String {
        let full = Format.value(x, spec)
        return full.split(separator: " ").first.map(String.init) ?? full
    }
}
