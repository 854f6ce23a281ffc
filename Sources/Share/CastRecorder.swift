import Terminal

/// Turns frames shown at known times into an asciicast: each event holds the bytes the
/// `ANSIWriter` sends for that frame (the cells that changed). Times never go back, a
/// frame that changes nothing adds no event, and a change of size adds a resize event
/// before the frame that repaints everything.
public struct CastRecorder: Sendable {
    public private(set) var cast: Asciicast
    private var writer: ANSIWriter
    private var size: (width: Int, height: Int)

    public init(header: Asciicast.Header, palette: TerminalPalette, colors: ANSIWriter.Colors = .truecolor) {
        cast = Asciicast(header: header)
        writer = ANSIWriter(palette: palette, colors: colors)
        size = (header.width, header.height)
    }

    /// The palette for the next frames; other colours repaint every cell on the next frame.
    public mutating func setPalette(_ palette: TerminalPalette) { writer.palette = palette }

    /// The next frame repaints every cell (Ctrl-L).
    public mutating func invalidate() { writer.invalidate() }

    /// Records `frame`, shown `time` microseconds after the start.
    public mutating func draw(_ frame: TerminalFrame, at time: Int) {
        let time = max(time, cast.events.last?.time ?? 0)
        if frame.width != size.width || frame.height != size.height {
            size = (frame.width, frame.height)
            cast.events.append(Asciicast.Event(time: time, kind: .resize, data: "\(frame.width)x\(frame.height)"))
        }
        let bytes = writer.draw(frame)
        if !bytes.isEmpty { cast.events.append(Asciicast.Event(time: time, data: bytes)) }
    }

    /// Ends the recording at `time`: an empty output event there when the last event is
    /// earlier, so that players hold the last screen as long as it was shown.
    public mutating func finish(at time: Int) {
        guard let last = cast.events.last, last.time < time else { return }
        cast.events.append(Asciicast.Event(time: time, data: ""))
    }
}
