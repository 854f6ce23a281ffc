import CTerminalSupport
import Dashboard
import FoundationEssentials
import FuturesModel
import Share
import Shell
import Storage
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dashboard's shell: it sets the terminal up, then runs the main loop (`Session`) on
/// it. Everything that changes the state goes through `reduce`; this file only reads
/// events, carries out effects and draws.
struct App {
    let scenario: Scenario
    let settings: EnsembleSettings
    /// Worker threads for the ensemble.
    let threads: Int
    let themes: [Theme]
    let themeIndex: Int
    /// The lenses `v` cycles through and saved scenarios may name.
    var lenses: [Lens] = Lens.builtIn
    /// Shown in the status bar at start (theme files that were skipped, a version-1 input).
    let warning: String
    /// A script to play (`twofutures demo FILE`), and whether to quit when it ends.
    var demo: DemoScript? = nil
    var exitAfterDemo = false
    /// Called with every key the dashboard applies, except the one that quits (`record`).
    var onKey: ((Key) -> Void)? = nil
    /// Quit as soon as the first frame is on the terminal (`bench` times the startup).
    var exitAfterFirstFrame = false
    /// The test hook `--crash-for-testing`: crash once the first frame is drawn.
    var crashForTesting: Crash? = nil
    /// `record --cast`: every frame also goes into an asciicast with its real time, in
    /// these colours; `recorded` gets it when the session ends (however it ends).
    var castColors: ANSIWriter.Colors = .truecolor
    var castTitle: String? = nil
    var recorded: ((Asciicast) -> Void)? = nil

    /// How `--crash-for-testing` crashes.
    enum Crash: String {
        /// A Swift runtime trap (SIGILL on x86-64, SIGTRAP on arm64).
        case trap
        /// A write to an unmapped address (SIGSEGV).
        case segv
    }

    /// Crashes the process as asked; never returns.
    static func crash(_ kind: Crash) -> Never {
        switch kind {
        case .trap:
            fatalError("--crash-for-testing trap")
        case .segv:
            // Address 8 is never mapped; the opaque call keeps the optimiser from
            // reasoning about the store.
            let address = Int(bitPattern: UInt(truncatingIfNeeded: getpid())) & 0 | 8
            UnsafeMutablePointer<Int>(bitPattern: address)!.pointee = 1
            fatalError("--crash-for-testing segv did not crash")
        }
    }

    /// Runs on the real terminal until the user quits; returns the exit status (0, or 128 +
    /// a quit signal). While curses runs, stderr goes to a log file.
    func run() throws -> Int32 {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("twofutures-\(getpid()).log").path
        Self.removeStaleLogs(in: FileManager.default.temporaryDirectory.path)
        let palette = Session.palette(themes[themeIndex], noColor: noColor)
        let terminal = try Terminal(palette: palette, stderrPath: log)
        defer {
            terminal.stop()
            if let attributes = try? FileManager.default.attributesOfItem(atPath: log),
                (attributes[.size] as? Int ?? 0) == 0
            {
                try? FileManager.default.removeItem(atPath: log)
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        func microseconds() -> Int {
            let elapsed = clock.now - start
            return Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
        }
        // A demo serves its presenter snapshots to `twofutures notes`; without the socket
        // (a folder that is not ours, a path too long) the demo plays all the same.
        var notes: NotesServer?
        if demo != nil {
            do {
                notes = try NotesServer(directory: NotesSocket.directory()) { Terminal.wake() }
                notes.map { tf_set_cleanup_path($0.path) }
            } catch {
                var errors = StandardError()
                print("twofutures: no notes socket: \(error)", to: &errors)
            }
        }
        defer {
            tf_set_cleanup_path(nil)
            notes?.stop()
        }
        let crash = crashForTesting, exitAfterFirstFrame = exitAfterFirstFrame
        let options = SessionOptions(
            scenario: scenario, settings: settings, threads: threads, themes: themes, themeIndex: themeIndex,
            warning: warning, noColor: noColor, demo: demo, exitAfterDemo: exitAfterDemo, onKey: onKey,
            afterFirstFrame: {
                if let crash { Self.crash(crash) }
                return exitAfterFirstFrame
            }, lenses: lenses, notes: notes)
        let casting = recorded.map { _ in
            CastingBackend(
                terminal, palette: palette, colors: castColors,
                term: ProcessInfo.processInfo.environment["TERM"] ?? "xterm-256color", title: castTitle,
                timestamp: Int(Date().timeIntervalSince1970)
            ) { microseconds() }
        }
        var session = Session(
            options: options, backend: casting ?? terminal, effects: EffectRunner()
        ) { microseconds() / 1000 }
        let status = session.run()
        if let casting { recorded?(casting.cast) }
        return status
    }

    /// Removes the empty `twofutures-PID.log` files of processes that are gone (killed
    /// before they could remove their own); a log with text in it stays for the user.
    static func removeStaleLogs(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix("twofutures-") && name.hasSuffix(".log") {
            guard let pid = Int32(name.dropFirst("twofutures-".count).dropLast(".log".count)),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = Files.path(name, in: folder)
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
