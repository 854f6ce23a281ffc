import TOMLKit

/// A theme file that cannot be used, as one line: "Themes/x.toml:7: colors.future1: …".
public typealias ThemeError = FileError

/// Reads themes from TOML text (README "Themes"). Pure: the caller reads the file.
public enum ThemeParser {
    static let topKeys: Set<String> = ["name", "description", "colors", "style"]
    static let styleKeys: Set<String> = ["bold_titles", "glyphs"]

    /// The theme in `text`, or the first problem found; `path` is only used in messages.
    public static func parse(_ text: String, path: String) -> Result<Theme, ThemeError> {
        let lines = KeyLines(text)
        func fail(_ table: String, _ key: String?, _ message: String) -> Result<Theme, ThemeError> {
            .failure(ThemeError(path: path, line: lines.line(table: table, key: key), message: message))
        }
        let root: TOMLTable
        do {
            root = try TOMLText.parse(text, path: path)
        } catch {
            return .failure(error)
        }
        for key in root.keys.sorted() where !topKeys.contains(key) {
            return fail("", key, "\(Theme.sanitized(key)): unknown key (expected name, description, [colors], [style])")
        }
        guard let rawName = root["name"] else { return fail("", nil, "name: missing") }
        guard let nameText = rawName.string else { return fail("", "name", "name: must be a string") }
        let name = Theme.sanitized(nameText).trimmingSpaces
        guard !name.isEmpty else { return fail("", "name", "name: must not be empty") }
        var description = ""
        if let raw = root["description"] {
            guard let text = raw.string else { return fail("", "description", "description: must be a string") }
            description = Theme.sanitized(text).trimmingSpaces
        }
        guard let rawColors = root["colors"] else { return fail("", nil, "[colors]: missing") }
        guard let colorTable = rawColors.table else { return fail("", "colors", "colors: must be a table") }
        var colors = [Role: String]()
        for key in colorTable.keys.sorted() {
            guard let role = Role(rawValue: key) else {
                return fail(
                    "colors", key,
                    "colors.\(Theme.sanitized(key)): unknown role (roles: "
                        + Role.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard let value = colorTable[key]?.string else {
                return fail("colors", key, "colors.\(key): is not a \"#rrggbb\" string")
            }
            guard isHexColor(value) else {
                return fail("colors", key, "colors.\(key): \"\(Theme.sanitized(value))\" is not a #rrggbb colour")
            }
            colors[role] = value.lowercased()
        }
        for role in Role.allCases where colors[role] == nil {
            return fail("colors", nil, "colors.\(role.rawValue): missing required role")
        }
        var boldTitles = true
        var glyphs = GlyphStyle.braille
        if let rawStyle = root["style"] {
            guard let style = rawStyle.table else { return fail("", "style", "style: must be a table") }
            for key in style.keys.sorted() where !styleKeys.contains(key) {
                return fail("style", key, "style.\(Theme.sanitized(key)): unknown key (expected bold_titles, glyphs)")
            }
            if let raw = style["bold_titles"] {
                guard let value = raw.bool else {
                    return fail("style", "bold_titles", "style.bold_titles: must be true or false")
                }
                boldTitles = value
            }
            if let raw = style["glyphs"] {
                guard let text = raw.string, let value = GlyphStyle(rawValue: text) else {
                    let shown = raw.string.map { "\"\(Theme.sanitized($0))\"" } ?? "the value"
                    return fail("style", "glyphs", "style.glyphs: \(shown) is not one of braille, block, ascii")
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

/// Finds the line of a key in TOML text, for messages (TOMLKit does not report where a
/// value came from): the line of `key = …` inside `[table]`, else the table's header.
struct KeyLines {
    private var entries: [(table: String, key: String, line: Int)] = []
    private var headers: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        // Split on the scalar: "\r\n" is one Character, so a Character split would miss it.
        for (i, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces
            if line.hasPrefix("[") {
                table = String(line.dropFirst().prefix { $0 != "]" }).trimmingSpaces
                if headers[table] == nil { headers[table] = i + 1 }
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                var key = String(line[..<eq]).trimmingSpaces
                if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first {
                    key = String(key.dropFirst().dropLast())
                }
                entries.append((table, key, i + 1))
                // A dotted key at the top ("colors.future1 = …") belongs to its table.
                if table.isEmpty, let dot = key.firstIndex(of: ".") {
                    entries.append(
                        (
                            String(key[..<dot]).trimmingSpaces, String(key[key.index(after: dot)...]).trimmingSpaces,
                            i + 1
                        ))
                }
            }
        }
    }

    func line(table: String, key: String?) -> Int {
        if let key, let e = entries.first(where: { $0.table == table && $0.key == key }) { return e.line }
        return headers[table] ?? 1
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
