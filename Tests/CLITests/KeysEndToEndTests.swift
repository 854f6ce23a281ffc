import Foundation
import Testing

/// Home, End and unknown escape sequences through tmux with TERM=xterm-256color, where
/// tmux's Home (`ESC [ 1 ~`) is not terminfo's (`ESC O H`): every form moves the slider,
/// and no sequence leaks its characters as keys (the `1` of `ESC [ 1 ~` is preset 1).
@Suite("Keys end to end", .serialized)
struct KeysEndToEndTests {
    /// A way to press a key: by tmux's name for it, or as raw bytes.
    enum Press: CustomStringConvertible {
        case named(String)
        case bytes(String)

        /// Sends it to the pane.
        func send(to tmux: Tmux) throws {
            switch self {
            case .named(let name): try tmux.send(name)
            case .bytes(let text): try tmux.sendBytes(Array(text.utf8))
            }
        }

        var description: String {
            switch self {
            case .named(let name): "tmux's \(name)"
            case .bytes(let text): text.replacingOccurrences(of: "\u{1B}", with: "ESC ")
            }
        }
    }

    static let ends: [Press] = [
        .named("End"), .bytes("\u{1B}[4~"), .bytes("\u{1B}[8~"), .bytes("\u{1B}OF"), .bytes("\u{1B}[F"),
    ]
    static let homes: [Press] = [
        .named("Home"), .bytes("\u{1B}[1~"), .bytes("\u{1B}[7~"), .bytes("\u{1B}OH"), .bytes("\u{1B}[H"),
    ]

    /// Presses `press` and waits until the status bar reports `change` of Export controls;
    /// returns whether it did (and nothing else happened).
    static func expect(_ press: Press, changes change: String, in tmux: Tmux) throws -> Bool {
        try press.send(to: tmux)
        let line = "Last change: Export controls \(change) %"
        let screen = try tmux.waitFor { $0.contains(line) }
        let checks = [
            (screen.contains(line), "\(press) should give \"\(line)\""),
            (!screen.contains("Preset Future"), "\(press) loaded a preset"),
            (!screen.contains("┌ Keys "), "\(press) opened the help"),
        ]
        for (passed, message) in checks where !passed { Issue.record("\(message):\n\(screen)") }
        return checks.allSatisfy(\.0)
    }

    @Test("Home and End in every common form go to the slider's minimum and maximum, never to a preset")
    func homeAndEnd() throws {
        let tmux = try DashboardEndToEndTests.start()
        defer { try? tmux.send("q") }
        #expect(try tmux.capture().contains("▸Export controls"))
        // End gives "x→100", Left "100→95", Home "95→0", Right "0→5": each press changes the
        // status bar, so that each wait sees its own press done.
        var from = "50"
        for (end, home) in zip(Self.ends, Self.homes) {
            // The first failure ends the test: the states after it are not the ones expected.
            guard try Self.expect(end, changes: "\(from)→100", in: tmux),
                try Self.expect(.named("Left"), changes: "100→95", in: tmux),
                try Self.expect(home, changes: "95→0", in: tmux),
                try Self.expect(.named("Right"), changes: "0→5", in: tmux)
            else { return }
            from = "5"
        }
    }

    static let unknown = [
        "\u{1B}[200~", "\u{1B}[12345~", "\u{1B}[99x", "\u{1B}[99;5u", "\u{1B}[?1049h", "\u{1B}[2;3~", "\u{1B}[1;5H",
        "\u{1B}]11;rgb:0000/0000/0000\u{7}", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}1",
    ]

    @Test("unknown sequences, strings and Alt+digit change nothing on the screen")
    func unknownSequences() throws {
        let tmux = try DashboardEndToEndTests.start()
        defer { try? tmux.send("q") }
        // The results across worlds (500 worlds, then 2,000) may still be arriving after the
        // ensemble: take the screen once it holds still.
        var before = try tmux.capture()
        for _ in 0..<40 {
            Thread.sleep(forTimeInterval: 0.25)
            let again = try tmux.capture()
            if again == before && !again.contains("computing across worlds") { break }
            before = again
        }
        for sequence in Self.unknown {
            let press = Press.bytes(sequence)
            try press.send(to: tmux)
            // Keys are read in order: once Down has changed the screen, the sequence has been
            // read; Up puts the selection back, and the screen must be as it was.
            try tmux.send("Down")
            let moved = try tmux.waitFor { $0 != before }
            #expect(moved != before, "Down after \(press) changed nothing")
            try tmux.send("Up")
            let after = try tmux.waitFor { $0 == before }
            #expect(after == before, "\(press) changed the screen:\n\(after)\n\nbefore:\n\(before)")
            if after != before { return }
        }
    }
}
