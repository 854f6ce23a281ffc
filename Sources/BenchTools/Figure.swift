import Foundation

/// One measured figure: a JSON key, a description for the table, the value, its unit and
/// the budget (a maximum) when there is one.
public struct Figure: Sendable {
    public let key: String
    public let what: String
    public let value: Double
    public let unit: String
    public let goal: Double?
    public let decimals: Int

    public init(_ key: String, _ what: String, value: Double, unit: String, goal: Double? = nil, decimals: Int) {
        self.key = key
        self.what = what
        self.value = value
        self.unit = unit
        self.goal = goal
        self.decimals = decimals
    }

    public init(_ key: String, _ what: String, ms: Double, goal: Double? = nil) {
        self.init(key, what, value: ms, unit: "ms", goal: goal, decimals: 4)
    }

    public init(_ key: String, _ what: String, count: Int, unit: String = "", goal: Double? = nil) {
        self.init(key, what, value: Double(count), unit: unit, goal: goal, decimals: 0)
    }

    /// The value for the JSON object, with the figure's decimals.
    public var json: String { String(format: "%.\(decimals)f", value) }

    /// The figures with a description, as a fixed-width table with the budgets.
    public static func table(_ figures: [Figure]) -> String {
        let rows = figures.filter { !$0.what.isEmpty }
        let whatWidth = rows.map(\.what.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = pad("figure", whatWidth) + "  " + lpad("measured", 14) + "  " + pad("budget", 12) + "  within\n"
        out += String(repeating: "-", count: whatWidth + 40) + "\n"
        for f in rows {
            let shown = String(format: "%.\(min(f.decimals, 2))f", f.value) + (f.unit.isEmpty ? "" : " " + f.unit)
            let goal = f.goal.map { "≤ " + Self.trimmed($0) + (f.unit.isEmpty ? "" : " " + f.unit) } ?? ""
            let within = f.goal.map { f.value <= $0 ? "yes" : "NO" } ?? ""
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
