import Dashboard
import Shell
import Terminal

/// A demo as an asciicast: `DemoTimeline`'s screens diffed and converted as the dashboard
/// paints them (`FramePainter`), in the theme's palette, written by the `ANSIWriter`. Pure
/// and deterministic: the same frames give the same bytes. Each chapter of the demo is a
/// marker (`"m"`), which asciinema's player lists and jumps to.
public enum DemoCast {
    /// The terminal a cast's bytes are meant for.
    public static let term = "xterm-256color"

    /// The cast of `frames` on a `width`×`height` terminal.
    public static func make(
        _ frames: [DemoFrame], width: Int, height: Int, title: String, colors: ANSIWriter.Colors = .truecolor
    ) -> Asciicast {
        let header = Asciicast.Header(width: width, height: height, title: title, term: term)
        var recorder = CastRecorder(
            header: header, palette: frames.first.map { Self.palette($0.theme) } ?? .monochrome(roles: 0),
            colors: colors)
        var painter = FramePainter()
        for frame in frames {
            let palette = Self.palette(frame.theme)
            painter.setPalette(palette)
            recorder.setPalette(palette)
            recorder.record(painter.update(frame.screen), at: frame.at * 1000)
            if let chapter = frame.chapter { recorder.mark(chapter, at: frame.at * 1000) }
        }
        recorder.finish(at: (frames.last?.at ?? 0) * 1000)
        return recorder.cast
    }

    /// The terminal palette of `theme`, as the dashboard sets it.
    public static func palette(_ theme: Theme) -> TerminalPalette { Session.palette(theme, noColor: false) }

    /// A cast's title: the demo's first caption, else its file name.
    public static func title(of script: DemoScript) -> String {
        for line in script.lines {
            if case .caption(let text) = line.command, !text.isEmpty { return text }
        }
        return String(script.file.split(separator: "/").last ?? Substring(script.file))
    }
}
