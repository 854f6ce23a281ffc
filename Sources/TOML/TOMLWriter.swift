/// What a TOML file is written with: the quoting of strings. The rest of a file (keys,
/// numbers, `[table]` headers) is plain text its writer composes.
public enum TOMLWriter {
    /// `text` as a TOML basic string that `TOMLReader` reads back exactly: quotes and
    /// backslashes escaped, `\n`, `\t`, `\r` as such, other control characters as `\uXXXX`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// `value` in upper-case hex with at least four digits: `001B`, `2028`, `1F600`.
func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
