import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The share token: a short, versioned, copy-pasteable text for one scenario.
///
/// `tf2:50-30-20-30-20` holds the five levers in table order, each in whole percent when
/// that is exact, else as the exact fraction (`0.123`). Non-default settings follow as
/// `+`-separated suffixes: `h48` for the horizon, `s12` for the policy's start month and
/// `aN=value` for assumption N (table order, 0…9), for example
/// `tf2:70-35-30-30-20+h48+s12+a4=0.9`. Encoding is canonical and round-trips exactly:
/// token → scenario → token gives the same text. Model `twofutures/3` keeps the `tf2:`
/// form, since a token's content did not change (MODEL.md §5 "Earlier inputs"). `tf1:`
/// tokens (model `twofutures/1`) still decode: no start month (it is 0), and their
/// assumption indices follow version 1's table of nine.
public enum ShareToken {
    /// The version this build writes: 2, under models `twofutures/2` and `twofutures/3` alike.
    public static let version = 2
    public static let prefix = "tf\(version):"
    /// The versions this build reads.
    public static let readable = [1, 2]

    /// Version 1's assumption table (index → assumption): version 2 added
    /// `enforcement_effectiveness` at index 5.
    static let version1Assumptions: [AssumptionID] = [
        .usComputeGrowth, .algorithmicProgress, .chinaDomesticGrowth, .controlsBackfire, .controlLeakage,
        .distillationEfficiency, .countermeasureFeasibility, .researchComputeElasticity, .chinaPriceAdvantage,
    ]

    /// The canonical token for `scenario`.
    public static func encode(_ scenario: Scenario) -> String {
        var text = prefix + scenario.levers.values.map(leverText).joined(separator: "-")
        if scenario.horizon != Constants.defaultHorizon { text += "+h\(scenario.horizon)" }
        if scenario.policyStart != 0 { text += "+s\(scenario.policyStart)" }
        for id in AssumptionID.allCases where scenario.assumptions[id] != id.spec.defaultValue {
            text += "+a\(id.rawValue)=\(scenario.assumptions[id].description)"
        }
        return text
    }

    /// Whether `text` looks like a token of any version (`tf` digits `:`), as opposed to a path.
    public static func looksLikeToken(_ text: String) -> Bool {
        guard text.hasPrefix("tf"), let colon = text.firstIndex(of: ":") else { return false }
        let digits = text[text.index(text.startIndex, offsetBy: 2)..<colon]
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// The scenario in `token`; a token of an unknown version or corrupt text is an error.
    public static func decode(_ token: String) throws -> Scenario { try read(token).scenario }

    /// The scenario in `token` and the token's version (1 or 2): a version-1 token is run
    /// under the current model, which callers say once (`ModelVersion.notice`).
    public static func read(_ token: String) throws -> (scenario: Scenario, version: Int) {
        let text = token.trimmed()
        guard looksLikeToken(text), let colon = text.firstIndex(of: ":") else {
            throw InputError(
                "'\(input: text)' is not a share token (expected tf\(version):…, e.g. tf2:50-30-20-30-20)"
            )
        }
        let versionText = text[text.index(text.startIndex, offsetBy: 2)..<colon]
        guard let tokenVersion = Int(versionText), readable.contains(tokenVersion) else {
            throw InputError(
                "share token version tf\(versionText) is not supported: this twofutures reads tf1 and tf\(version) "
                    + "(model \(Constants.modelVersion)); a newer twofutures may read it")
        }
        let assumptionTable = tokenVersion == 1 ? version1Assumptions : AssumptionID.allCases
        func corrupt(_ why: InputError.Message) -> InputError {
            InputError("corrupt share token '\(input: text)': " + why)
        }
        let parts = rejoin(text[text.index(after: colon)...].split(separator: "+", omittingEmptySubsequences: false))
        let leverParts = rejoin(parts[0].split(separator: "-", omittingEmptySubsequences: false), glue: "-")
        guard leverParts.count == LeverID.allCases.count else {
            throw corrupt("expected 5 lever values separated by '-', found \(leverParts.count)")
        }
        var scenario = Scenario()
        for (lever, part) in zip(LeverID.allCases, leverParts) {
            guard let value = leverValue(part) else {
                throw corrupt(
                    "\(lever.id): '\(input: part)' is not a whole percent 0…100 or a fraction 0…1"
                )
            }
            scenario.levers[lever] = value
        }
        var seen = Set<String>()
        for part in parts.dropFirst() {
            if part.hasPrefix("h") {
                guard seen.insert("h").inserted else { throw corrupt("the horizon is given twice") }
                let raw = String(part.dropFirst())
                guard raw.allSatisfy(\.isNumber), let h = Int(raw), Constants.horizonRange.contains(h) else {
                    throw corrupt(
                        "horizon '\(input: raw)' is not a whole number of months within "
                            + "\(Constants.horizonRange.lowerBound)…\(Constants.horizonRange.upperBound)")
                }
                scenario.horizon = h
            } else if part.hasPrefix("s"), tokenVersion >= 2 {
                guard seen.insert("s").inserted else { throw corrupt("the policy start is given twice") }
                let raw = String(part.dropFirst())
                let r = Constants.policyStartRange
                guard raw.allSatisfy(\.isNumber), let start = Int(raw), r.contains(start) else {
                    throw corrupt(
                        "policy start '\(input: raw)' is not a whole number of months within "
                            + "\(r.lowerBound)…\(r.upperBound)")
                }
                scenario.policyStart = start
            } else if part.hasPrefix("a"), let eq = part.firstIndex(of: "=") {
                let indexText = String(part[part.index(after: part.startIndex)..<eq])
                guard indexText.allSatisfy(\.isNumber), let i = Int(indexText), assumptionTable.indices.contains(i)
                else {
                    throw corrupt(
                        "unknown assumption index '\(input: indexText)' (0…\(assumptionTable.count - 1))"
                    )
                }
                let id = assumptionTable[i]
                guard seen.insert("a\(i)").inserted else { throw corrupt("\(id.id) is given twice") }
                let raw = String(part[part.index(after: eq)...])
                guard let x = InputParser.number(raw), id.spec.contains(x) else {
                    throw corrupt(
                        "\(id.id): '\(input: raw)' must be a number within \(InputParser.rangeText(id.spec))"
                    )
                }
                scenario.assumptions[id] = x
            } else {
                let expected =
                    tokenVersion >= 2 ? "h<months>, s<months> or a<index>=<value>" : "h<months> or a<index>=<value>"
                throw corrupt("unknown part '\(input: part)' (expected \(expected))")
            }
        }
        return (scenario, tokenVersion)
    }

    /// A lever in whole percent when exact, else its shortest exact decimal.
    static func leverText(_ value: Double) -> String {
        let percent = (value * 100).rounded()
        if percent >= 0, percent <= 100, percent / 100 == value { return String(Int(percent)) }
        return value.description
    }

    /// Whole percent ("50") or a fraction with a point or exponent ("0.123", "1e-05").
    static func leverValue(_ text: String) -> Double? {
        if !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let n = Int(text), n <= 100 else { return nil }
            return Double(n) / 100
        }
        guard text.contains(where: { $0 == "." || $0 == "e" }), let x = InputParser.number(text), x >= 0, x <= 1
        else { return nil }
        return x
    }

    /// Splits on a separator that may also occur in an exponent ("1e-05", "1e+20"): glues a
    /// piece back to the one before when that one ends in "e".
    private static func rejoin(_ pieces: [Substring], glue: String = "+") -> [String] {
        var out: [String] = []
        for piece in pieces {
            if let last = out.last, last.hasSuffix("e"), last.count > 1,
                last.first?.isNumber == true
                    || last.first == "a"
            {
                out[out.count - 1] = last + glue + piece
            } else {
                out.append(String(piece))
            }
        }
        return out
    }
}
