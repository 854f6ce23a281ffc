/// Reads the subset of TOML 1.0 that themes and scenario files use, in pure Swift:
/// comments, `[table]` headers, `key = value` with bare or quoted keys, and strings (basic,
/// literal, multi-line), integers, floats and booleans. Arrays, inline tables, dates,
/// dotted keys and arrays of tables are a one-line "not supported here" error at their line.
///
/// Why our own reader: TOMLKit (toml++ underneath) never frees a parsed table, an open
/// upstream issue. The dashboard's `o` list parses every saved scenario each time it opens,
/// and a 10-minute soak grew from 27.6 MB to 173.5 MB. This reader allocates only Swift
/// values; `TOMLMemoryTests` parses a file 20,000 times and bounds the growth.
public struct TOMLReader {
    /// The text, as scalars; `i` is the position and `line` its 1-based line.
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    let path: String

    /// The top table of `text`, or the first problem as "PATH:LINE: syntax error: …".
    public static func parse(_ text: String, path: String) throws(FileError) -> TOMLTable {
        var reader = TOMLReader(s: Array(text.unicodeScalars), path: path)
        return try reader.document()
    }

    init(s: [Unicode.Scalar], path: String) {
        self.s = s
        self.path = path
    }

    func fail(_ message: String, line: Int? = nil) -> FileError {
        FileError(path: path, line: line ?? self.line, message: "syntax error: \(message)")
    }

    func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    var peek: Unicode.Scalar? { at(i) }

    /// One character named in a syntax error: 'x' when printable ASCII, else U+XXXX. Not
    /// a sanitizer (text goes through `sanitized(untrusted:)`): nothing but printable
    /// ASCII passes, so it needs no escaping.
    static func named(_ c: Unicode.Scalar) -> String {
        (0x21...0x7E).contains(c.value) ? "'\(c)'" : "U+" + hex4(c.value)
    }

    mutating func skipSpaces() { while peek == " " || peek == "\t" { i += 1 } }

    mutating func document() throws(FileError) -> TOMLTable {
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
                        "expected ']' after the table name, found \(peek.map(Self.named) ?? "the end of the file")")
                }
                i += 1
                if let old = tables[name] {
                    throw fail("table [\(sanitized(untrusted: name))] is defined twice (first at line \(old.line))")
                }
                if let old = root[name] {
                    throw fail(
                        "[\(sanitized(untrusted: name))]: \(sanitized(untrusted: name)) is already a value at line \(old.line)"
                    )
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
                    throw fail("expected '=' after the key, found \(peek.map(Self.named) ?? "the end of the file")")
                }
                i += 1
                skipSpaces()
                let value = try self.value()
                let old = if let current { tables[current]![name] } else { root[name] }
                if let old {
                    throw fail(
                        "\(sanitized(untrusted: name)) is defined twice (first at line \(old.line))", line: keyLine)
                }
                if let current { tables[current]!.values[name] = value } else { root.values[name] = value }
                try lineEnd()
            }
        }
        for (name, table) in tables { root.values[name] = TOMLValue(kind: .table(table), line: table.line) }
        return root
    }

    /// Spaces, an optional comment, then a line break or the end of the file.
    mutating func lineEnd() throws(FileError) {
        skipSpaces()
        if peek == "#" {
            i += 1
            while let c = peek, c != "\n" {
                if c == "\r" && at(i + 1) == "\n" { break }
                if isControl(c) { throw fail("control character \(Self.named(c)) in a comment") }
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
            throw fail("unexpected \(Self.named(c)); expected the end of the line")
        }
    }

    /// Control characters TOML does not allow raw: all below U+0020 but tab, and DEL.
    func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// A bare key, "quoted" or 'literal'.
    mutating func key() throws(FileError) -> String {
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
            throw fail("a key must be letters, digits, '_', '-' or quoted, not \(Self.named(c))")
        case nil:
            throw fail("expected a key at the end of the file")
        }
    }

    mutating func value() throws(FileError) -> TOMLValue {
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
            if token.isEmpty { throw fail("a value must be a string, number or boolean, not \(Self.named(peek!))") }
            if token == "true" { return v(.bool(true)) }
            if token == "false" { return v(.bool(false)) }
            return v(try number(token))
        }
    }
}

extension TOMLReader {
    /// The top table of a file whose top-level keys must be among `allowed`: the first
    /// other key is an error at its line, "KEY: unknown key (expected `expected`)".
    public static func parse(
        _ text: String, path: String, allowed: Set<String>, expected: String
    ) -> Result<TOMLTable, FileError> {
        let root: TOMLTable
        do {
            root = try parse(text, path: path)
        } catch {
            return .failure(error)
        }
        for key in root.keys.sorted() where !allowed.contains(key) {
            return .failure(
                FileError(
                    path: path, line: root[key]!.line,
                    message: "\(sanitized(untrusted: key)): unknown key (expected \(expected))"))
        }
        return .success(root)
    }
}
