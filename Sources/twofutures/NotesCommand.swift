import ArgumentParser
import Dashboard
import Formats
import FoundationEssentials
import FuturesModel
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

/// `twofutures notes`: the presenter's second terminal. It follows the demo that
/// `twofutures demo` plays (over a Unix socket, `NotesSocket`) and shows the chapter and
/// step, the caption, the speaker notes, what comes next and the clock.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Speaker notes in a second terminal: follow a running demo, with what comes next and the clock.",
        discussion: """
            Run it in another terminal on the same machine while `twofutures demo` plays: it \
            shows the chapter and step, the caption the audience reads, that caption's `note` \
            lines (never shown on the audience's screen), the next step, and the time elapsed \
            with a countdown (from `duration 20m` in the script, or --duration on demo or here). \
            It waits for a demo when none is running, and for the next one when the demo ends \
            or is closed. With several demos running it asks which (or give --pid). q or \
            Ctrl-C quits.
            The two talk over a socket in $XDG_RUNTIME_DIR/twofutures (or /tmp/twofutures-UID), \
            private to the user.
            Examples (two panes side by side in tmux):
              tmux new-session 'twofutures demo tour' \\; split-window -h 'twofutures notes'
              twofutures notes --duration 25m
              twofutures notes --pid 4242
            """
    )

    @Option(
        help: ArgumentHelp(
            "The talk's planned length for the countdown (20m, 1h30m): wins over the demo's.", valueName: "length"))
    var duration: String?

    @Option(help: ArgumentHelp("Follow the demo of this process (when several are running).", valueName: "pid"))
    var pid: Int32?

    @Option(help: "Colour theme (see `twofutures themes`).")
    var theme: String?

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    func run() throws {
        let seconds = try duration.map { try DemoParser.talkLength($0) }
        if let pid, pid <= 0 { throw InputError("--pid must be a process id, got \(pid)") }
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        var index = catalog.themes.firstIndex { $0.name == "dark" } ?? 0
        if let theme {
            guard let found = catalog.themes.firstIndex(where: { $0.name == theme }) else {
                throw InputError(
                    "unknown theme '\(input: theme)'; available: \(catalog.themes.map(\.name).joined(separator: ", "))")
            }
            index = found
        }
        do {
            try Terminal.checkUsable()
        } catch let error as TerminalUnavailable {
            throw InputError("notes need an interactive terminal (\(error.description))")
        }
        let status = try Self.follow(
            theme: catalog.themes[index], duration: seconds, pid: pid, directory: NotesSocket.directory())
        if status != 0 { throw ExitCode(status) }
    }

    /// Draws the notes on the terminal until q, Ctrl-C or a quit signal; returns the exit
    /// status (0, or 128 + the signal). The terminal is restored however it ends.
    static func follow(theme: Theme, duration: Int?, pid: Int32?, directory: String) throws -> Int32 {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let palette = Session.palette(theme, noColor: noColor)
        let terminal = try Terminal(palette: palette)
        defer { terminal.stop() }
        let client = NotesClient(directory: directory, pid: pid) { Terminal.wake() }
        client.start()
        defer { client.stop() }
        var painter = FramePainter(palette: palette)
        while true {
            let view = client.view
            let now = ContinuousClock.now
            let elapsed = view.elapsedMilliseconds(at: now)
            let size = terminal.size
            painter.paint(
                NotesScreen.render(
                    view.snapshot, status: view.status, elapsedMilliseconds: elapsed, duration: duration,
                    width: size.width, height: size.height, theme: theme, mono: noColor),
                on: terminal)
            // Redraw when the clock's second changes, or when something happens.
            let ticking = view.status == .following && view.snapshot.map { !$0.hasEnded } ?? false
            let wait: Int32 = ticking ? Int32(1000 - elapsed % 1000) : -1
            switch terminal.nextEvent(timeoutMilliseconds: wait) {
            case .quit(let signal): return 128 + signal
            case .key(.character("q")), .key(.character("Q")), .key(.ctrl("c")): return 0
            case .key(.ctrl("l")): painter.invalidate()
            case .key(.character(let c)) where c.isASCII && c.isNumber:
                if let number = c.wholeNumberValue { client.choose(number) }
            default: break
            }
        }
    }
}
