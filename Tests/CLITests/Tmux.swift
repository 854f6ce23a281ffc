import Foundation

/// Drives a program in a private tmux server, for end-to-end tests of the dashboard.
/// Each session has its own server socket, so tests never touch the user's tmux.
final class Tmux {
    let socket = "twofutures-test-\(UUID().uuidString.prefix(8))"
    let session = "e2e"

    /// Starts a shell at the given size, with a clean environment and prompt.
    init(width: Int, height: Int) throws {
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
            "env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "TERM=xterm-256color", "LANG=C.UTF-8",
            "PS1=$ ", "bash", "--norc", "--noprofile",
        ])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types keys by tmux name ("Down", "q", "C-c") or, with `literal`, as text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    /// The command running in the pane ("bash" once the program has exited).
    func currentCommand() throws -> String {
        try tmux(["display-message", "-p", "-t", session, "#{pane_current_command}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the pane's shell.
    func shellPID() throws -> Int32 {
        Int32(
            try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Polls the screen until `condition` holds or `seconds` pass; returns the last screen.
    /// The deadline only bounds the wait: the test then checks what the screen shows.
    @discardableResult
    func waitFor(seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = try capture()
        while !condition(screen) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture()
        }
        return screen
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
