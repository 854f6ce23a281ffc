/// One value of a TOML file, with the line it starts on.
public struct TOMLValue: Sendable, Equatable {
    /// The kinds of value the subset has (no arrays, inline tables or dates).
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case table(TOMLTable)
    }

    public var kind: Kind
    /// 1-based: the line the value starts on.
    public var line: Int

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The string, when the value is one.
    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    /// The integer, when the value is one (a float is not).
    public var int: Int? { if case .integer(let i) = kind { i } else { nil } }
    /// The float, when the value is one (an integer is not).
    public var double: Double? { if case .float(let d) = kind { d } else { nil } }
    /// The boolean, when the value is one.
    public var bool: Bool? { if case .bool(let b) = kind { b } else { nil } }
    /// The table, when the value is a `[table]`.
    public var table: TOMLTable? { if case .table(let t) = kind { t } else { nil } }
}

/// A TOML table: its keys and values, and the line of its `[header]` (1 for the top).
public struct TOMLTable: Sendable, Equatable {
    public var values: [String: TOMLValue]
    public var line: Int

    public init(values: [String: TOMLValue] = [:], line: Int) {
        self.values = values
        self.line = line
    }

    public var keys: Dictionary<String, TOMLValue>.Keys { values.keys }
    public subscript(key: String) -> TOMLValue? { values[key] }
}
