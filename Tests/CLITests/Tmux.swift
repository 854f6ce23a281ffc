import Foundation

/// Drives a program in a private tmux server, for end-to-end tests of the dashboard.
/// Each session has its own server socket, so tests never touch the user's tmux.
final class Tmux {
    let socket = "twofutures-test-\(UUID().uuidString.prefix(8))"
    let session = "e2e"

    /// Starts a shell at the given size, with a clean environment and prompt.
    init(width: Int, height: Int) throws {
        try tmux(
            output: false,
            [
                "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
                "env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "TERM=xterm-256color", "LANG=C.UTF-8",
                "PS1=$ ", "bash", "--norc", "--noprofile",
            ])
    }

    deinit { _ = try? tmux(output: false, ["kill-server"]) }

    /// Types keys by tmux name ("Down", "q", "C-c") or, with `literal`, as text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try send(keys, literal: literal)
    }

    /// Types a list of keys in one tmux call.
    func send(_ keys: [String], literal: Bool = false) throws {
        try tmux(output: false, ["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    /// Sends raw bytes, exactly as given (escape sequences, mouse reports, partial ones).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(output: false, ["send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Pastes `text` as one block, the way a terminal pastes (through a tmux buffer).
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paste-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try tmux(output: false, ["load-buffer", "-b", "fuzz", file])
        try tmux(output: false, ["paste-buffer", "-d", "-b", "fuzz", "-t", session])
    }

    /// Resizes the window (and so the pane: it is the only one).
    func resize(width: Int, height: Int) throws {
        try tmux(output: false, ["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format evaluated for the pane, e.g. "#{alternate_on}".
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// Polls the screen until `condition` holds on two captures in a row, or `seconds`
    /// pass; returns the last screen. The second capture is there because ncurses writes a
    /// frame in many small writes: under load tmux can show half of one, where the
    /// condition already holds and what the test checks next is not drawn yet. The
    /// deadline only bounds the wait: the test then checks what the screen shows.
    @discardableResult
    func waitFor(seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = try capture()
        var held = false
        while Date() < deadline {
            let holds = condition(screen)
            if holds && held { break }
            held = holds
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture()
        }
        return screen
    }

    /// Runs one tmux command with posix_spawn and waitpid. (Foundation's Process never
    /// sees the exit of the tmux client that forks the server.) Commands that may start
    /// the server take no output pipe: the server would inherit it and keep it open.
    @discardableResult
    private func tmux(output: Bool = true, _ args: [String]) throws -> String {
        let argv = ["tmux", "-L", socket] + args
        var fds: [Int32] = [-1, -1]
        if output { guard pipe(&fds) == 0 else { throw TmuxError("pipe failed") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        // A clean signal state: the test runner's threads may block signals, and a child
        // inherits the mask (the dashboard under test would never see SIGTERM).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArgs, environ)
        var data = [UInt8]()
        if output {
            close(fds[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while spawned == 0 {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            close(fds[0])
        }
        guard spawned == 0 else { throw TmuxError("cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
