import Dashboard
import Shell
import Terminal
import Testing

/// The one keeper of the last screen: what repaints everything, and what paints only the
/// changed cells.
@Suite("Frame painter")
struct FramePainterTests {
    static let palette = TerminalPalette(background: nil, roles: Bridge.roles.map { _ in RGB(1, 2, 3) })

    @Test("the first screen is full; then only the changed cells, converted to the terminal's cells")
    func changes() {
        var painter = FramePainter()
        #expect(painter.update(Screen(lines: ["ab", "cd"])).full)
        var next = Screen(lines: ["ab", "cd"])
        next[1, 1] = Cell("X", Style(.accent, .bold, background: .selection))
        let update = painter.update(next)
        let accent = Bridge.roles.firstIndex(of: .accent)!, selection = Bridge.roles.firstIndex(of: .selection)!
        #expect(
            update
                == FrameUpdate(
                    width: 2, height: 2, full: false,
                    changes: [
                        .init(x: 1, y: 1, cell: TerminalCell("X", role: accent, background: selection, bold: true))
                    ]))
        #expect(painter.update(next).changes.isEmpty)
    }

    @Test("Ctrl-L (invalidate), another palette and another size repaint everything; the same palette does not")
    func repaints() {
        var painter = FramePainter(palette: Self.palette)
        let screen = Screen(lines: ["ab"])
        _ = painter.update(screen)
        #expect(!painter.setPalette(Self.palette) && !painter.update(screen).full)
        #expect(painter.setPalette(.monochrome(roles: Bridge.roles.count)) && painter.update(screen).full)
        painter.invalidate()
        #expect(painter.update(screen).full)
        #expect(!painter.update(screen).full)
        #expect(painter.update(Screen(lines: ["ab", "cd"])).full)
    }

    @Test("on a backend: the palette reaches it, and the frames it shows are the screens")
    func backend() {
        let backend = MemoryBackend(width: 3, height: 1, script: [])
        var painter = FramePainter()
        painter.paint(Screen(lines: ["abc"]), on: backend)
        painter.setPalette(Self.palette, on: backend)
        painter.paint(Screen(lines: ["abc"]), on: backend)
        painter.paint(Screen(lines: ["aXc"]), on: backend)
        #expect(backend.palettes == [Self.palette])
        #expect(backend.updates.map(\.full) == [true, true, false] && backend.updates[2].changes.count == 1)
        #expect(backend.frames.count == 3 && backend.lastScreen == "aXc")
    }
}
