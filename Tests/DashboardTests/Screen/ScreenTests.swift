import Dashboard
import FuturesModel
import Testing

/// The screen buffer, compared with text lines (ratatui style).
@Suite("Screen")
struct ScreenTests {
    @Test("text is clipped to the screen and to a clip rectangle")
    func clipping() {
        var screen = Screen(width: 6, height: 2, fill: Cell("x"))
        screen.write("hello world", x: 2, y: 0)
        screen.write("abcdef", x: -2, y: 1, clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(screen == Screen(lines: ["xxhell", "cdexxx"]))
        #expect(screen.text == "xxhell\ncdexxx")
    }

    @Test("a box draws its border and title and nothing outside")
    func box() {
        var screen = Screen(width: 8, height: 4, fill: Cell("x"))
        screen.box(Rect(x: 1, y: 0, width: 6, height: 3), title: "T")
        #expect(screen.text == Screen(lines: ["x┌ T ─┐x", "x│xxxx│x", "x└────┘x", "xxxxxxxx"]).text)
        #expect(screen[1, 0].role == .grid && screen[3, 0].role == .accent)
    }
}
