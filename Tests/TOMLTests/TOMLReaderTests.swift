import TOML
import Testing

@Suite("TOML reader")
struct TOMLReaderTests {
    static func read(_ text: String) throws(FileError) -> TOMLTable { try TOMLReader.parse(text, path: "r.toml") }

    /// The error for `text`, as "LINE: message".
    static func error(_ text: String) -> String {
        do {
            let table = try read(text)
            return "accepted: \(table)"
        } catch {
            #expect(error.path == "r.toml")
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" })
            return "\(error.line): \(error.message)"
        }
    }

    @Test("each kind of value, with its line")
    func values() throws {
        let text = """
            # a comment
            a = "x" # after
            b = 'c:\\no\\escape'
            c = -1_000
            d = +17
            e = 0
            f = 3.25
            g = -1e-3
            h = 6.02E+2_3
            i = true
            j = false
            "quoted key" = 1
            k = inf
            l = -inf
            m = nan

            [t]
            x = 2
            """
        let root = try Self.read(text)
        #expect(root["a"]?.string == "x" && root["a"]?.line == 2)
        #expect(root["b"]?.string == "c:\\no\\escape")
        #expect(root["c"]?.int == -1000)
        #expect(root["d"]?.int == 17)
        #expect(root["e"]?.int == 0 && root["e"]?.double == nil)
        #expect(root["f"]?.double == 3.25 && root["f"]?.int == nil)
        #expect(root["g"]?.double == -0.001)
        #expect(root["h"]?.double == 6.02e23)
        #expect(root["i"]?.bool == true && root["j"]?.bool == false)
        #expect(root["quoted key"]?.int == 1 && root["quoted key"]?.line == 12)
        #expect(root["k"]?.double == .infinity && root["l"]?.double == -.infinity)
        #expect(root["m"]?.double?.isNaN == true)
        let t = try #require(root["t"]?.table)
        #expect(t.line == 17 && root["t"]?.line == 17 && t["x"]?.int == 2 && t["x"]?.line == 18)
        #expect(Set(root.keys).count == 15)
    }

    @Test("escapes in basic strings")
    func escapes() throws {
        let root = try Self.read(#"s = "\b\t\n\f\r\"\\\u00e9\U0001F600 ""#)
        #expect(root["s"]?.string == "\u{8}\t\n\u{C}\r\"\\é😀 ")
    }

    @Test("multi-line strings: first newline dropped, CRLF as LF, line-ending backslash, quotes")
    func multiLine() throws {
        let root = try Self.read(
            "a = \"\"\"\r\none\r\ntwo\"\"\"\nb = \"\"\"x \\\n    y\"\"\"\nc = '''\n\\n raw'''\nd = \"\"\"q\"\"\"\"\"\ne = 1\n"
        )
        #expect(root["a"]?.string == "one\ntwo" && root["a"]?.line == 1)
        #expect(root["b"]?.string == "x y" && root["b"]?.line == 4)
        #expect(root["c"]?.string == "\\n raw" && root["c"]?.line == 6)
        #expect(root["d"]?.string == "q\"\"")
        #expect(root["e"]?.line == 9)
    }

    @Test("CRLF line endings, a UTF-8 BOM, U+2028 inside a string")
    func lineEndings() throws {
        let root = try Self.read("\u{FEFF}a = 1\r\n\r\n[t]\r\nb = \"x\u{2028}y\" # c\r\n")
        #expect(root["a"]?.int == 1)
        #expect(root["t"]?.line == 3)
        #expect(root["t"]?.table?["b"]?.string == "x\u{2028}y")
        #expect(root["t"]?.table?["b"]?.line == 4)
    }

    @Test(
        "each error names its line",
        arguments: [
            ("a = 1\na = 2\n", "2: syntax error: a is defined twice (first at line 1)"),
            ("[t]\n[u]\n[t]\n", "3: syntax error: table [t] is defined twice (first at line 1)"),
            ("t = 1\n[t]\n", "2: syntax error: [t]: t is already a value at line 1"),
            ("a = [1, 2]\n", "1: syntax error: arrays are not supported here"),
            ("\na = { b = 1 }\n", "2: syntax error: inline tables are not supported here"),
            ("\n\na = 1979-05-27\n", "3: syntax error: dates and times are not supported here"),
            ("a = 07:32:00\n", "1: syntax error: dates and times are not supported here"),
            ("a.b = 1\n", "1: syntax error: dotted keys are not supported here"),
            ("[a.b]\n", "1: syntax error: dotted table names are not supported here"),
            ("x = 1\n[[a]]\n", "2: syntax error: arrays of tables ([[…]]) are not supported here"),
            ("a = 0x1F\n", "1: syntax error: hexadecimal, octal and binary integers are not supported here"),
            ("a = 012\n", "1: syntax error: '012': leading zeros are not allowed"),
            ("a = 1__0\n", "1: syntax error: '1__0' is not a value"),
            ("a = _1\n", "1: syntax error: '_1' is not a value"),
            ("a = 1.\n", "1: syntax error: '1.': a '.' needs digits on both sides"),
            ("a = 1e\n", "1: syntax error: '1e': an exponent needs digits"),
            ("a = 99999999999999999999\n", "1: syntax error: '99999999999999999999': integer out of range"),
            ("a = True\n", "1: syntax error: 'True' is not a value"),
            ("a =\n", "1: syntax error: missing value after '='"),
            ("a = 1 2\n", "1: syntax error: unexpected '2'; expected the end of the line"),
            ("a\n", "1: syntax error: expected '=' after the key, found U+000A"),
            ("\n\"a\nb\" = 1\n", "2: syntax error: unterminated string"),
            ("a = 'x\n", "1: syntax error: unterminated string"),
            ("\na = \"\"\"x\n\ny\n", "2: syntax error: unterminated multi-line string"),
            ("a = \"\\q\"\n", "1: syntax error: invalid escape '\\q'"),
            ("a = \"\\u12\"\n", "1: syntax error: \\u needs 4 hex digits"),
            ("a = \"\\uD800\"\n", "1: syntax error: \\uD800 is not a Unicode scalar value"),
            ("a = \"\\U00110000\"\n", "1: syntax error: \\U110000 is not a Unicode scalar value"),
            ("a = 1\nb = \"x\u{1}\"\n", "2: syntax error: control character U+0001 in a string; write it as an escape"),
            ("a = 'x\u{7F}'\n", "1: syntax error: control character U+007F in a string"),
            ("# x\u{0}\n", "1: syntax error: control character U+0000 in a comment"),
            ("a = 1\n\u{0}b = 1\n", "2: syntax error: a key must be letters, digits, '_', '-' or quoted, not U+0000"),
            ("a = \"x\u{0}\"\n", "1: syntax error: control character U+0000 in a string; write it as an escape"),
            ("a = 1\r\rb = 2\n", "1: syntax error: unexpected U+000D; expected the end of the line"),
            ("\u{2028}a = 1\n", "1: syntax error: a key must be letters, digits, '_', '-' or quoted, not U+2028"),
            ("a = 1\u{2028}\n", "1: syntax error: unexpected U+2028; expected the end of the line"),
            ("\"\"\"a\"\"\" = 1\n", "1: syntax error: a key cannot be a multi-line string"),
            ("a = \"\"\"x\"\"\"\"\"\"\n", "1: syntax error: too many quotes at the end of a multi-line string"),
            ("[t\n", "1: syntax error: expected ']' after the table name, found U+000A"),
        ])
    func errors(text: String, expected: String) {
        #expect(Self.error(text) == expected)
    }
}
