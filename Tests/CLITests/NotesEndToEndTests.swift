import Foundation
import Testing

/// `twofutures notes` beside a live `twofutures demo`, each in its own tmux server: the
/// notes follow the demo's steps and chapters, say when it ended and when it closed, and
/// give the terminal back on q.
@Suite("Notes end to end", .serialized)
struct NotesEndToEndTests {
    static let script = """
        size 120x36
        duration 20m
        chapter "Opening"
        caption "First caption on screen"
        note "Say the first note slowly"
        pause
        caption "Second caption here"
        note "Second note for the presenter"
        pause
        chapter "Closing"
        caption "Third caption"
        note "Third note, the last"
        pause

        """

    /// Starts `command` (the binary and its arguments) in a fresh tmux shell, with the
    /// notes sockets in `runtime`.
    static func start(_ command: String, runtime: String, width: Int, height: Int) throws -> Tmux {
        let tmux = try Tmux(width: width, height: height)
        try tmux.waitFor { $0.contains("$") }
        try tmux.send(
            "exec 2>/dev/null; XDG_RUNTIME_DIR='\(runtime)' '\(CLI.binary.path)' \(command)", literal: true)
        try tmux.send("Enter")
        return tmux
    }

    /// After the demo's process is gone (a signal): the notes say it closed and wait for the
    /// next, the demo's tmux is back at its shell, and the socket is removed.
    static func expectDemoGone(runtime: String, demo: Tmux, notes: Tmux) throws {
        let closed = try notes.waitFor { $0.contains("the demo has ended (or was closed)") }
        #expect(closed.contains("waiting for the next one"), "\(closed)")
        _ = try demo.waitFor { _ in (try? demo.currentCommand()) == "bash" }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: runtime + "/twofutures")) ?? []).isEmpty)
    }

    /// A demo of `script` and the notes following it, each in its own tmux, with a runtime
    /// folder of their own; the demo's pid from its one socket's name.
    static func demoAndNotes() throws -> (runtime: String, file: String, demo: Tmux, notes: Tmux, pid: Int32) {
        let runtime = "/tmp/tf-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: false)
        let file = runtime + "/talk.demo"
        try Self.script.write(toFile: file, atomically: true, encoding: .utf8)
        let demo = try Self.start("demo '\(file)' --members 0", runtime: runtime, width: 120, height: 36)
        let notes = try Self.start("notes", runtime: runtime, width: 80, height: 24)
        _ = try notes.waitFor { $0.contains("Say the first note slowly") }
        let sockets = try FileManager.default.contentsOfDirectory(atPath: runtime + "/twofutures")
        #expect(sockets.count == 1)
        let pid = try #require(sockets.first.flatMap { Int32($0.dropFirst("demo-".count).dropLast(".sock".count)) })
        return (runtime, file, demo, notes, pid)
    }

    @Test("notes wait for the demo, follow n and ], say the demo ended and closed, and q restores the terminal")
    func followsTheDemo() throws {
        let runtime = "/tmp/tf-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let file = runtime + "/talk.demo"
        try Self.script.write(toFile: file, atomically: true, encoding: .utf8)

        let notes = try Self.start("notes", runtime: runtime, width: 80, height: 24)
        let waiting = try notes.waitFor { $0.contains("no demo running") }
        #expect(waiting.contains("no demo running: start one with `twofutures demo tour`; waiting"), "\(waiting)")

        let demo = try Self.start("demo '\(file)' --members 0", runtime: runtime, width: 120, height: 36)
        let first = try notes.waitFor { $0.contains("Say the first note slowly") && $0.contains("step 1/3") }
        #expect(first.contains("Say the first note slowly"), "\(first)")
        #expect(first.contains("ch 1/2 · Opening") && first.contains("step 1/3"), "\(first)")
        #expect(first.contains("First caption on screen") && first.contains("next: Second caption here"), "\(first)")
        #expect(first.contains("left"), "the countdown of `duration 20m`: \(first)")
        let audience = try demo.capture()
        #expect(!audience.contains("Say the first note"), "notes never show on the audience's screen: \(audience)")

        try demo.send("n")
        let second = try notes.waitFor { $0.contains("Second note for the presenter") && $0.contains("step 2/3") }
        #expect(second.contains("Second note for the presenter") && second.contains("step 2/3"), "\(second)")
        #expect(second.contains("next chapter: Closing"), "\(second)")

        // A narrower notes terminal lays the same out again.
        try notes.resize(width: 60, height: 20)
        // (tmux cuts the old lines at 60 columns: "step 2/3", at column 68 before, shows again once redrawn)
        let narrow = try notes.waitFor { $0.contains("step 2/3") && $0.contains("Second note for the presenter") }
        #expect(narrow.contains("Second note for the presenter") && narrow.contains("step 2/3"), "\(narrow)")

        // ] jumps to the next chapter's title card, n on to its caption.
        try demo.send("]")
        let chapter = try notes.waitFor { $0.contains("ch 2/2 · Closing") && $0.contains("next: Third caption") }
        #expect(chapter.contains("ch 2/2 · Closing") && chapter.contains("next: Third caption"), "\(chapter)")
        try demo.send("n")
        let third = try notes.waitFor { $0.contains("Third note, the last") && $0.contains("step 3/3") }
        #expect(third.contains("Third note, the last") && third.contains("step 3/3"), "\(third)")

        try demo.send("n")
        try demo.send("Space")
        let ended = try notes.waitFor { $0.contains("demo ended") }
        #expect(ended.contains("demo ended"), "\(ended)")

        try demo.send("q")
        let closed = try notes.waitFor { $0.contains("the demo has ended (or was closed)") }
        // Wrapped at 60 columns.
        #expect(closed.contains("the demo has ended (or was closed); waiting for the next"), "\(closed)")
        _ = try demo.waitFor { _ in (try? demo.currentCommand()) == "bash" }
        let sockets = (try? FileManager.default.contentsOfDirectory(atPath: runtime + "/twofutures")) ?? []
        #expect(sockets.isEmpty, "the demo removed its socket: \(sockets)")

        try notes.send("q")
        let stty = try DashboardEndToEndTests.sttyAfterExit(notes)
        #expect(DashboardEndToEndTests.isOn("icanon", in: stty) && DashboardEndToEndTests.isOn("echo", in: stty))
        #expect(try notes.display("#{alternate_on}") == "0")
    }

    @Test("a demo killed by SIGTERM removes its socket; the notes say it closed and Ctrl-C quits them")
    func demoTerminated() throws {
        let (runtime, _, demo, notes, pid) = try Self.demoAndNotes()
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        kill(pid, SIGTERM)
        try Self.expectDemoGone(runtime: runtime, demo: demo, notes: notes)
        try notes.send("C-c")
        let stty = try DashboardEndToEndTests.sttyAfterExit(notes)
        #expect(DashboardEndToEndTests.isOn("icanon", in: stty))
    }

    @Test("a demo that crashes removes its socket in the signal handler; the notes say it closed and stay")
    func demoCrashes() throws {
        let (runtime, file, demo, notes, pid) = try Self.demoAndNotes()
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        kill(pid, SIGSEGV)
        try Self.expectDemoGone(runtime: runtime, demo: demo, notes: notes)
        #expect(try demo.display("#{alternate_on}") == "0", "the crashed demo's terminal is restored")
        // The notes go on: a new demo is followed.
        let again = try Self.start("demo '\(file)' --members 0", runtime: runtime, width: 120, height: 36)
        let back = try notes.waitFor { $0.contains("Say the first note slowly") }
        #expect(back.contains("step 1/3"), "\(back)")
        try again.send("q")
        try notes.send("q")
        let stty = try DashboardEndToEndTests.sttyAfterExit(notes)
        #expect(DashboardEndToEndTests.isOn("icanon", in: stty))
    }
}
