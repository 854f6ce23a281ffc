import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One measured figure: a JSON key, a description for the table, the value, its unit and
/// the budget when there is one (a maximum, or a minimum with `atLeast`). A NaN value is a
/// figure that could not be measured: null in JSON, "n/a" in the table.
public struct Figure: Sendable {
    public let key: String
    public let what: String
    public let value: Double
    public let unit: String
    public let goal: Double?
    public let decimals: Int
    /// The budget is a minimum (a speed-up), not a maximum.
    public let atLeast: Bool

    public init(
        _ key: String, _ what: String, value: Double, unit: String, goal: Double? = nil, decimals: Int,
        atLeast: Bool = false
    ) {
        self.key = key
        self.what = what
        self.value = value
        self.unit = unit
        self.goal = goal
        self.decimals = decimals
        self.atLeast = atLeast
    }

    public init(_ key: String, _ what: String, ms: Double, goal: Double? = nil) {
        self.init(key, what, value: ms, unit: "ms", goal: goal, decimals: 4)
    }

    public init(_ key: String, _ what: String, count: Int, unit: String = "", goal: Double? = nil) {
        self.init(key, what, value: Double(count), unit: unit, goal: goal, decimals: 0)
    }

    /// The value for the JSON object, with the figure's decimals.
    public var json: String { value.isNaN ? "null" : String(cFormat: "%.\(decimals)f", value) }

    /// The figures with a description, as a fixed-width table with the budgets.
    public static func table(_ figures: [Figure]) -> String {
        let rows = figures.filter { !$0.what.isEmpty }
        let whatWidth = rows.map(\.what.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = pad("figure", whatWidth) + "  " + lpad("measured", 14) + "  " + pad("budget", 12) + "  within\n"
        out += String(repeating: "-", count: whatWidth + 40) + "\n"
        for f in rows {
            let unit = f.unit.isEmpty ? "" : " " + f.unit
            let shown = f.value.isNaN ? "n/a" : String(cFormat: "%.\(min(f.decimals, 2))f", f.value) + unit
            let goal = f.goal.map { (f.atLeast ? "≥ " : "≤ ") + Self.trimmed($0) + unit } ?? ""
            let within =
                f.value.isNaN ? "" : f.goal.map { (f.atLeast ? f.value >= $0 : f.value <= $0) ? "yes" : "NO" } ?? ""
            out += pad(f.what, whatWidth) + "  " + lpad(shown, 14) + "  " + pad(goal, 12) + "  " + within + "\n"
        }
        for f in figures where f.what.isEmpty { out += "\(f.key) \(f.json)  " }
        return out.hasSuffix("  ") ? String(out.dropLast(2)) + "\n" : out
    }

    /// The figures as one JSON object, `{"key": value, …}`, in their order.
    public static func json(_ figures: [Figure]) -> String {
        "{" + figures.map { "\"\($0.key)\": \($0.json)" }.joined(separator: ", ") + "}"
    }

    private static func trimmed(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
