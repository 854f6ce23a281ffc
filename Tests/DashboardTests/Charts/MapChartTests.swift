import Dashboard
import FuturesModel
import Testing

/// The map of futures as drawn, as set (`w`: the central run at every point).
@Suite("Map chart")
struct MapChartTests {
    @Test("as set, each map cell shows the future of its point; the current point and the 12-month edge are marked")
    func mapDrawing() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 120, height: 36)
        reduce(&state, .keyPressed(.char("w")))
        reduce(&state, .keyPressed(.char("m")))
        #expect(state.mapRequest?.acrossWorlds == false)
        state = Fixture.withMap(state)
        let map = try #require(state.results.map)
        let screen = Fixture.frame(state)
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: map.y.parameter).plot
        #expect(plot.width == map.x.values.count && plot.height * 2 == map.y.values.count)
        // Where the grid is the plot's size, a cell's upper half is row 2·cy from the top.
        let futureRole: (Double) -> Set<Role> = { lead in
            switch Future(lead: lead) {
            case .future1: [.future1, .future1Faint, .foreground]
            case .future2: [.future2, .future2Faint]
            case .contested: [.muted, .grid]
            }
        }
        let ny = map.y.values.count
        var halfBlocks = 0
        for (cx, cy) in [(0, 0), (plot.width - 1, 0), (plot.width / 2, plot.height / 2), (plot.width - 3, 3)] {
            let cell = screen[plot.x + cx, plot.y + cy]
            guard cell.character == "▀" else { continue }
            halfBlocks += 1
            let upper = map.leadMonths[ny - 1 - 2 * cy][cx], lower = map.leadMonths[ny - 2 - 2 * cy][cx]
            #expect(futureRole(upper).contains(cell.role), "\(cx),\(cy): \(upper) \(cell.role)")
            #expect(futureRole(lower).contains(cell.style.background!), "\(cx),\(cy): \(lower)")
        }
        #expect(halfBlocks >= 2, "the sampled cells are half blocks, so their colours were checked")
        // The point: Future 1's export controls (90 %) and anti-smuggling (85 %).
        let cells = (plot.y..<plot.maxY).flatMap { y in (plot.x..<plot.maxX).map { (x: $0, y: y) } }
        let point = try #require(cells.first { screen[$0.x, $0.y].character == "●" })
        #expect(point.x == plot.x + Int((0.9 * Double(plot.width - 1)).rounded()))
        #expect(point.y == plot.y + Int((0.15 * Double(plot.height - 1)).rounded()))
        #expect(screen[point.x, point.y].role == .policy)
        // Future 1 lives top right here, so its edge is drawn.
        #expect(screen.cells.contains { $0.role == .foreground && $0.character == "▀" })
        // The axes in the parameters' units, and their names.
        let text = screen.text
        for label in ["0 %", "50 %", "100 %", "Export controls →", "↑ Anti-smuggling", "Map as set"] {
            #expect(text.contains(label), "\(label)")
        }
        assertSnapshot(text, named: "map-as-set-future1-120x36")
    }

    @Test("the map as set at 80×24, without colour (# . - and @), and with the start as Y (dates)")
    func mapSnapshots() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 80, height: 24)
        reduce(&state, .keyPressed(.char("w")))
        reduce(&state, .keyPressed(.char("m")))
        state = Fixture.withMap(state)
        assertSnapshot(Fixture.frame(state).text, named: "map-as-set-future1-80x24")
        state.view.noColor = true
        state = Fixture.withMap(state)
        let mono = Fixture.frame(state)
        #expect(!mono.cells.contains { $0.style.background != nil && $0.character == "▀" })
        for c in ["#", ".", "@", "="] { #expect(mono.text.contains(c), "\(c)") }
        assertSnapshot(mono.text, named: "map-as-set-future1-no-color-80x24")
        // Y = the start: dates on the axis, rounded to whole months.
        state.view.noColor = false
        while state.view.mapView?.y != .policyStart { reduce(&state, .keyPressed(.down)) }
        state = Fixture.withMap(state)
        let text = Fixture.frame(state).text
        #expect(text.contains("2026-01") && text.contains("2028-01") && text.contains("2027-01"), "\(text)")
    }
}
