import Foundation
import Testing

/// `twofutures demo` live and `twofutures record`, driven in tmux.
@Suite("Demo and record end to end", .serialized)
struct DemoEndToEndTests {
    @Test("a live demo steps with n and b, pauses with Space, and quits at the end with --exit")
    func liveDemo() throws {
        let quick = CLI.path("Demos/quick.demo")
        let tmux = try DashboardEndToEndTests.start(
            args: "demo '\(quick)' --exit", ready: { $0.contains("Today's policy mix") && $0.contains("step 1/5") })
        try tmux.send("Space")
        _ = try tmux.waitFor { $0.contains("step 1/5 paused") }
        try tmux.send("n")
        let second = try tmux.waitFor { $0.contains("step 2/5 paused") && $0.contains("FUTURE 1") }
        #expect(second.contains("FUTURE 1") && second.contains("as set 14.9"), "\(second)")
        try tmux.send("b")
        let back = try tmux.waitFor { $0.contains("step 1/5 paused") && $0.contains("as set 3.7") }
        #expect(back.contains("as set 3.7"), "back at the status quo: \(back)")
        for _ in 0..<4 { try tmux.send("n") }
        _ = try tmux.waitFor { $0.contains("step 5/5") }
        try tmux.send("n")
        try tmux.send("Space")
        let after = try tmux.waitFor { _ in (try? tmux.currentCommand()) == "bash" }
        #expect(try tmux.currentCommand() == "bash", "the demo did not exit: \(after)")
    }

    @Test("chapters live: ] and [ jump with the script's state, 3G, a jump past the end says so, l lists them")
    func chapters() throws {
        let file = try CLI.temporaryFile(
            """
            size 120x36
            chapter "Status quo"
            caption "The status quo."
            sleep 60s
            chapter "Future 1"
            preset future1
            caption "The essay's policy."
            sleep 60s
            chapter "Future 2"
            preset future2
            caption "Loose controls."
            sleep 60s
            """)
        let tmux = try DashboardEndToEndTests.start(
            args: "demo '\(file)'", ready: { $0.contains("The status quo.") && $0.contains("ch 1/3 · step 1/3") })
        try tmux.send("]")
        let second = try tmux.waitFor { $0.contains("ch 2/3") && $0.contains("as set 14.9") }
        #expect(second.contains("The essay's policy.") || second.contains("Future 1"), "\(second)")
        try tmux.send("PageDown")
        _ = try tmux.waitFor { $0.contains("ch 3/3") && $0.contains("as set 2.1") }
        try tmux.send("[")
        _ = try tmux.waitFor { $0.contains("ch 2/3") && $0.contains("as set 14.9") }
        try tmux.send("1")
        _ = try tmux.waitFor { $0.contains("chapter 1… G jumps") }
        try tmux.send("G")
        _ = try tmux.waitFor { $0.contains("ch 1/3") && $0.contains("as set 3.7") }
        try tmux.send("9")
        try tmux.send("G")
        _ = try tmux.waitFor { $0.contains("No chapter 9: this demo has 3 (l lists them).") }
        try tmux.send("l")
        _ = try tmux.waitFor { $0.contains("Future 2") && $0.contains("Status quo") }
        try tmux.send("Down")
        try tmux.send("Enter")
        _ = try tmux.waitFor { $0.contains("ch 2/3") && $0.contains("as set 14.9") }
        try tmux.send("q")
        _ = try tmux.waitFor { _ in (try? tmux.currentCommand()) == "bash" }
    }

    @Test("record writes the keys as a .demo on Ctrl-C, refuses to overwrite without --force")
    func record() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).demo").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let tmux = try DashboardEndToEndTests.start(args: "record '\(file)'")
        try tmux.send("Down")
        try tmux.send("Right")
        _ = try tmux.waitFor { $0.contains("Anti-smuggling 30→35 %") }
        try tmux.send("C-c")
        _ = try tmux.waitFor { _ in (try? tmux.currentCommand()) == "bash" }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("key Down @") && text.contains("key Right @"), "\(text)")
        let refused = try CLI.run(["record", file])
        #expect(refused.status == 64)
        #expect(refused.stderr == "twofutures: \(file) exists; use --force to replace it\n")
        let played = try CLI.run(["demo", file, "--headless", "--members", "0"])
        #expect(played.status == 0)
        #expect(played.stdout.contains("Anti-smuggling 30→35 %"))
    }
}
