/// One value of a TOML file, with the line it starts on.
public struct TOMLValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case table(TOMLTable)
    }

    public var kind: Kind
    public var line: Int

    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var int: Int? { if case .integer(let i) = kind { i } else { nil } }
    public var double: Double? { if case .float(let d) = kind { d } else { nil } }
    public var bool: Bool? { if case .bool(let b) = kind { b } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = kind { t } else { nil } }
}

/// A TOML table: its keys and values, and the line of its `[header]` (1 for the top).
public struct TOMLTable: Sendable, Equatable {
    public var values: [String: TOMLValue] = [:]
    public var line: Int

    public var keys: Dictionary<String, TOMLValue>.Keys { values.keys }
    public subscript(key: String) -> TOMLValue? { values[key] }
}

/// Reads the subset of TOML 1.0 that themes and scenario files use, in pure Swift:
/// comments, `[table]` headers, `key = value` with bare or quoted keys, and strings (basic,
/// literal, multi-line), integers, floats and booleans. Arrays, inline tables, dates,
/// dotted keys and arrays of tables are a one-line "not supported here" error at their line.
public struct TOMLReader {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private let path: String

    /// The top table of `text`, or the first problem as "PATH:LINE: syntax error: …".
    public static func parse(_ text: String, path: String) throws(FileError) -> TOMLTable {
        var reader = TOMLReader(s: Array(text.unicodeScalars), path: path)
        return try reader.document()
    }

    private init(s: [Unicode.Scalar], path: String) {
        self.s = s
        self.path = path
    }

    private func fail(_ message: String, line: Int? = nil) -> FileError {
        FileError(path: path, line: line ?? self.line, message: "syntax error: \(message)")
    }

    private func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    private var peek: Unicode.Scalar? { at(i) }

    /// A character for a message: 'x' when printable ASCII, else U+XXXX.
    static func shown(_ c: Unicode.Scalar) -> String {
        (0x21...0x7E).contains(c.value) ? "'\(c)'" : "U+" + hex(c.value)
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private mutating func skipSpaces() { while peek == " " || peek == "\t" { i += 1 } }

    private mutating func document() throws(FileError) -> TOMLTable {
        if peek == "\u{FEFF}" { i += 1 }
        var root = TOMLTable(line: 1)
        var tables: [String: TOMLTable] = [:]
        var current: String? = nil  // nil: the top table
        while true {
            skipSpaces()
            guard let c = peek else { break }
            switch c {
            case "\n", "\r", "#":
                try lineEnd()
            case "[":
                let headerLine = line
                i += 1
                if peek == "[" { throw fail("arrays of tables ([[…]]) are not supported here") }
                skipSpaces()
                let name = try key()
                skipSpaces()
                if peek == "." { throw fail("dotted table names are not supported here") }
                guard peek == "]" else {
                    throw fail(
                        "expected ']' after the table name, found \(peek.map(Self.shown) ?? "the end of the file")")
                }
                i += 1
                if let old = tables[name] {
                    throw fail("table [\(Theme.sanitized(name))] is defined twice (first at line \(old.line))")
                }
                if let old = root[name] {
                    throw fail(
                        "[\(Theme.sanitized(name))]: \(Theme.sanitized(name)) is already a value at line \(old.line)")
                }
                try lineEnd()
                tables[name] = TOMLTable(line: headerLine)
                current = name
            default:
                let keyLine = line
                let name = try key()
                skipSpaces()
                if peek == "." { throw fail("dotted keys are not supported here") }
                guard peek == "=" else {
                    throw fail("expected '=' after the key, found \(peek.map(Self.shown) ?? "the end of the file")")
                }
                i += 1
                skipSpaces()
                let value = try self.value()
                let old = if let current { tables[current]![name] } else { root[name] }
                if let old {
                    throw fail("\(Theme.sanitized(name)) is defined twice (first at line \(old.line))", line: keyLine)
                }
                if let current { tables[current]!.values[name] = value } else { root.values[name] = value }
                try lineEnd()
            }
        }
        for (name, table) in tables { root.values[name] = TOMLValue(kind: .table(table), line: table.line) }
        return root
    }

    /// Spaces, an optional comment, then a line break or the end of the file.
    private mutating func lineEnd() throws(FileError) {
        skipSpaces()
        if peek == "#" {
            i += 1
            while let c = peek, c != "\n" {
                if c == "\r" && at(i + 1) == "\n" { break }
                if isControl(c) { throw fail("control character \(Self.shown(c)) in a comment") }
                i += 1
            }
        }
        switch peek {
        case nil: return
        case "\n":
            i += 1
            line += 1
        case "\r" where at(i + 1) == "\n":
            i += 2
            line += 1
        case let c?:
            throw fail("unexpected \(Self.shown(c)); expected the end of the line")
        }
    }

    /// Control characters TOML does not allow raw: all below U+0020 but tab, and DEL.
    private func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

    private static func isBare(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// A bare key, "quoted" or 'literal'.
    private mutating func key() throws(FileError) -> String {
        switch peek {
        case "\"":
            if at(i + 1) == "\"" && at(i + 2) == "\"" { throw fail("a key cannot be a multi-line string") }
            return try basicString()
        case "'":
            if at(i + 1) == "'" && at(i + 2) == "'" { throw fail("a key cannot be a multi-line string") }
            return try literalString()
        case let c? where Self.isBare(c):
            var out = ""
            while let c = peek, Self.isBare(c) {
                out.unicodeScalars.append(c)
                i += 1
            }
            return out
        case let c?:
            throw fail("a key must be letters, digits, '_', '-' or quoted, not \(Self.shown(c))")
        case nil:
            throw fail("expected a key at the end of the file")
        }
    }

    private mutating func value() throws(FileError) -> TOMLValue {
        let start = line
        func v(_ kind: TOMLValue.Kind) -> TOMLValue { TOMLValue(kind: kind, line: start) }
        switch peek {
        case nil, "\n", "\r", "#":
            throw fail("missing value after '='")
        case "\"":
            if at(i + 1) == "\"" && at(i + 2) == "\"" { return v(.string(try multiLineString(literal: false))) }
            return v(.string(try basicString()))
        case "'":
            if at(i + 1) == "'" && at(i + 2) == "'" { return v(.string(try multiLineString(literal: true))) }
            return v(.string(try literalString()))
        case "[":
            throw fail("arrays are not supported here")
        case "{":
            throw fail("inline tables are not supported here")
        default:
            var token = ""
            while let c = peek, Self.isBare(c) || c == "+" || c == "." || c == ":" {
                token.unicodeScalars.append(c)
                i += 1
            }
            if token.isEmpty { throw fail("a value must be a string, number or boolean, not \(Self.shown(peek!))") }
            if token == "true" { return v(.bool(true)) }
            if token == "false" { return v(.bool(false)) }
            return v(try number(token))
        }
    }

    /// An integer or a float per TOML 1.0 (decimal only).
    private func number(_ token: String) throws(FileError) -> TOMLValue.Kind {
        let shown = "'\(Theme.sanitized(String(token.prefix(40))))'"
        let chars = Array(token.unicodeScalars)
        var k = 0
        var sign = ""
        if chars.first == "+" || chars.first == "-" {
            sign = chars.first == "-" ? "-" : ""
            k = 1
        }
        let body = String(String.UnicodeScalarView(chars[k...]))
        if body == "inf" { return .float(sign == "-" ? -.infinity : .infinity) }
        if body == "nan" { return .float(.nan) }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            throw fail("hexadecimal, octal and binary integers are not supported here")
        }
        if token.contains(":") || (chars.count >= 5 && chars[0...3].allSatisfy(isDigit) && chars[4] == "-") {
            throw fail("dates and times are not supported here")
        }
        // Digits with single '_' between them; returns the digits or nil.
        func digits(_ from: inout Int) -> String? {
            var out = ""
            while from < chars.count {
                let c = chars[from]
                if isDigit(c) {
                    out.unicodeScalars.append(c)
                } else if c == "_", !out.isEmpty, from + 1 < chars.count, isDigit(chars[from + 1]) {
                    // an underscore between two digits
                } else {
                    break
                }
                from += 1
            }
            return out.isEmpty ? nil : out
        }
        guard let whole = digits(&k) else { throw fail("\(shown) is not a value") }
        if whole.count > 1 && whole.hasPrefix("0") { throw fail("\(shown): leading zeros are not allowed") }
        var text = sign + whole
        var isFloat = false
        if k < chars.count, chars[k] == "." {
            k += 1
            guard let frac = digits(&k) else { throw fail("\(shown): a '.' needs digits on both sides") }
            text += "." + frac
            isFloat = true
        }
        if k < chars.count, chars[k] == "e" || chars[k] == "E" {
            k += 1
            var expSign = ""
            if k < chars.count, chars[k] == "+" || chars[k] == "-" {
                expSign = String(chars[k])
                k += 1
            }
            guard let exp = digits(&k) else { throw fail("\(shown): an exponent needs digits") }
            text += "e" + expSign + exp
            isFloat = true
        }
        guard k == chars.count else { throw fail("\(shown) is not a value") }
        if isFloat {
            guard let d = Double(text) else { throw fail("\(shown) is not a value") }
            return .float(d)
        }
        guard let n = Int(text) else { throw fail("\(shown): integer out of range") }
        return .integer(n)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// "…" on one line, with escapes.
    private mutating func basicString() throws(FileError) -> String {
        i += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            i += 1
            if c == "\"" { return out }
            if c == "\\" {
                out.unicodeScalars.append(try escape())
            } else if isControl(c) {
                throw fail("control character \(Self.shown(c)) in a string; write it as an escape")
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    /// '…' on one line, as written.
    private mutating func literalString() throws(FileError) -> String {
        i += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            i += 1
            if c == "'" { return out }
            if isControl(c) { throw fail("control character \(Self.shown(c)) in a string") }
            out.unicodeScalars.append(c)
        }
    }

    /// The character after a backslash: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX.
    private mutating func escape() throws(FileError) -> Unicode.Scalar {
        guard let c = peek, c != "\n" else { throw fail("a '\\' at the end of the line in a one-line string") }
        i += 1
        switch c {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = c == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let d = peek, let h = Int(String(d), radix: 16), d.isASCII else {
                    throw fail("\\\(c) needs \(count) hex digits")
                }
                value = value &* 16 &+ UInt32(h)
                i += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw fail("\\\(c)\(Self.hex(value)) is not a Unicode scalar value")
            }
            return scalar
        default:
            throw fail("invalid escape '\\\(Self.shown(c).filter { $0 != "'" })'")
        }
    }

    /// """…""" or '''…''': a newline right after the opening quotes is dropped, and CRLF
    /// inside becomes LF; in """…""" a '\' at the end of a line joins the next text to it.
    private mutating func multiLineString(literal: Bool) throws(FileError) -> String {
        let start = line
        let quote: Unicode.Scalar = literal ? "'" : "\""
        i += 3
        if peek == "\n" {
            i += 1
            line += 1
        } else if peek == "\r" && at(i + 1) == "\n" {
            i += 2
            line += 1
        }
        var out = ""
        while true {
            guard let c = peek else { throw fail("unterminated multi-line string", line: start) }
            if c == quote && at(i + 1) == quote && at(i + 2) == quote {
                var count = 3
                while at(i + count) == quote { count += 1 }
                if count > 5 { throw fail("too many quotes at the end of a multi-line string") }
                for _ in 0..<(count - 3) { out.unicodeScalars.append(quote) }
                i += count
                return out
            }
            i += 1
            switch c {
            case "\n":
                line += 1
                out += "\n"
            case "\r" where peek == "\n":
                i += 1
                line += 1
                out += "\n"
            case "\\" where !literal:
                // A line-ending backslash: skip spaces, line breaks and spaces after them.
                var k = i
                while at(k) == " " || at(k) == "\t" { k += 1 }
                if at(k) == "\n" || (at(k) == "\r" && at(k + 1) == "\n") {
                    i = k
                    while let d = peek, d == " " || d == "\t" || d == "\n" || (d == "\r" && at(i + 1) == "\n") {
                        if d == "\n" { line += 1 }
                        i += 1
                    }
                } else {
                    out.unicodeScalars.append(try escape())
                }
            default:
                if isControl(c) { throw fail("control character \(Self.shown(c)) in a string") }
                out.unicodeScalars.append(c)
            }
        }
    }
}
