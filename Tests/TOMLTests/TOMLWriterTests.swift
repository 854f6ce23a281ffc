import TOML
import Testing

@Suite("TOML writer")
struct TOMLWriterTests {
    @Test("a quoted string reads back exactly, whatever characters it holds")
    func roundTrip() throws {
        let texts = [
            "", "plain", "line 1\nline \"2\"\t\\ \r\n", "\u{0}\u{1B}[31m\u{7F}",
            "é 😀 \u{2028} '''\"\"\" # not a comment",
        ]
        for text in texts {
            let root = try TOMLReader.parse("s = \(TOMLWriter.quoted(text))\n", path: "w.toml")
            #expect(root["s"]?.string == text, "\(text.debugDescription)")
        }
    }

    @Test("escapes: quotes, backslashes, \\n \\t \\r by name, other controls as \\uXXXX")
    func escapes() {
        #expect(TOMLWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(TOMLWriter.quoted("\n\t\r") == #""\n\t\r""#)
        #expect(TOMLWriter.quoted("\u{0}\u{1B}\u{7F}") == #""\u0000\u001B\u007F""#)
        #expect(TOMLWriter.quoted("é\u{2028}") == "\"é\u{2028}\"")
    }
}
