/// A small JSON writer that keeps key order and prints doubles in Swift's shortest
/// round-trip form, so the same inputs always give byte-identical documents.
public struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]
    let pretty: Bool

    init(pretty: Bool) { self.pretty = pretty }

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func value(_ key: String?, _ number: Double) {
        element(key)
        text += Self.number(number)
    }

    mutating func value(_ key: String?, _ number: Int) {
        element(key)
        text += String(number)
    }

    mutating func value(_ key: String?, _ number: UInt64) {
        element(key)
        text += String(number)
    }

    mutating func value(_ key: String?, _ string: String) {
        element(key)
        text += Self.quoted(string)
    }

    mutating func null(_ key: String?) {
        element(key)
        text += "null"
    }

    mutating func value(_ key: String?, _ bool: Bool) {
        element(key)
        text += bool ? "true" : "false"
    }

    /// An array of numbers on one line.
    mutating func numbers(_ key: String?, _ values: [Double]) {
        element(key)
        text += "[" + values.map(Self.number).joined(separator: pretty ? ", " : ",") + "]"
    }

    /// An array of whole numbers on one line.
    mutating func integers(_ key: String?, _ values: [Int]) {
        element(key)
        text += "[" + values.map(String.init).joined(separator: pretty ? ", " : ",") + "]"
    }

    /// The head every document of MODEL.md §5 starts with: `model`, `horizon`,
    /// `policy_start`, the `start` month where `start` is true, then the inputs (the
    /// `"assumptions"` only where `assumptions` is true: the answer's columns hold their own).
    mutating func head(_ scenario: Scenario, start: Bool = false, assumptions: Bool = true) {
        value("model", Constants.modelVersion)
        value("horizon", scenario.horizon)
        value("policy_start", scenario.policyStart)
        if start { value("start", monthLabel(0)) }
        levers(scenario.levers)
        if assumptions { self.assumptions("assumptions", scenario.assumptions) }
    }

    /// The `"levers"` object, ids in table order.
    mutating func levers(_ levers: Levers) {
        beginObject("levers")
        for l in LeverID.allCases { value(l.id, levers[l]) }
        endObject()
    }

    /// An object of the ten assumptions, ids in table order.
    mutating func assumptions(_ key: String?, _ assumptions: Assumptions) {
        beginObject(key)
        for a in AssumptionID.allCases { value(a.id, assumptions[a]) }
        endObject()
    }

    /// A Summary as MODEL.md §5's `{S}`: the four `Summary.ids`.
    mutating func summary(_ key: String?, _ s: Summary) {
        beginObject(key)
        for (id, x) in zip(Summary.ids, s.values) { value(id, x) }
        endObject()
    }

    /// An array of strings on one line.
    mutating func strings(_ key: String?, _ values: [String]) {
        element(key)
        text += "[" + values.map(Self.quoted).joined(separator: pretty ? ", " : ",") + "]"
    }

    /// The shortest form that round-trips. Non-finite values cannot occur in the model's
    /// outputs; they are written as null rather than as invalid JSON.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        return x.description
    }

    /// `s` as a JSON string: quotes, backslashes and control characters (DEL included)
    /// escaped, the rest as UTF-8. Documents and asciicasts alike write strings with it.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private mutating func element(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if pretty {
            text += "\n" + String(repeating: "  ", count: indent)
        }
        if let key { text += Self.quoted(key) + (pretty ? ": " : ":") }
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        if indent > 0 || key != nil || !text.isEmpty { element(key) }
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadElements = needsComma.removeLast()
        indent -= 1
        if pretty && hadElements { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
    }
}
