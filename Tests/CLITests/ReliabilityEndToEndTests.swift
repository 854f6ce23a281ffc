import Foundation
import TestSupport
import Testing

/// Abuse of the real binary in tmux: crashes, Ctrl-Z and fg, thousands of random keys and
/// hundreds of resizes. After each, the terminal must be exactly as the shell left it
/// (`stty -a` before and after), back on the normal screen with the cursor shown.
@Suite("Reliability end to end", .serialized)
struct ReliabilityEndToEndTests {
    /// A shell in tmux whose prompt stays visible (only the program's stderr is silenced),
    /// with private data and temporary folders and no core files.
    final class Shell {
        let tmux: Tmux
        let dir: String
        /// `stty -a` in the shell before the program started.
        private(set) var baseline = ""

        init(width: Int, height: Int) throws {
            tmux = try Tmux(width: width, height: height)
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("tf-rel-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try tmux.waitFor { $0.contains("$") }
            try tmux.send("ulimit -c 0; export XDG_DATA_HOME='\(dir)' TMPDIR='\(dir)'; clear", literal: true)
            try tmux.send("Enter")
            baseline = try shellOutput("stty -a")
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        /// Starts the dashboard; `ready` is what its first frame must show.
        func start(
            _ args: String = "", stderr: String = "/dev/null", ready: ((String) -> Bool)? = Shell.fullFrame
        ) throws {
            try tmux.send("clear; '\(CLI.binary.path)' \(args) 2>'\(stderr)'", literal: true)
            try tmux.send("Enter")
            if let ready { try tmux.waitFor(seconds: 20, ready) }
        }

        static func fullFrame(_ screen: String) -> Bool {
            screen.contains("┌ POLICY ─") && screen.contains("across 2,000 worlds")
        }

        /// Runs `command` in the shell (which must be at its prompt) and returns its output.
        func shellOutput(_ command: String) throws -> String {
            let file = dir + "/out-\(UUID().uuidString)"
            let done = file + ".done"
            try tmux.send("\(command) > '\(file)' 2>&1; touch '\(done)'", literal: true)
            try tmux.send("Enter")
            let deadline = Date().addingTimeInterval(15)
            while !FileManager.default.fileExists(atPath: done) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        }

        /// Waits for the shell, then returns the program's exit status and `stty -a`.
        func afterExit() throws -> (status: Int32?, stty: String) {
            let screen = try tmux.waitFor(seconds: 20) { _ in (try? self.tmux.currentCommand()) == "bash" }
            #expect(try tmux.currentCommand() == "bash", "the program is still running: \(screen)")
            let status = try shellOutput("echo $?")
            return (Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)), try shellOutput("stty -a"))
        }

        /// The terminal is as before the program: same `stty -a` (apart from the size line),
        /// the usual modes on, the normal screen with the cursor shown and no mouse reporting.
        func expectRestored(_ stty: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            for flag in ["icanon", "echo", "isig", "ixon", "icrnl", "opost"] {
                #expect(
                    DashboardEndToEndTests.isOn(flag, in: stty), "\(flag) is off: \(stty)",
                    sourceLocation: sourceLocation)
            }
            let modes = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
            #expect(
                !baseline.isEmpty && modes(stty) == modes(baseline), "\(stty)\nwas\n\(baseline)",
                sourceLocation: sourceLocation)
            #expect(
                try tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0",
                sourceLocation: sourceLocation)
            // The shell's prompt, alone on the last line in use.
            let prompt = { (screen: String) in
                screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
                    .trimmingCharacters(in: .whitespaces) == "$"
            }
            let screen = try tmux.waitFor(prompt)
            #expect(prompt(screen), "no shell prompt: \(screen)", sourceLocation: sourceLocation)
            #expect(!screen.contains("┌ POLICY ─"), "\(screen)", sourceLocation: sourceLocation)
        }

        /// The headless render of the starting dashboard at a size: what the live one must show.
        func headless(width: Int, height: Int) throws -> String {
            let demo = dir + "/empty.demo"
            if !FileManager.default.fileExists(atPath: demo) {
                try "".write(toFile: demo, atomically: true, encoding: .utf8)
            }
            let result = try CLI.run(["demo", demo, "--headless", "--size", "\(width)x\(height)"])
            #expect(result.status == 0, "\(result.stderr)")
            return Shell.normalized(result.stdout)
        }

        /// Lines without trailing blanks, and no blank lines at the end.
        static func normalized(_ text: String) -> String {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " }.reversed())
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }

        /// Waits until the pane shows exactly `expected` (normalized) and returns what it shows.
        func waitForScreen(_ expected: String, seconds: Double = 20) throws -> String {
            Shell.normalized(try tmux.waitFor(seconds: seconds) { Shell.normalized($0) == expected })
        }
    }

    /// Sends a signal to the shell's child (the dashboard).
    static func signalChild(_ name: String, of tmux: Tmux) throws {
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-\(name)", "-P", String(try tmux.shellPID())]
        try kill.run()
        kill.waitUntilExit()
        #expect(kill.terminationStatus == 0, "no child of the shell to signal")
    }

    #if arch(x86_64)
        static let trapStatus = 128 + SIGILL
    #else
        static let trapStatus = 128 + SIGTRAP
    #endif

    @Test(
        "a Swift trap, a segfault, SIGSEGV and Ctrl-\\ restore the terminal and exit with the signal's status",
        arguments: ["trap", "segv", "SEGV", "C-\\"])
    func crash(how: String) throws {
        let shell = try Shell(width: 100, height: 30)
        switch how {
        case "trap", "segv":
            try shell.start("--crash-for-testing \(how)", ready: nil)
        case "SEGV":
            try shell.start()
            try Self.signalChild("SEGV", of: shell.tmux)
        default:
            try shell.start()
            try shell.tmux.send("C-\\")
        }
        let (status, stty) = try shell.afterExit()
        let expected = ["trap": Self.trapStatus, "segv": 128 + SIGSEGV, "SEGV": 128 + SIGSEGV, "C-\\": 128 + SIGQUIT][
            how]
        #expect(status == expected)
        try shell.expectRestored(stty)
    }

    @Test("after a crash, stderr says where the error went, and that log holds the error")
    func crashNote() throws {
        let shell = try Shell(width: 100, height: 30)
        let stderr = shell.dir + "/stderr"
        try shell.start("--crash-for-testing trap", stderr: stderr, ready: nil)
        let (status, stty) = try shell.afterExit()
        #expect(status == Self.trapStatus)
        try shell.expectRestored(stty)
        let note = try String(contentsOfFile: stderr, encoding: .utf8)
        let prefix = "twofutures: crashed; its error output is in "
        #expect(note.hasPrefix(prefix) && note.hasSuffix(".log\n"), "\(note)")
        let log = String(note.dropFirst(prefix.count).dropLast())
        defer { try? FileManager.default.removeItem(atPath: log) }
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("Fatal error: --crash-for-testing trap"))
    }

    @Test("--crash-for-testing takes only trap or segv")
    func crashOptionChecked() throws {
        let result = try CLI.run(["--crash-for-testing", "boom"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--crash-for-testing must be trap or segv, got 'boom'"))
    }

    @Test("Ctrl-Z gives the shell a sane terminal; fg repaints the full frame, also after a resize")
    func suspendAndResume() throws {
        let shell = try Shell(width: 100, height: 30)
        let tmux = shell.tmux
        try shell.start()
        let expected = try shell.headless(width: 100, height: 30)
        let before = try shell.waitForScreen(expected)
        #expect(before == expected)

        for resize in [false, true] {
            try tmux.send("C-z")
            let stopped = try tmux.waitFor { $0.contains("Stopped") && (try? tmux.currentCommand()) == "bash" }
            #expect(stopped.contains("Stopped"), "\(stopped)")
            try shell.expectRestored(try shell.shellOutput("stty -a"))
            var wanted = before
            if resize {
                // The SIGWINCH goes to the shell, the foreground job at that moment.
                try tmux.resize(width: 90, height: 28)
                wanted = try shell.headless(width: 90, height: 28)
            }
            try tmux.send("fg", literal: true)
            try tmux.send("Enter")
            let back = try shell.waitForScreen(wanted)
            #expect(back == wanted, "after fg:\n\(back)\nwanted:\n\(wanted)")
            #expect(try tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "1 0 1")
        }
        try tmux.send("1")
        // At 90×28 the status line is the compact one.
        let future1 = try tmux.waitFor { $0.contains("F1") && $0.contains("as set 14.9") }
        #expect(future1.contains("F1") && future1.contains("as set 14.9"), "\(future1)")
        try tmux.send("q")
        let (status, stty) = try shell.afterExit()
        #expect(status == 0)
        try shell.expectRestored(stty)
    }

    @Test("Ctrl-L repaints the full frame over what something else wrote on the terminal")
    func redraw() throws {
        let shell = try Shell(width: 100, height: 30)
        let tmux = shell.tmux
        try shell.start()
        let expected = try shell.headless(width: 100, height: 30)
        #expect(try shell.waitForScreen(expected) == expected)
        // Written behind curses' back: it believes the screen still shows its frame.
        let tty = try #require(FileHandle(forWritingAtPath: try tmux.display("#{pane_tty}")))
        tty.write(Data("\u{1B}[5;5HGARBAGE\u{1B}[2;1H\u{1B}[2K".utf8))
        try tty.close()
        let garbled = try tmux.waitFor { $0.contains("GARBAGE") }
        #expect(garbled.contains("GARBAGE"), "\(garbled)")
        try tmux.send("C-l")
        let back = try shell.waitForScreen(expected)
        #expect(back == expected, "after Ctrl-L:\n\(back)\nwanted:\n\(expected)")
        try tmux.send("q")
        let (status, stty) = try shell.afterExit()
        #expect(status == 0)
        try shell.expectRestored(stty)
    }

    /// One random input: a key by tmux name, raw bytes, or a pasted block.
    enum Input {
        case key(String)
        case bytes([UInt8])
        case paste(String)
    }

    /// Random inputs that never quit or suspend: no q (nor Alt-q), Ctrl-C, Ctrl-Z or Ctrl-\.
    static func randomInputs(count: Int, seed: UInt64) -> [Input] {
        var g = SeededGenerator(seed: seed)
        let named =
            [
                "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "Tab", "BTab", "Enter", "Escape",
                "BSpace",
            ]
            + ["DC", "IC", "S-Left", "S-Right", "S-Up", "S-Down", "C-Left", "C-Up", "M-Up", "M-a", "M-1"]
            + (1...12).map { "F\($0)" }
        let printable = (0x20...0x7E).map(UInt8.init).filter { $0 != UInt8(ascii: "q") }
        let controls = (0...31).map(UInt8.init).filter { ![3, 26, 28].contains($0) }
        let escapes = [
            "[A", "[B", "[C", "[D", "[H", "[F", "[2~", "[3~", "[5~", "[6~", "[15~", "[24~", "OP", "OQ", "OS", "[1;2A",
            "[1;5C", "[Z", "[200~", "[201~", "[I", "[O", "[<0;10;5M", "[<0;10;5m", "[<64;30;10M", "[<65;30;10M",
            "[<32;40;12M", "[<99999999999;99999999;9999999M", "[M !!", "[9999999999999999999~",
            // Truncated: the rest never comes (or other keys follow).
            "", "[", "[1", "[1;", "[<", "[<0;", "[<0;10", "[<0;10;5", "O", "[15", "[[",
        ].map { [UInt8(27)] + Array($0.utf8) }
        let pastes = Set([g.modulo(count), g.modulo(count)])
        return (0..<count).map { i in
            if pastes.contains(i) {
                return .paste(String(decoding: (0..<10_000).map { _ in g.modulo(pick: printable) }, as: UTF8.self))
            }
            switch g.modulo(100) {
            case 0..<35: return .key(g.modulo(pick: named))
            case 35..<65: return .bytes([g.modulo(pick: printable)])
            case 65..<75: return .bytes([g.modulo(pick: controls)])
            case 75..<90: return .bytes(g.modulo(pick: escapes))
            default:
                let button = g.modulo(pick: [0, 1, 2, 32, 35, 64, 65])
                let report = "\u{1B}[<\(button);\(1 + g.modulo(130));\(1 + g.modulo(40))\(g.modulo(pick: ["M", "m"]))"
                return .bytes(Array(report.utf8))
            }
        }
    }

    @Test("3,000 random keys, escape sequences, mouse reports and pastes: still responsive, q restores")
    func randomKeys() throws {
        let shell = try Shell(width: 120, height: 36)
        let tmux = shell.tmux
        try shell.start()
        let inputs = Self.randomInputs(count: 3000, seed: 0x7F0_2024)
        // Consecutive keys and consecutive bytes go in one tmux call each (fast typing).
        var keys = [String]()
        var bytes = [UInt8]()
        func flush() throws {
            if !keys.isEmpty { try tmux.send(keys) }
            if !bytes.isEmpty { try tmux.sendBytes(bytes) }
            keys.removeAll()
            bytes.removeAll()
        }
        for input in inputs {
            switch input {
            case .key(let name):
                if !bytes.isEmpty { try flush() }
                keys.append(name)
                if keys.count >= 40 { try flush() }
            case .bytes(let b):
                if !keys.isEmpty { try flush() }
                bytes += b
                if bytes.count >= 200 { try flush() }
            case .paste(let text):
                try flush()
                try tmux.paste(text)
            }
        }
        try flush()
        #expect(try tmux.currentCommand() == "twofutures", "the dashboard quit or crashed")

        // Close whatever the keys opened (help, a prompt, the open list, a goal-seek
        // result, an enlarged chart); then reset (the keys moved assumptions too, which
        // presets keep) and a preset must show their outcomes.
        // Ctrl-S last of all: with flow control on it would freeze the output for good.
        try tmux.send("C-s")
        // Each Escape is followed by a key the decoder knows (Up): an Escape right before a
        // letter would arrive as Alt+letter, which the dashboard ignores whole.
        try tmux.send(["Escape", "Up", "Escape", "Up", "Escape", "Up"])
        try tmux.send("r")
        // The central run's lead: "as set 3.7" across worlds, "lead 3.7 mo" as set (the keys may have pressed w).
        let central = { (screen: String, lead: String) in
            screen.contains("as set \(lead)") || screen.contains("lead \(lead) mo")
        }
        let status = try tmux.waitFor(seconds: 30) { central($0, "3.7") }
        #expect(central(status, "3.7"), "\(status)")
        try tmux.send("1")
        let future1 = try tmux.waitFor { $0.contains("FUTURE 1") && central($0, "14.9") }
        #expect(future1.contains("FUTURE 1") && central(future1, "14.9"), "\(future1)")
        try tmux.send("q")
        let (exit, stty) = try shell.afterExit()
        #expect(exit == 0)
        try shell.expectRestored(stty)
    }

    @Test("200 resizes between 20×5 and 250×80 in about 10 s: the last frame is the right one")
    func resizes() throws {
        let shell = try Shell(width: 120, height: 36)
        let tmux = shell.tmux
        try shell.start()
        var g = SeededGenerator(seed: 0x5EED_0200)
        var sizes = (0..<199).map { i in
            // Every fifth size is below the 80×24 minimum.
            i % 5 == 0 ? (20 + g.modulo(60), 5 + g.modulo(19)) : (20 + g.modulo(231), 5 + g.modulo(76))
        }
        sizes.append((80 + g.modulo(120), 24 + g.modulo(40)))
        let start = Date()
        for (i, size) in sizes.enumerated() {
            try tmux.resize(width: size.0, height: size.1)
            // Spread over about 10 s (the pace only shapes the test; nothing waits on it).
            let due = start.addingTimeInterval(Double(i + 1) * 0.05)
            if due > Date() { Thread.sleep(until: due) }
        }
        #expect(try tmux.currentCommand() == "twofutures", "the dashboard quit or crashed")
        let (width, height) = sizes.last!
        let expected = try shell.headless(width: width, height: height)
        let last = try shell.waitForScreen(expected)
        #expect(last == expected, "at \(width)×\(height):\n\(last)\nwanted:\n\(expected)")

        // Too small, then back: the request to enlarge, then the same frame again.
        try tmux.resize(width: 40, height: 10)
        let small = try tmux.waitFor { $0.contains("enlarge the terminal") && $0.contains("now 40×10") }
        #expect(small.contains("enlarge the terminal") && small.contains("now 40×10"), "\(small)")
        try tmux.resize(width: width, height: height)
        let again = try shell.waitForScreen(expected)
        #expect(again == expected)
        try tmux.send("q")
        let (exit, stty) = try shell.afterExit()
        #expect(exit == 0)
        try shell.expectRestored(stty)
    }
}
