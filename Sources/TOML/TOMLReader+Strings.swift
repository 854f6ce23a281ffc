extension TOMLReader {
    /// "…" on one line, with escapes.
    mutating func basicString() throws(FileError) -> String {
        i += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            i += 1
            if c == "\"" { return out }
            if c == "\\" {
                out.unicodeScalars.append(try escape())
            } else if isControl(c) {
                throw fail("control character \(Self.named(c)) in a string; write it as an escape")
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    /// '…' on one line, as written.
    mutating func literalString() throws(FileError) -> String {
        i += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            i += 1
            if c == "'" { return out }
            if isControl(c) { throw fail("control character \(Self.named(c)) in a string") }
            out.unicodeScalars.append(c)
        }
    }

    /// The character after a backslash: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX.
    mutating func escape() throws(FileError) -> Unicode.Scalar {
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
                throw fail("\\\(c)\(hex4(value)) is not a Unicode scalar value")
            }
            return scalar
        default:
            throw fail("invalid escape '\\\(Self.named(c).filter { $0 != "'" })'")
        }
    }

    /// """…""" or '''…''': a newline right after the opening quotes is dropped, and CRLF
    /// inside becomes LF; in """…""" a '\' at the end of a line joins the next text to it.
    mutating func multiLineString(literal: Bool) throws(FileError) -> String {
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
                if isControl(c) { throw fail("control character \(Self.named(c)) in a string") }
                out.unicodeScalars.append(c)
            }
        }
    }
}
