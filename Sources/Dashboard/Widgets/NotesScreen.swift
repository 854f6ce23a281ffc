import TOML

/// A running demo that `twofutures notes` may follow: its process and file name.
public struct NotesChoice: Sendable, Equatable {
    public var pid: Int32
    public var demo: String

    public init(pid: Int32, demo: String) {
        self.pid = pid
        self.demo = demo
    }
}

extension PresenterSnapshot {
    /// The demo has played to its end and no longer waits at its last pause: the talk's
    /// clock stops here.
    public var hasEnded: Bool { finished && !paused }
}

/// Where the notes terminal stands with the dashboard.
public enum NotesStatus: Sendable, Equatable {
    /// No demo is running (none with `pid`, when given): waiting for one.
    case waiting(pid: Int32?)
    /// The demo followed went away (it quit or crashed): waiting for the next.
    case closed
    /// Several demos run: the presenter picks one by number.
    case choosing([NotesChoice])
    /// Following a demo: the snapshot shows.
    case following
}

/// The presenter's second terminal (`twofutures notes`): where the demo stands (chapter and
/// step), the caption the audience reads, the speaker notes (large: what this screen is
/// for), what comes next, and the clock with the time left. A pure function of what the
/// dashboard last sent and the time, drawn in the theme's roles like the dashboard.
public enum NotesScreen {
    /// The screen for `snapshot` (nil: no demo followed) in `status`, `elapsedMilliseconds`
    /// into the talk; `duration` (seconds, `--duration` on `notes`) wins over the demo's.
    public static func render(
        _ snapshot: PresenterSnapshot?, status: NotesStatus, elapsedMilliseconds: Int, duration: Int? = nil,
        width: Int, height: Int, theme: Theme = .dark, mono: Bool = false
    ) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.glyphs = theme.glyphs
        screen.boldTitles = theme.boldTitles
        screen.mono = mono
        guard width >= 20, height >= 6 else {
            screen.write("enlarge the terminal", x: 0, y: 0, role: .warning)
            return screen
        }
        let title = " twofutures notes" + (snapshot.map { " · " + sanitized(untrusted: $0.demo) } ?? "")
        screen.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(.foreground, background: .selection))
        screen.write(title, x: 0, y: 0, style: Style(.foreground, .bold, background: .selection))
        let hint = "q quit "
        screen.write(hint, x: width - hint.count, y: height - 1, role: .muted)
        let body = Rect(x: 2, y: 2, width: width - 4, height: height - 3)
        switch status {
        case .following:
            if let snapshot {
                following(
                    snapshot, elapsed: elapsedMilliseconds, duration: duration ?? snapshot.durationSeconds,
                    in: body, width: width, into: &screen)
            }
        case .waiting(let pid):
            let what = pid.map { "no demo with pid \($0) running" } ?? "no demo running"
            message(
                "\(what): start one with `twofutures demo tour`; waiting…", in: body, into: &screen)
        case .closed:
            message("the demo has ended (or was closed); waiting for the next one", in: body, into: &screen)
        case .choosing(let choices):
            choose(choices, in: body, into: &screen)
        }
        return screen.glyphs == .ascii ? screen.asciified() : screen
    }

    /// The clock: "elapsed 03:12 · 16:48 left", "elapsed 20:35 · over by 00:35", or
    /// "elapsed 03:12" without a planned length; and whether it warns (under 2 minutes left,
    /// or over).
    public static func clock(elapsedMilliseconds: Int, duration: Int?) -> (text: String, warning: Bool) {
        let elapsed = max(0, elapsedMilliseconds) / 1000
        let text = "elapsed \(time(elapsed))"
        guard let duration else { return (text, false) }
        let left = duration - elapsed
        if left < 0 { return (text + " · over by \(time(-left))", true) }
        return (text + " · \(time(left)) left", left < 120)
    }

    /// Seconds as "mm:ss", or "h:mm:ss" from an hour.
    static func time(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }

    /// A demo followed: the position and clock, the caption, the notes, what comes next,
    /// and the state (paused, waiting for a prediction, ended) on the last row.
    private static func following(
        _ snapshot: PresenterSnapshot, elapsed: Int, duration: Int?, in body: Rect, width: Int,
        into screen: inout Screen
    ) {
        let timer = clock(elapsedMilliseconds: elapsed, duration: duration)
        let timerStyle =
            timer.warning ? Style(.warning, .bold, background: .selection) : Style(.foreground, background: .selection)
        screen.write(timer.text + " ", x: width - timer.text.count - 1, y: 0, style: timerStyle)
        var y = body.y
        // Where the talk stands.
        let chapter =
            snapshot.chapterNumber > 0
            ? "ch \(snapshot.chapterNumber)/\(snapshot.chapterCount) · " + sanitized(untrusted: snapshot.chapter ?? "")
            : (snapshot.chapterCount > 0 ? "before chapter 1 of \(snapshot.chapterCount)" : "")
        let step = "step \(snapshot.step)/\(snapshot.steps)"
        let stepX = body.maxX - step.count
        screen.write(
            chapter, x: body.x, y: y, style: Style(.accent, .bold),
            clip: Rect(x: body.x, y: y, width: max(0, stepX - body.x - 1), height: 1))
        screen.write(step, x: stepX, y: y, role: .foreground, flags: .bold)
        y += 2
        // The state on the last row; a blank row above it.
        let bottom = body.maxY
        let contentEnd = body.maxY - 1
        // What comes next: at the bottom, so that the notes take the rest.
        var nextLines: [(String, Style)] = []
        if let chapter = snapshot.nextChapter {
            nextLines.append(("next chapter: " + sanitized(untrusted: chapter), Style(.accent, .bold)))
        }
        if let next = snapshot.next {
            for line in CaptionBox.wrap("next: " + sanitized(untrusted: next), width: body.width).prefix(2) {
                nextLines.append((line, Style(.muted)))
            }
        } else if !snapshot.hasEnded {
            nextLines.append(("next: the end", Style(.muted)))
        }
        // On the audience's screen.
        if let caption = snapshot.caption, !caption.isEmpty {
            section("ON SCREEN", y: y, in: body, into: &screen)
            y += 1
            let lines = CaptionBox.wrap(sanitized(untrusted: caption), width: body.width - 2)
            for line in lines.prefix(max(1, min(3, (contentEnd - y - nextLines.count - 3) / 2))) where y < contentEnd {
                screen.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: Style(background: .selection))
                screen.write(" " + line, x: body.x, y: y, style: Style(.foreground, background: .selection))
                y += 1
            }
            y += 1
        }
        // The notes: bold, word-wrapped, with a bar in the accent colour.
        var notes = snapshot.notes.map { sanitized(untrusted: $0) }
        if let question = snapshot.prediction { notes.insert("Ask the room: " + sanitized(untrusted: question), at: 0) }
        let nextTop = contentEnd - nextLines.count - 1
        let notesEnd = nextLines.isEmpty ? contentEnd : nextTop - 1
        if !notes.isEmpty && y < notesEnd - 1 {
            section("NOTES", y: y, in: body, into: &screen)
            y += 1
            var lines: [String] = []
            for (i, note) in notes.enumerated() {
                if i > 0 { lines.append("") }
                lines += CaptionBox.wrap(note, width: body.width - 2)
            }
            let room = notesEnd - y
            if lines.count > room, room > 0 {
                lines = Array(lines.prefix(room))
                lines[room - 1] = String(lines[room - 1].prefix(body.width - 3)) + "…"
            }
            for line in lines where y < notesEnd {
                if !line.isEmpty { screen.write("┃", x: body.x, y: y, role: .accent) }
                screen.write(line, x: body.x + 2, y: y, style: Style(.foreground, .bold), clip: body)
                y += 1
            }
        }
        if !nextLines.isEmpty && nextTop > body.y + 2 {
            section("NEXT", y: nextTop, in: body, into: &screen)
            y = nextTop + 1
            for (line, style) in nextLines where y < contentEnd {
                screen.write(line, x: body.x, y: y, style: style, clip: body)
                y += 1
            }
        }
        // The state.
        let state: (String, Style)
        if snapshot.hasEnded {
            state = ("demo ended", Style(.accent, .bold))
        } else if snapshot.finished && snapshot.prediction == nil {
            state = ("the last step: Space in the demo ends it", Style(.warning, .bold))
        } else if snapshot.prediction != nil && snapshot.paused {
            state = ("waiting for a prediction: Space in the demo reveals it", Style(.warning, .bold))
        } else if snapshot.paused {
            state = ("paused: Space in the demo goes on", Style(.warning, .bold))
        } else {
            state = ("▸ playing", Style(.muted))
        }
        screen.write(
            state.0, x: body.x, y: bottom, style: state.1,
            clip: Rect(x: body.x, y: bottom, width: body.width - 8, height: 1))
    }

    /// A section's title over a rule: "NOTES ─────".
    private static func section(_ title: String, y: Int, in body: Rect, into screen: inout Screen) {
        let end = screen.write(title, x: body.x, y: y, style: Style(.muted, screen.boldTitles ? .bold : []))
        screen.write(String(repeating: "─", count: max(0, body.maxX - end - 1)), x: end + 1, y: y, role: .grid)
    }

    /// One message, word-wrapped and centred in `body`.
    private static func message(_ text: String, in body: Rect, into screen: inout Screen) {
        let lines = CaptionBox.wrap(text, width: body.width)
        let top = body.y + max(0, (body.height - lines.count) / 2 - 1)
        for (i, line) in lines.enumerated() {
            screen.writeCentered(line, in: body, row: top - body.y + i, style: Style(.foreground, .bold))
        }
    }

    /// The list of running demos, to choose one by number.
    private static func choose(_ choices: [NotesChoice], in body: Rect, into screen: inout Screen) {
        var y = body.y
        for line in CaptionBox.wrap(
            "\(choices.count) demos are running: press a number to follow one", width: body.width)
        {
            screen.write(line, x: body.x, y: y, role: .foreground, flags: .bold)
            y += 1
        }
        y += 1
        for (i, choice) in choices.prefix(9).enumerated() where y < body.maxY - 1 {
            let x = screen.write("\(i + 1)", x: body.x + 2, y: y, role: .accent, flags: .bold)
            screen.write(
                "  " + sanitized(untrusted: choice.demo) + "  (pid \(choice.pid))", x: x, y: y, role: .foreground,
                clip: body)
            y += 1
        }
        if y < body.maxY - 1 {
            screen.write("or start notes with --pid N", x: body.x, y: y + 1, role: .muted, clip: body)
        }
    }
}
