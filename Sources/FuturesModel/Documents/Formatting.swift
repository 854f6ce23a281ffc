import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number formats shared by the table, the CLI and the dashboard.
public enum Format {
    /// A parameter value as people read it: "70 %" for levers, "2027-01" for the policy's
    /// start, "3.3 ×/yr" for assumptions.
    public static func value(_ x: Double, _ spec: ParameterSpec) -> String {
        switch spec.kind {
        case .lever: return String(cFormat: "%.0f %%", x * 100)
        case .timing: return monthLabel(Scenario.wholeMonth(x))
        case .assumption:
            let digits = spec.step < 0.1 ? 2 : (spec.step < 1 ? 1 : 0)
            let number = String(cFormat: "%.\(digits)f", x)
            return spec.unit == "–" ? number : "\(number) \(spec.unit)"
        }
    }

    /// An outcome value: months with one decimal, shares as percentages.
    public static func outcome(_ x: Double, _ id: OutcomeID) -> String {
        switch id {
        case .leadMonths: String(cFormat: "%.1f mo", x)
        default: String(cFormat: "%.1f %%", x * 100)
        }
    }

    /// A signed change of an outcome: "+2.1 mo", "−1.0 pt"; a change that rounds to
    /// nothing has no sign ("0.0 mo", never "−0.0 mo").
    public static func delta(_ x: Double, _ id: OutcomeID) -> String {
        let magnitude =
            switch id {
            case .leadMonths: String(cFormat: "%.1f mo", abs(x))
            default: String(cFormat: "%.1f pt", abs(x) * 100)
            }
        if magnitude.hasPrefix("0.0 ") { return magnitude }
        return (x < 0 ? "−" : "+") + magnitude
    }

    /// A change of a probability in signed percentage points with one decimal: "+12.7",
    /// "−0.4"; a change that rounds to nothing has no sign ("0.0").
    public static func points(_ x: Double) -> String {
        let magnitude = String(cFormat: "%.1f", abs(x) * 100)
        if magnitude == "0.0" { return magnitude }
        return (x < 0 ? "−" : "+") + magnitude
    }

    /// A name inside a sentence: "Export controls" → "export controls"; a leading
    /// abbreviation stays ("AI export promotion").
    /// `verb` ("raise", "move") agreeing with a lever's name as a sentence's subject: the
    /// plural for the plural noun "Export controls", the singular for the others
    /// ("anti-smuggling raises").
    public static func verb(_ verb: String, for lever: LeverID) -> String {
        lever.spec.name.hasSuffix("s") ? verb : verb + "s"
    }

    public static func inSentence(_ name: String) -> String {
        let head = name.prefix(2)
        guard let first = head.first, first.isUppercase, !(head.count == 2 && head.last!.isUppercase) else {
            return name
        }
        return first.lowercased() + name.dropFirst()
    }

    /// `text` cut into lines of at most `width` characters at spaces (a longer word keeps its
    /// own line; a unit, `%` or `mo`, stays with its number): the first line starts with `indent`, the others with `hanging` (by default
    /// `indent` too).
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        // A unit stays with its number: "22 %", "12.1 mo".
        var words: [String] = []
        for word in text.split(separator: " ") {
            let unit =
                word.hasPrefix("%") || word == "mo" || (word.hasPrefix("mo") && word.count == 3 && !word.last!.isLetter)
            if unit, let last = words.popLast() { words.append(last + " " + word) } else { words.append(String(word)) }
        }
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = (lines.isEmpty ? indent : hanging ?? indent) + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = (hanging ?? indent) + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A probability as a whole percentage.
    public static func percent(_ p: Double) -> String { String(cFormat: "%.0f %%", p * 100) }

    /// Pads or cuts `s` to `width` characters.
    public static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let count = s.count
        if count >= width { return String(s.prefix(width)) }
        let fill = String(repeating: " ", count: width - count)
        return right ? fill + s : s + fill
    }
}
