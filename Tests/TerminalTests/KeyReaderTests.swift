import Terminal
import Testing

/// Curses input for `KeyReader`, as a script: what a read finds, in order.
enum Arrival {
    /// Input already pending: any read gets it.
    case now(CursesInput)
    /// Input still on its way: a read that waits gets it; one that does not finds nothing
    /// (and leaves it for the next read).
    case soon(CursesInput)
    /// Nothing within the escape delay: the read that finds it gets nothing.
    case silence
}

/// Runs a `KeyReader` over a script until its end, like `Terminal.readPending` called over
/// and over; returns the steps and, for each read, whether it was asked to wait.
func readAll(_ script: [Arrival]) -> (steps: [KeyReaderStep], waits: [Bool]) {
    var script = script[...]
    var waits: [Bool] = []
    var reader = KeyReader()
    var steps: [KeyReaderStep] = []
    while true {
        let step = reader.next { wait in
            waits.append(wait)
            switch script.first {
            case .now(let input)?:
                script.removeFirst()
                return input
            case .soon(let input)?:
                if wait { script.removeFirst() }
                return wait ? input : nil
            case .silence?:
                script.removeFirst()
                return nil
            case nil:
                return nil
            }
        }
        if let step {
            steps.append(step)
        } else if case .soon(let input)? = script.first {
            script[script.startIndex] = .now(input)  // arrives, as the next read would find
        } else if script.isEmpty {
            break
        }
    }
    return (steps, waits)
}

/// Characters of `text` arriving at once (`\u{1B}` for ESC).
func now(_ text: String) -> [Arrival] { text.unicodeScalars.map { .now(.character($0.value)) } }

/// The character `c` as a step.
func char(_ c: Character) -> KeyReaderStep { .character(c.unicodeScalars.first!.value) }

@Suite("Key reader")
struct KeyReaderTests {
    static let keyUp: Int32 = 0o403
    static let keyMouse: Int32 = 0o631

    @Test("ESC [ 1 ~ is Home, whole; only the characters after the first are waited for")
    func home() {
        let (steps, waits) = readAll(now("\u{1B}[1~"))
        #expect(steps == [.key(.home)])
        #expect(waits == [false, false, true, true, false], "ESC, [, 1, ~, then nothing more")
    }

    @Test("plain characters and key codes pass through")
    func plain() {
        #expect(readAll(now("a1") + [.now(.code(Self.keyUp))]).steps == [char("a"), char("1"), .code(Self.keyUp)])
    }

    @Test("a lone ESC is Escape; ESC and a key code curses decoded is Escape, then that key")
    func loneEscape() {
        #expect(readAll(now("\u{1B}")).steps == [.key(.escape)])
        #expect(readAll(now("\u{1B}") + [.silence] + now("x")).steps == [.key(.escape), char("x")])
        #expect(readAll(now("\u{1B}") + [.now(.code(Self.keyUp))]).steps == [.key(.escape), .code(Self.keyUp)])
        #expect(readAll(now("\u{1B}\u{1B}[4~")).steps == [.key(.escape), .key(.end)])
    }

    @Test("unknown sequences are dropped whole; what follows is read as usual")
    func unknown() {
        #expect(readAll(now("\u{1B}[200~\u{1B}[12345~\u{1B}[99xq")).steps == [.ignored, .ignored, .ignored, char("q")])
        #expect(readAll(now("\u{1B}]11;rgb:0/0/0\u{7}\u{1B}[4~")).steps == [.ignored, .key(.end)])
        #expect(readAll(now("\u{1B}a\u{1B}1")).steps == [.ignored, .ignored])
    }

    @Test("a mouse report split between reads is put together: the rest is waited for")
    func splitMouse() {
        let script = now("\u{1B}[<0;1") + [.soon(.character(0x30))] + now(";5") + [.soon(.character(0x4D))] + now("k")
        #expect(readAll(script).steps == [.ignored, char("k")])
    }

    @Test("a sequence cut short by silence, ESC or a key code is dropped as far as it came")
    func cutShort() {
        #expect(readAll(now("\u{1B}[1") + [.silence] + now("x")).steps == [.ignored, char("x")])
        #expect(readAll(now("\u{1B}[1\u{1B}OH")).steps == [.ignored, .key(.home)])
        #expect(readAll(now("\u{1B}[<0;1") + [.now(.code(Self.keyMouse))]).steps == [.ignored, .code(Self.keyMouse)])
        #expect(readAll(now("\u{1B}[1\r")).steps == [.ignored, char("\r")])
    }
}
