import Dashboard
import TOML

/// Reads themes from TOML text (docs/lenses-and-themes.md). Pure: the caller reads the file.
public enum ThemeParser {
    static let topKeys: Set<String> = ["name", "description", "colors", "style"]
    static let styleKeys: Set<String> = ["bold_titles", "glyphs"]

    /// The theme in `text`, or the first problem found; `path` is only used in messages.
    public static func parse(_ text: String, path: String) -> Result<Theme, ThemeError> {
        func fail(_ line: Int, _ message: String) -> Result<Theme, ThemeError> {
            .failure(ThemeError(path: path, line: line, message: message))
        }
        let root: TOMLTable
        switch TOMLReader.parse(text, path: path, allowed: topKeys, expected: "name, description, [colors], [style]") {
        case .success(let table): root = table
        case .failure(let error): return .failure(error)
        }
        guard let rawName = root["name"] else { return fail(1, "name: missing") }
        guard let nameText = rawName.string else { return fail(rawName.line, "name: must be a string") }
        let name = sanitized(untrusted: nameText).trimmingSpaces
        guard !name.isEmpty else { return fail(rawName.line, "name: must not be empty") }
        var description = ""
        if let raw = root["description"] {
            guard let text = raw.string else { return fail(raw.line, "description: must be a string") }
            description = sanitized(untrusted: text).trimmingSpaces
        }
        guard let rawColors = root["colors"] else { return fail(1, "[colors]: missing") }
        guard let colorTable = rawColors.table else { return fail(rawColors.line, "colors: must be a table") }
        var colors = [Role: String]()
        for key in colorTable.keys.sorted() {
            guard let role = Role(rawValue: key) else {
                return fail(
                    colorTable[key]!.line,
                    "colors.\(sanitized(untrusted: key)): unknown role (roles: "
                        + Role.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard let value = colorTable[key]?.string else {
                return fail(colorTable[key]!.line, "colors.\(key): is not a \"#rrggbb\" string")
            }
            guard isHexColor(value) else {
                return fail(
                    colorTable[key]!.line, "colors.\(key): \"\(sanitized(untrusted: value))\" is not a #rrggbb colour")
            }
            colors[role] = value.lowercased()
        }
        for role in Role.allCases where colors[role] == nil {
            if let base = role.fades, let color = colors[base], let background = colors[.background] {
                colors[role] = mix(color, background, 0.5)
                continue
            }
            if Role.optional.contains(role), let fallback = Theme.dark.colors[role] {
                colors[role] = fallback
                continue
            }
            return fail(colorTable.line, "colors.\(role.rawValue): missing required role")
        }
        var boldTitles = true
        var glyphs = GlyphStyle.braille
        if let rawStyle = root["style"] {
            guard let style = rawStyle.table else { return fail(rawStyle.line, "style: must be a table") }
            for key in style.keys.sorted() where !styleKeys.contains(key) {
                return fail(
                    style[key]!.line, "style.\(sanitized(untrusted: key)): unknown key (expected bold_titles, glyphs)")
            }
            if let raw = style["bold_titles"] {
                guard let value = raw.bool else {
                    return fail(raw.line, "style.bold_titles: must be true or false")
                }
                boldTitles = value
            }
            if let raw = style["glyphs"] {
                guard let text = raw.string, let value = GlyphStyle(rawValue: text) else {
                    let shown = raw.string.map { "\"\(sanitized(untrusted: $0))\"" } ?? "the value"
                    return fail(raw.line, "style.glyphs: \(shown) is not one of braille, block, ascii")
                }
                glyphs = value
            }
        }
        return .success(
            Theme(
                name: name, description: description, colors: colors, boldTitles: boldTitles, glyphs: glyphs,
                source: path))
    }

    /// Whether `text` is "#rrggbb" with six hex digits.
    public static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let chars = Array(self)
        var start = 0
        var end = chars.count
        while start < end, chars[start].isWhitespace { start += 1 }
        while end > start, chars[end - 1].isWhitespace { end -= 1 }
        return String(chars[start..<end])
    }
}
