import Terminal

/// Turns frame updates painted at known times into an asciicast: each event holds the bytes
/// the `ANSIWriter` sends for that update (the cells that changed: the diff is made above,
/// by `FramePainter`). Times never go back, an update that changes nothing adds no event,
/// and a change of size adds a resize event before the update that repaints everything.
public struct CastRecorder: Sendable {
    public private(set) var cast: Asciicast
    private var writer: ANSIWriter
    private var size: (width: Int, height: Int)

    public init(header: Asciicast.Header, palette: TerminalPalette, colors: ANSIWriter.Colors = .truecolor) {
        cast = Asciicast(header: header)
        writer = ANSIWriter(palette: palette, colors: colors)
        size = (header.width, header.height)
    }

    /// The palette for the next updates.
    public mutating func setPalette(_ palette: TerminalPalette) { writer.palette = palette }

    /// Records `update`, painted `time` microseconds after the start.
    public mutating func record(_ update: FrameUpdate, at time: Int) {
        let time = max(time, cast.events.last?.time ?? 0)
        if update.width != size.width || update.height != size.height {
            size = (update.width, update.height)
            cast.events.append(Asciicast.Event(time: time, kind: .resize, data: "\(update.width)x\(update.height)"))
        }
        let bytes = writer.paint(update)
        if !bytes.isEmpty { cast.events.append(Asciicast.Event(time: time, data: bytes)) }
    }

    /// A marker (asciicast v2's `"m"` event: a chapter players can jump to) at `time`
    /// microseconds.
    public mutating func mark(_ label: String, at time: Int) {
        let time = max(time, cast.events.last?.time ?? 0)
        cast.events.append(Asciicast.Event(time: time, kind: .marker, data: label))
    }

    /// Ends the recording at `time`: an empty output event there when the last event is
    /// earlier, so that players hold the last screen as long as it was shown.
    public mutating func finish(at time: Int) {
        guard let last = cast.events.last, last.time < time else { return }
        cast.events.append(Asciicast.Event(time: time, data: ""))
    }
}
