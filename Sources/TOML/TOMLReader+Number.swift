extension TOMLReader {
    /// An integer or a float per TOML 1.0 (decimal only).
    func number(_ token: String) throws(FileError) -> TOMLValue.Kind {
        let shown = "'\(sanitized(untrusted: token.prefix(40)))'"
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

    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
