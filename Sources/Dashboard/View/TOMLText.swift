import TOMLKit

/// TOML text through TOMLKit, with the inputs it cannot take safely turned away first.
enum TOMLText {
    /// The table in `text`, or a one-line syntax error at a line of `path`.
    static func parse(_ text: String, path: String) throws(FileError) -> TOMLTable {
        if let (line, message) = unsafeInput(text) {
            throw FileError(path: path, line: line, message: "syntax error: \(message)")
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FileError(
                path: path, line: max(1, error.source.begin.line),
                message: "syntax error: \(Theme.sanitized(error.description))")
        } catch {
            throw FileError(path: path, line: 1, message: "syntax error")
        }
    }

    /// What toml++ 3.4 (inside TOMLKit) would mishandle, with its line:
    /// - a NUL character: the text goes to C as a C string, so the rest would be ignored;
    /// - a table header whose name does not start like a key (`[{x]`, `[` at the end of a
    ///   line, `[[[x]]`): toml++ asserts that it does, and the process aborts;
    /// - a `}` where an array expects a value (`[1, }`), and U+0085, U+2028 or U+2029 outside
    ///   strings and comments: toml++ asserts that a value starts there, and aborts.
    /// A line inside a multi-line string or a multi-line array is not a header.
    static func unsafeInput(_ text: String) -> (Int, String)? {
        if let nul = text.utf8.firstIndex(of: 0) {
            return (text.utf8[..<nul].count { $0 == 10 } + 1, "the file contains a NUL character")
        }
        let s = Array(text.unicodeScalars)
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func skipSpaces(_ k: inout Int) { while let c = at(k), c == " " || c == "\t" { k += 1 } }
        // toml++ skips a byte order mark at the start.
        var i = s.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        // The brackets of the value being read: arrays and inline tables.
        var open: [Unicode.Scalar] = []
        var afterEquals = false
        var lineStart = true
        while i < s.count {
            if lineStart {
                lineStart = false
                var k = i
                skipSpaces(&k)
                if open.isEmpty, at(k) == "[" {
                    k += 1
                    let before = k
                    skipSpaces(&k)
                    if at(k) == "[", k == before {
                        k += 1
                        skipSpaces(&k)
                    }
                    if let c = at(k), !(c == "]" || c == "\"" || c == "'" || isBareKeyCharacter(c)) {
                        return (line, "a table name must start with a letter, digit, '_', '-' or a quote")
                    }
                }
            }
            let c = s[i]
            i += 1
            switch c {
            case "\n":
                line += 1
                lineStart = true
                if open.isEmpty { afterEquals = false }
            case "#":
                while let d = at(i), d != "\n" { i += 1 }
            case "\"", "'":
                let multi = at(i) == c && at(i + 1) == c
                if multi { i += 2 }
                while let d = at(i) {
                    if d == "\n" {
                        if !multi { break }
                        line += 1
                    }
                    i += 1
                    if d == "\\" && c == "\"" {
                        if at(i) == "\n" { line += 1 }
                        if at(i) != nil { i += 1 }
                    } else if d == c && (!multi || (at(i) == c && at(i + 1) == c)) {
                        if multi { i += 2 }
                        break
                    }
                }
            case "=": afterEquals = true
            case "[", "{":
                if afterEquals || !open.isEmpty { open.append(c) }
            case "]", "}":
                if c == "}", open.last == "[" { return (line, "'}' inside an array") }
                if !open.isEmpty { open.removeLast() }
            case "\u{85}", "\u{2028}", "\u{2029}":
                return (line, "U+\(String(c.value, radix: 16, uppercase: true)) is not a TOML line break")
            default: break
            }
        }
        return nil
    }

    /// A-Z a-z 0-9 _ -, as TOML 1.0 allows in bare keys.
    static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }
}
