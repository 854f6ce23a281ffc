import TOML
import Testing

@Suite("sanitized(untrusted:)")
struct SanitizedTests {
    @Test(
        "control, format and separator characters become visible escapes; the rest stays",
        arguments: [
            ("plain text, é 日本 👍🏽", "plain text, é 日本 👍🏽"),
            ("a\nb\r\tc", "a\\nb\\r\\tc"),
            ("\u{1B}[31mred\u{7}", "\\u{1B}[31mred\\u{7}"),
            ("\u{7F}\u{85}\u{9B}", "\\u{7F}\\u{85}\\u{9B}"),
            ("bidi \u{202E}txt\u{200B}", "bidi \\u{202E}txt\\u{200B}"),
            ("\u{2028}\u{2029}\u{FEFF}", "\\u{2028}\\u{2029}\\u{FEFF}"),
            ("\u{E000}\u{10FFFF}", "\\u{E000}\\u{10FFFF}"),
            ("a\\nb", "a\\nb"),
        ])
    func escapes(text: String, expected: String) {
        #expect(sanitized(untrusted: text) == expected)
        #expect(!sanitized(untrusted: text).unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test("a limit keeps that many characters and marks the cut with …")
    func limit() {
        let long = String(repeating: "x", count: 100)
        #expect(sanitized(untrusted: long, limit: 60) == String(repeating: "x", count: 60) + "…")
        #expect(sanitized(untrusted: long.prefix(60), limit: 60) == String(repeating: "x", count: 60))
        #expect(sanitized(untrusted: long) == long)
        #expect(sanitized(untrusted: "\n\n\n", limit: 2) == "\\n\\n…")
    }

    @Test("sanitizing twice changes nothing more")
    func idempotent() {
        let text = "a\u{1B}b\nc\u{202E}"
        #expect(sanitized(untrusted: sanitized(untrusted: text)) == sanitized(untrusted: text))
    }
}
