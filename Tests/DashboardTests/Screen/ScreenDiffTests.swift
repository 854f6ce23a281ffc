import Dashboard
import Testing

/// `Screen.diff`: the one diff, above the backends.
@Suite("Screen diff")
struct ScreenDiffTests {
    /// The characters of the changed cells, as "x,y,c".
    static func painted(_ screen: Screen, _ diff: ScreenDiff) -> [String] {
        diff.changed.map { "\($0 % screen.width),\($0 / screen.width),\(screen.cells[$0].character)" }
    }

    @Test("no previous screen: a full update that lists every cell in row-major order")
    func noPrevious() {
        let screen = Screen(lines: ["ab", "cd"])
        let diff = screen.diff(from: nil)
        #expect(diff.full)
        #expect(Self.painted(screen, diff) == ["0,0,a", "1,0,b", "0,1,c", "1,1,d"])
    }

    @Test("one changed cell (a character or only a style): exactly that cell")
    func oneCell() {
        let before = Screen(lines: ["abc", "def"])
        var after = before
        after[2, 1] = Cell("X", Style(.accent, .bold))
        #expect(after.diff(from: before) == ScreenDiff(full: false, changed: [5]))
        var styled = before
        styled[0, 0] = Cell("a", Style(.foreground, background: .selection))
        #expect(styled.diff(from: before) == ScreenDiff(full: false, changed: [0]))
    }

    @Test("the same screen: nothing to paint")
    func unchanged() {
        let screen = Screen(lines: ["abc"])
        #expect(screen.diff(from: screen) == ScreenDiff(full: false, changed: []))
    }

    @Test("another size: a full update, whatever the cells")
    func sizeChange() {
        let small = Screen(lines: ["ab"])
        let wide = Screen(lines: ["abc"]), tall = Screen(lines: ["ab", "cd"])
        for (screen, previous) in [(wide, small), (tall, small), (small, wide)] {
            let diff = screen.diff(from: previous)
            #expect(diff.full && diff.changed == Array(0..<(screen.width * screen.height)))
        }
    }

    @Test("several changes come in row-major order, the unchanged cells left out")
    func order() {
        let before = Screen(width: 4, height: 3, fill: Cell("x"))
        var after = before
        for (x, y) in [(3, 2), (0, 1), (2, 0), (1, 1)] { after[x, y] = Cell("o") }
        #expect(Self.painted(after, after.diff(from: before)) == ["2,0,o", "0,1,o", "1,1,o", "3,2,o"])
    }
}
