import CNcurses
import CTerminalSupport
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the terminal cannot be used.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// The only code that calls ncurses: it sets the terminal up and restores it, paints frame
/// updates (the changed cells, diffed above it), and turns input into events.
/// One per process; use it from the main thread.
public final class Terminal {
    private var active = false
    private var colorPairs = false
    /// How many roles the palette has, and whether cells may have role backgrounds (the
    /// terminal has a colour pair for each foreground and background role).
    private var roleCount = 0
    private var backgrounds = false
    private var stderrLog: Int32 = -1
    private var savedStderr: Int32 = -1
    /// Whether the primary button is down: motion counts as a drag only then (the
    /// terminal reports all motion, hovering included).
    private var buttonDown = false
    /// Puts escape sequences together from curses' input (see `readPending`).
    private var reader = KeyReader()
    /// How long curses waits after an ESC for the rest of a sequence, in milliseconds; the
    /// reader waits as long for each further character of a sequence.
    private static let escapeDelay: Int32 = 25

    /// Refuses when stdout or stdin is not a terminal, or TERM is missing or dumb
    /// (curses starts there, but draws garbage).
    public static func checkUsable(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw TerminalUnavailable(description: "not a terminal")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalUnavailable(description: term.isEmpty ? "TERM is not set" : "TERM is dumb")
        }
    }

    /// Starts curses: the locale, cbreak, no echo, keypad, a short ESC delay, a hidden
    /// cursor, mouse reporting and colour pairs from `palette`. While curses runs, stderr
    /// goes to `stderrPath` (text there would vanish into the alternate screen).
    public init(palette: TerminalPalette, stderrPath: String? = nil) throws {
        try Self.checkUsable()
        tf_save_terminal(STDIN_FILENO)
        guard tf_install_signal_handlers() >= 0 else {
            throw TerminalUnavailable(description: "cannot create the wake-up pipe")
        }
        if let stderrPath {
            let fd = open(stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            if fd >= 0 {
                savedStderr = dup(STDERR_FILENO)
                dup2(fd, STDERR_FILENO)
                close(fd)
                stderrLog = fd
                tf_set_crash_note(savedStderr, "twofutures: crashed; its error output is in \(stderrPath)\n")
            }
        }
        setlocale(LC_CTYPE, "")
        guard initscr() != nil else {
            restoreStderr()
            tf_remove_signal_handlers()
            throw TerminalUnavailable(description: "curses could not start")
        }
        active = true
        cbreak()
        noecho()
        nonl()
        // Ctrl-S must reach the dashboard as a key, not stop the output; curses keeps
        // these settings as its program mode (restored after Ctrl-Z and fg).
        tf_disable_flow_control(STDIN_FILENO)
        def_prog_mode()
        // Keys in terminfo's form arrive as key codes; every other form (the cursor keys of
        // terminals that ignore keypad-transmit mode, tmux's ESC [ 1 ~ for Home, …) arrives
        // as ESC and its characters, which `readPending` decodes whole (EscapeDecoder).
        keypad(tf_stdscr(), true)
        set_escdelay(Self.escapeDelay)
        curs_set(0)
        nodelay(tf_stdscr(), true)
        mouseinterval(0)
        mousemask(tf_all_mouse_events() | tf_report_mouse_position(), nil)
        setPalette(palette)
    }

    deinit { stop() }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) { (Int(tf_cols()), Int(tf_lines())) }

    /// Whether the terminal has colours (and NO_COLOR is not set by the caller's palette).
    public var hasColors: Bool { has_colors() }

    /// How many colours the terminal offers (8, 16, 256, …).
    public var colorCount: Int { has_colors() ? Int(tf_colors()) : 0 }

    /// Allocates a colour pair for each role on the palette's background (pair i+1 for
    /// role i) and, where the terminal has enough pairs, for each role on each role's
    /// colour as background; colours are mapped to the nearest the terminal has. Whoever
    /// diffs repaints every cell next (`FramePainter`).
    public func setPalette(_ palette: TerminalPalette) {
        colorPairs = false
        backgrounds = false
        guard has_colors(), palette.roles.contains(where: { $0 != nil }) else { return }
        start_color()
        use_default_colors()
        let available = Int(tf_colors()) >= 256 ? 256 : (Int(tf_colors()) >= 16 ? 16 : 8)
        let background = palette.background.map { Int16(ColorMapping.nearest($0, among: available)) } ?? -1
        let colors = palette.roles.map { $0.map { Int16(ColorMapping.nearest($0, among: available)) } ?? -1 }
        roleCount = colors.count
        let pairs = Int(tf_color_pairs())
        for (i, foreground) in colors.enumerated() where i + 1 < pairs {
            init_pair(Int16(i + 1), foreground, background)
        }
        if Self.pair(role: roleCount - 1, background: roleCount - 1, roles: roleCount) < pairs {
            for (b, cellBackground) in colors.enumerated() {
                for (i, foreground) in colors.enumerated() {
                    let pair = Self.pair(role: i, background: b, roles: roleCount)
                    init_pair(Int16(pair), foreground, cellBackground == -1 ? background : cellBackground)
                }
            }
            backgrounds = true
        }
        bkgdset(chtype(tf_color_pair(palette.roles.count > 0 ? 1 : 0)))
        colorPairs = true
    }

    /// The colour pair of `role` on `background` (−1: the palette's background).
    static func pair(role: Int, background: Int, roles: Int) -> Int { 1 + role + roles * (background + 1) }

    /// Paints `update`'s cells and shows them. A full update clears the screen first, and
    /// curses then repaints the whole terminal, whatever it believes is on it (as `clear`
    /// does: the first frame, a new size or palette, Ctrl-L).
    public func paint(_ update: FrameUpdate) {
        guard active else { return }
        if update.full {
            erase()
            clearok(tf_stdscr(), true)
        }
        var cc = cchar_t()
        var text: [wchar_t] = [0, 0]
        for change in update.changes {
            let cell = change.cell
            text[0] = wchar_t(cell.character.unicodeScalars.first?.value ?? 32)
            var attributes = tf_a_normal()
            if cell.bold { attributes |= tf_a_bold() }
            if cell.dim { attributes |= tf_a_dim() }
            if cell.reverse { attributes |= tf_a_reverse() }
            if cell.underline { attributes |= tf_a_underline() }
            let pair =
                colorPairs
                ? Int16(Self.pair(role: cell.role, background: backgrounds ? cell.background : -1, roles: roleCount))
                : 0
            setcchar(&cc, &text, attributes, pair, nil)
            mvadd_wch(Int32(change.y), Int32(change.x), &cc)
        }
        wnoutrefresh(tf_stdscr())
        doupdate()
    }

    /// Asks the terminal to put `text` on the clipboard (OSC 52). Terminals without
    /// support ignore the sequence.
    public func copyToClipboard(_ text: String) {
        guard active else { return }
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        // ncurses has flushed its frame (doupdate); write the bytes straight to the tty.
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
    }

    /// Waits for the next event: input, a resize, a wake-up or a quit signal. With no
    /// timeout it sleeps until something happens (no polling: idle CPU stays at zero).
    /// Returns nil when the timeout passed.
    public func nextEvent(timeoutMilliseconds: Int32 = -1) -> TerminalEvent? {
        while true {
            let signal = tf_pending_quit_signal()
            if signal != 0 { return .quit(signal: signal) }
            if tf_take_resumed() != 0 { return resume() }
            if let event = readPending() { return event }
            switch tf_wait(STDIN_FILENO, timeoutMilliseconds) {
            case 0: return nil
            case 2:
                tf_drain_wake()
                if tf_pending_quit_signal() == 0 { return .wake }
            default: continue  // input ready, or a signal (SIGWINCH) interrupted the wait
            }
        }
    }

    /// After Ctrl-Z and fg (or SIGSTOP and SIGCONT): the signal handler gave the terminal
    /// back to the shell behind curses' back (and re-entered the alternate screen, so that
    /// endwin leaving it puts the cursor back where the shell left it: otherwise the next
    /// Ctrl-Z would put the prompt over old lines), so leave curses properly and let the next
    /// refresh set it up again (alternate screen, keypad, mouse, hidden cursor) and repaint
    /// every cell of the terminal from curses' screen, which still holds the last frame
    /// (curses also picks up a size changed while we were stopped, when the SIGWINCH went to
    /// the shell). Reported as a resize so that the caller lays out and redraws.
    private func resume() -> TerminalEvent {
        endwin()
        clearok(tf_stdscr(), true)
        return .resize(width: size.width, height: size.height)
    }

    /// Wakes `nextEvent` from any thread.
    public static func wake() { tf_wake() }

    /// Restores the terminal: safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        mousemask(0, nil)
        endwin()
        tf_remove_signal_handlers()
        restoreStderr()
    }

    private func restoreStderr() {
        if savedStderr >= 0 {
            tf_set_crash_note(-1, "")
            dup2(savedStderr, STDERR_FILENO)
            close(savedStderr)
            savedStderr = -1
        }
    }

    /// Reads one pending input event; nil once no input is pending (curses' queue and the
    /// reader's are both empty). Escape sequences are put together and decoded whole by
    /// `KeyReader`; input that means nothing is skipped. Waits only inside an escape sequence
    /// whose rest has not arrived yet, at most the escape delay for each character.
    private func readPending() -> TerminalEvent? {
        while let step = reader.next(read: readInput) {
            switch step {
            case .character(let value):
                if let event = KeyDecoding.character(value) { return event }
            case .code(let code):
                if let event = KeyDecoding.functionKey(code, mouse: readMouse, size: { self.size }) { return event }
            case .key(let key):
                return .key(key)
            case .ignored:
                continue
            }
        }
        return nil
    }

    /// One unit of curses input, or nil when there is none: at once, or with `wait` within
    /// the escape delay.
    private func readInput(wait: Bool) -> CursesInput? {
        if wait { wtimeout(tf_stdscr(), Self.escapeDelay) }
        defer { if wait { nodelay(tf_stdscr(), true) } }
        var value: wint_t = 0
        let status = wget_wch(tf_stdscr(), &value)
        if status == ERR { return nil }
        return status == KEY_CODE_YES ? .code(Int32(value)) : .character(UInt32(value))
    }

    private func readMouse() -> TerminalMouse? {
        var event = MEVENT()
        guard getmouse(&event) == OK,
            let mouse = KeyDecoding.mouse(state: event.bstate, x: Int(event.x), y: Int(event.y))
        else { return nil }
        switch mouse.kind {
        case .press: buttonDown = true
        case .release: buttonDown = false
        case .drag: if !buttonDown { return nil }
        case .wheelUp, .wheelDown: break
        }
        return mouse
    }
}
