import Dashboard
import Testing

/// `Screen.diff`: the one diff, above the backends.
@Suite("Screen diff")
struct ScreenDiffTests {
    @Test("no previous screen: a full update that lists every cell in row-major order")
    func noPrevious() {
        let screen = Screen(lines: ["ab", "cd"])
        let update = screen.diff(from: nil)
        #expect(update.full && update.width == 2 && update.height == 2)
        #expect(update.changes.map { "\($0.x),\($0.y),\($0.cell.character)" } == ["0,0,a", "1,0,b", "0,1,c", "1,1,d"])
    }

    @Test("one changed cell (a character or only a style): exactly that cell")
    func oneCell() {
        let before = Screen(lines: ["abc", "def"])
        var after = before
        after[2, 1] = Cell("X", Style(.accent, .bold))
        #expect(
            after.diff(from: before)
                == ScreenUpdate(
                    width: 3, height: 2, full: false,
                    changes: [.init(x: 2, y: 1, cell: Cell("X", Style(.accent, .bold)))]))
        var styled = before
        styled[0, 0] = Cell("a", Style(.foreground, background: .selection))
        #expect(styled.diff(from: before).changes == [.init(x: 0, y: 0, cell: styled[0, 0])])
    }

    @Test("the same screen: nothing to paint")
    func unchanged() {
        let screen = Screen(lines: ["abc"])
        #expect(screen.diff(from: screen) == ScreenUpdate(width: 3, height: 1, full: false, changes: []))
    }

    @Test("another size: a full update, whatever the cells")
    func sizeChange() {
        let small = Screen(lines: ["ab"])
        let wide = Screen(lines: ["abc"]), tall = Screen(lines: ["ab", "cd"])
        for (screen, previous) in [(wide, small), (tall, small), (small, wide)] {
            let update = screen.diff(from: previous)
            #expect(update.full && update.changes.count == screen.width * screen.height)
            #expect(update.changes.map(\.cell) == screen.cells)
        }
    }

    @Test("several changes come in row-major order, the unchanged cells left out")
    func order() {
        let before = Screen(width: 4, height: 3, fill: Cell("x"))
        var after = before
        for (x, y) in [(3, 2), (0, 1), (2, 0), (1, 1)] { after[x, y] = Cell("o") }
        #expect(after.diff(from: before).changes.map { [$0.x, $0.y] } == [[2, 0], [0, 1], [1, 1], [3, 2]])
    }
}
