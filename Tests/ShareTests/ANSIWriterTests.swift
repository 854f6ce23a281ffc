import Terminal
import Testing

/// The ANSI writer: an update's cells, reached by cursor moves, in SGR colours (the diff that
/// picks the cells is `Screen.diff`'s, above the writer).
@Suite("ANSI writer")
struct ANSIWriterTests {
    static let palette = TerminalPalette(
        background: RGB(0x1c, 0x1f, 0x26), roles: [RGB(0xd8, 0xde, 0xe9), RGB(0xff, 0x5f, 0x5f), nil])

    static func frame(_ rows: [String], role: Int = 0) -> TerminalFrame {
        let width = rows.map(\.count).max() ?? 0
        var cells = [TerminalCell]()
        for row in rows {
            let padded = Array(row) + Array(repeating: Character(" "), count: width - row.count)
            cells += padded.map { TerminalCell($0, role: role) }
        }
        return TerminalFrame(width: width, height: rows.count, cells: cells)
    }

    /// The whole frame of `rows`, as the first update paints it.
    static func full(_ rows: [String], role: Int = 0) -> FrameUpdate { FrameUpdate(full: frame(rows, role: role)) }

    @Test("the first frame clears the screen, hides the cursor and paints every cell in truecolor")
    func firstFrame() {
        let writer = ANSIWriter(palette: Self.palette)
        let out = writer.paint(Self.full(["ab", "cd"]))
        let style = "\u{1B}[0;38;2;216;222;233;48;2;28;31;38m"
        #expect(out == "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J" + style + "ab\u{1B}[2;1Hcd\u{1B}[0m")
    }

    @Test("a partial update writes only its cells, and nothing when it has none")
    func changedCellsOnly() {
        let writer = ANSIWriter(palette: Self.palette)
        let next = FrameUpdate(
            width: 4, height: 2, full: false,
            changes: [
                .init(x: 1, y: 0, cell: TerminalCell("X", role: 1, bold: true)),
                .init(x: 3, y: 0, cell: TerminalCell("Y", role: 1, bold: true)),
                .init(x: 2, y: 1, cell: TerminalCell("Z", role: 0, background: 1, reverse: true)),
            ])
        let out = writer.paint(next)
        let red = "\u{1B}[0;1;38;2;255;95;95;48;2;28;31;38m"
        let reversed = "\u{1B}[0;7;38;2;216;222;233;48;2;255;95;95m"
        #expect(out == "\u{1B}[1;2H" + red + "X\u{1B}[1CY\u{1B}[2;3H" + reversed + "Z\u{1B}[0m")
        #expect(writer.paint(FrameUpdate(width: 4, height: 2, full: false, changes: [])) == "")
    }

    @Test("a role without a colour keeps the terminal's default foreground")
    func defaultColour() {
        let writer = ANSIWriter(palette: Self.palette)
        let out = writer.paint(Self.full(["a"], role: 2))
        #expect(out.contains("\u{1B}[0;48;2;28;31;38ma"))
        let mono = ANSIWriter(palette: .monochrome(roles: 3))
        #expect(mono.paint(Self.full(["a"])).hasSuffix("\u{1B}[0ma\u{1B}[0m"))
    }

    @Test("256 colours are the nearest xterm colours, as ncurses picks them")
    func xterm256() {
        let writer = ANSIWriter(palette: Self.palette, colors: .xterm256)
        let out = writer.paint(Self.full(["a"]))
        let fg = ColorMapping.nearest(RGB(0xd8, 0xde, 0xe9), among: 256)
        let bg = ColorMapping.nearest(RGB(0x1c, 0x1f, 0x26), among: 256)
        #expect(out.contains("\u{1B}[0;38;5;\(fg);48;5;\(bg)ma"))
        #expect(!out.contains(";2;"))
    }

    @Test("after the last column the next cell is reached by an explicit move, not by wrapping")
    func lastColumn() {
        let writer = ANSIWriter(palette: Self.palette)
        let out = writer.paint(
            FrameUpdate(
                width: 2, height: 2, full: false,
                changes: [
                    .init(x: 1, y: 0, cell: TerminalCell("X", role: 0)),
                    .init(x: 0, y: 1, cell: TerminalCell("Y", role: 0)),
                ]))
        #expect(out.contains("X\u{1B}[2;1H"), "\(out.debugDescription)")
    }

    @Test("a full update clears the screen first; a partial one never does")
    func clears() {
        let writer = ANSIWriter(palette: Self.palette)
        #expect(writer.paint(Self.full(["ab"])).contains("\u{1B}[2J"))
        let partial = FrameUpdate(
            width: 2, height: 1, full: false, changes: FrameUpdate(full: Self.frame(["ab"])).changes)
        #expect(!writer.paint(partial).contains("\u{1B}[2J") && writer.paint(partial).contains("ab"))
    }

    @Test("control characters in a cell are drawn as spaces; a cluster as its first scalar")
    func printable() {
        let writer = ANSIWriter(palette: .monochrome(roles: 1))
        let frame = TerminalFrame(
            width: 3, height: 1,
            cells: [TerminalCell("\u{1B}", role: 0), TerminalCell("\n", role: 0), TerminalCell("e\u{301}", role: 0)])
        let out = writer.paint(FrameUpdate(full: frame))
        #expect(out.hasSuffix("\u{1B}[0m  e\u{1B}[0m"), "\(out.debugDescription)")
    }

    @Test("between cells of the same attributes only the colour that changed is written; else a reset and all")
    func colourChangesOnly() {
        let writer = ANSIWriter(palette: Self.palette)
        var frame = Self.frame(["abc"])
        frame.cells[1] = TerminalCell("b", role: 1)
        frame.cells[2] = TerminalCell("c", role: 1, bold: true)
        let out = writer.paint(FrameUpdate(full: frame))
        let plain = "\u{1B}[0;38;2;216;222;233;48;2;28;31;38m"
        let bold = "\u{1B}[0;1;38;2;255;95;95;48;2;28;31;38m"
        #expect(out.hasSuffix(plain + "a\u{1B}[38;2;255;95;95mb" + bold + "c\u{1B}[0m"), "\(out.debugDescription)")
        var back = Self.frame(["ab"])
        back.cells[1] = TerminalCell("b", role: 2)
        #expect(
            writer.paint(FrameUpdate(full: back)).hasSuffix("a\u{1B}[0;48;2;28;31;38mb\u{1B}[0m"),
            "a default colour resets")
    }
}

extension FrameUpdate {
    /// A whole frame, painted after clearing.
    init(full frame: TerminalFrame) {
        self.init(
            width: frame.width, height: frame.height, full: true,
            changes: frame.cells.enumerated().map { Change(x: $0 % frame.width, y: $0 / frame.width, cell: $1) })
    }
}
