import Dashboard
import Formats
import Foundation
import Testing

/// Theme files: each kind of bad file gets one exact FILE:LINE line, and untrusted text
/// is shown as escapes.
@Suite("Theme files")
struct ThemeParserTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures/themes").path

    @Test(
        "each kind of bad file gets one clear line",
        arguments: [
            ("bad-colour", ##"Themes/bad-colour.toml:7: colors.future1: "#12345" is not a #rrggbb colour"##),
            ("named-colour", ##"Themes/named-colour.toml:7: colors.future1: "red" is not a #rrggbb colour"##),
            (
                "unknown-role",
                "Themes/unknown-role.toml:10: colors.sparkle: unknown role (roles: background, foreground, "
                    + "muted, accent, future1, future2, policy, band, grid, selection, warning, domestic, imports, "
                    + "smuggled, offshore, future1_faint, future2_faint)"
            ),
            ("missing-role", "Themes/missing-role.toml:4: colors.accent: missing required role"),
            ("bad-glyphs", ##"Themes/bad-glyphs.toml:18: style.glyphs: "emoji" is not one of braille, block, ascii"##),
        ])
    func badFiles(file: String, message: String) throws {
        let text = try String(contentsOfFile: "\(Self.fixtures)/bad/\(file).toml", encoding: .utf8)
        let result = ThemeParser.parse(text, path: "Themes/\(file).toml")
        guard case .failure(let error) = result else {
            Issue.record("\(file) parsed")
            return
        }
        #expect(error.description == message)
        #expect(!error.description.contains("\n"))
    }

    @Test("a syntax error names the file and line")
    func syntaxError() throws {
        let text = try String(contentsOfFile: "\(Self.fixtures)/bad/syntax.toml", encoding: .utf8)
        guard case .failure(let error) = ThemeParser.parse(text, path: "Themes/syntax.toml") else {
            Issue.record("parsed")
            return
        }
        #expect(error.description.hasPrefix("Themes/syntax.toml:7: syntax error: "))
        #expect(!error.description.contains("\n"))
    }

    @Test("control characters in a theme's name and description are shown as escapes, never sent")
    func controlCharacters() throws {
        let colors = Role.allCases.map { "\($0.rawValue) = \"#808080\"" }.joined(separator: "\n")
        let text = "name = \"evil\\u001b[31m\\u0007x\"\ndescription = \"bad\\u001b]0;t\\u0007\"\n[colors]\n\(colors)\n"
        let theme = try ThemeParser.parse(text, path: "evil.toml").get()
        #expect(theme.name == "evil\\u{1B}[31m\\u{7}x")
        #expect(theme.description == "bad\\u{1B}]0;t\\u{7}")
        #expect(theme.name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }
}
