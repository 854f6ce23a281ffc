/// Untrusted text (from a file, an argument or the keyboard) made safe to show on one
/// terminal line: line breaks, tabs and every control, format, separator, private-use or
/// unassigned character (an escape, a bidi override, a zero-width space, U+2028) written as
/// a visible escape, `\n`, `\r`, `\t` or `\u{1B}`, so that text can neither send escape
/// sequences to the terminal nor hide what it says. With a `limit`, at most that many
/// characters (Unicode scalars) are kept, and `…` marks the cut.
///
/// The one helper for this: error messages that echo input, theme and scenario names, the
/// status bar, captions. Escaping rather than stripping keeps what was there visible.
///
///     sanitized(untrusted: "a\nb\u{202E}c")            // a\nb\u{202E}c
///     sanitized(untrusted: longWord, limit: 60)        // 60 characters and …
public func sanitized(untrusted text: some StringProtocol, limit: Int? = nil) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if let limit, count >= limit { return out + "…" }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return out
}
