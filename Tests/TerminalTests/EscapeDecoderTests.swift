import Terminal
import Testing

/// Decodes `text`, the input after an ESC (written without the ESC).
func decode(_ text: String, atEnd: Bool = true) -> EscapeDecoder.Result {
    EscapeDecoder.decode(text.unicodeScalars.map(\.value), atEnd: atEnd)
}

/// The whole of `text` as one sequence meaning `key`.
func whole(_ key: TerminalKey?, _ text: String) -> EscapeDecoder.Result {
    .complete(key, consumed: text.unicodeScalars.count)
}

@Suite("Escape decoder: known keys")
struct EscapeDecoderKeyTests {
    @Test(
        "Home and End in every common form, whole",
        arguments: [
            ("[1~", TerminalKey.home), ("[7~", .home), ("[H", .home), ("OH", .home), ("[1;1H", .home),
            ("[1;1~", .home), ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end), ("[1;1F", .end),
            ("[4;1~", .end),
        ])
    func homeEnd(text: String, key: TerminalKey) {
        #expect(decode(text) == whole(key, text))
        #expect(decode(text, atEnd: false) == whole(key, text), "complete without waiting for more")
    }

    @Test(
        "cursor keys in CSI and SS3 form; Shift with xterm's modifier 2 and rxvt's lower case",
        arguments: [
            ("[A", TerminalKey.up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OB", .down),
            ("OC", .right), ("OD", .left), ("[1;1A", .up), ("[1;2A", .shiftUp), ("[1;2B", .shiftDown),
            ("[1;2C", .shiftRight), ("[1;2D", .shiftLeft), ("[a", .shiftUp), ("[b", .shiftDown),
            ("[c", .shiftRight), ("[d", .shiftLeft),
        ])
    func cursor(text: String, key: TerminalKey) {
        #expect(decode(text) == whole(key, text))
    }

    @Test(
        "PgUp, PgDn, Delete, Shift+Tab, keypad Enter and the F-keys",
        arguments: [
            ("[5~", TerminalKey.pageUp), ("[6~", .pageDown), ("[5;1~", .pageUp), ("[3~", .delete),
            ("[Z", .backTab), ("OM", .enter), ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)),
            ("OS", .function(4)), ("[P", .function(1)), ("[1P", .function(1)), ("[11~", .function(1)),
            ("[14~", .function(4)), ("[15~", .function(5)), ("[17~", .function(6)), ("[21~", .function(10)),
            ("[23~", .function(11)), ("[24~", .function(12)), ("[[A", .function(1)), ("[[E", .function(5)),
        ])
    func otherKeys(text: String, key: TerminalKey) {
        #expect(decode(text) == whole(key, text))
    }

    @Test("a lone ESC is the Escape key, once nothing more comes; ESC ESC is Escape, then the next")
    func loneEscape() {
        #expect(decode("") == .complete(.escape, consumed: 0))
        #expect(decode("", atEnd: false) == .incomplete)
        #expect(decode("\u{1B}") == .complete(.escape, consumed: 0))
        #expect(decode("\u{1B}[A", atEnd: false) == .complete(.escape, consumed: 0))
    }

    @Test("what follows a sequence is not part of it")
    func followers() {
        #expect(decode("[1~x") == .complete(.home, consumed: 3))
        #expect(decode("OF12") == .complete(.end, consumed: 2))
        #expect(decode("[4~\u{1B}[1~") == .complete(.end, consumed: 3))
    }
}

@Suite("Escape decoder: unknown input is dropped whole")
struct EscapeDecoderUnknownTests {
    @Test(
        "unknown and modified CSI and SS3 sequences, reports and mouse reports mean no key",
        arguments: [
            "[200~", "[201~", "[99;5u", "[?1049h", "[12345~", "[99x", "[2~", "[1;5A", "[1;3H", "[5;5~", "[1;2H",
            "[3;2~", "[E", "OE", "Ow", "Op", "O2A", "O1;2P", "[1;2P", "[27;5;9~", "[<0;10;5M", "[<64;1;1m",
            "[32;10;5M", "[I", "[O", "[12;40R", "[?62;c", "[?1;2$y", "[>0;95;0c", "[1:2A", "[~", "[;~",
            "[M !!", "[M\u{E9}\u{100}\u{101}", "[[Z", "[99999999999999999999~",
        ])
    func unknownSequences(text: String) {
        #expect(decode(text) == whole(nil, text))
        #expect(decode(text, atEnd: false) == whole(nil, text), "read to its end, without waiting")
    }

    @Test(
        "strings (OSC, DCS, APC, PM, SOS) end at BEL, ST or C1 ST, and mean no key",
        arguments: [
            "]11;rgb:0000/0000/0000\u{7}", "]52;c;aGVsbG8=\u{1B}\\", "]10;?\u{9C}", "P1$r0m\u{1B}\\",
            "_Gi=1;OK\u{1B}\\", "^private\u{7}", "Xstart of string\u{1B}\\", "]\u{7}",
        ])
    func strings(text: String) {
        #expect(decode(text, atEnd: false) == whole(nil, text))
    }

    @Test("Alt plus a key is one character after ESC, ignored", arguments: ["a", "1", "~", "\u{7F}", "\r", "é", "["])
    func alt(text: String) {
        #expect(decode(text) == .complete(nil, consumed: 1))
    }

    @Test(
        "truncated sequences wait for more, then are dropped whole",
        arguments: [
            "[", "[1", "[1;", "[<0;10;5", "[?10", "[1 ", "[7$", "O", "O1", "]11;rgb", "P", "]x\u{1B}", "[M", "[M a",
            "[[",
        ])
    func truncated(text: String) {
        #expect(decode(text, atEnd: false) == .incomplete)
        #expect(decode(text) == whole(nil, text))
    }

    @Test("a character that cannot be in a sequence ends it, unread: it is input of its own")
    func interrupted() {
        #expect(decode("[1\r") == .complete(nil, consumed: 2))
        #expect(decode("[1\u{1B}[4~") == .complete(nil, consumed: 2))
        #expect(decode("[<0;1é") == .complete(nil, consumed: 5))
        #expect(decode("O\u{7F}") == .complete(nil, consumed: 1))
        #expect(decode("]abc\u{1B}[A") == .complete(nil, consumed: 4))
        #expect(decode("[[\r") == .complete(nil, consumed: 2))
    }

    @Test("a parameter after an intermediate is malformed: read to the final byte, ignored")
    func malformed() {
        #expect(decode("[1 2~x") == .complete(nil, consumed: 5))
        #expect(decode("[ 1A") == .complete(nil, consumed: 4))
    }

    @Test("a sequence that never ends is dropped at the length limit")
    func overlong() {
        let limit = EscapeDecoder.maximumLength
        let string = [0x5D] + [UInt32](repeating: 0x61, count: limit - 1)
        #expect(EscapeDecoder.decode(Array(string.dropLast()), atEnd: false) == .incomplete)
        #expect(EscapeDecoder.decode(string, atEnd: false) == .complete(nil, consumed: limit))
        let csi = [0x5B] + [UInt32](repeating: 0x31, count: limit - 1)
        #expect(EscapeDecoder.decode(csi, atEnd: false) == .complete(nil, consumed: limit))
    }
}
