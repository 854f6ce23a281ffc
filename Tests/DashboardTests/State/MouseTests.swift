import Dashboard
import FuturesModel
import Testing

/// `reduce` with the mouse (Reduce+Mouse): clicks on tracks, charts and the map, the wheel.
@Suite("Reducer: the mouse")
struct MouseTests: Pressing {
    @Test("a click on a track sets the value; the wheel nudges")
    func mouse() {
        var s = State(width: 80, height: 24)
        let layout = Layout(width: 80, height: 24, chart: s.view.chart)
        let columns = SliderColumns(width: layout.panel.width - 2)
        let trackEnd = layout.panel.x + 1 + columns.trackOffset + columns.track - 1
        let row = SliderGeometry(rect: layout.panel).row(of: 2, scroll: 0)!
        reduce(&s, .mouse(.click(x: trackEnd, y: row)))
        #expect(s.selected == .lever(.offshoreControls))
        #expect(s.scenario.levers.offshoreControls == 1)
        reduce(&s, .mouse(.wheelDown(x: 0, y: 0)))
        #expect(abs(s.scenario.levers.offshoreControls - 0.95) < 1e-12)
    }

    @Test("at 80×24 the slider list scrolls to keep the selection in view, and clicks follow the scroll")
    func sliderScroll() throws {
        // With a demo's caption band the panel is two rows short of the whole list.
        var s = State(width: 80, height: 24)
        s.demo.caption = "A caption"
        let geometry = SliderGeometry(rect: s.layout.panel)
        #expect(geometry.scrolls)
        press(&s, .up)  // wraps to the last assumption
        #expect(s.selected == .assumption(.chinaPriceAdvantage))
        #expect(s.view.sliderScroll > 0)
        let last = ParameterID.all.count - 1
        let y = try #require(geometry.row(of: last, scroll: s.view.sliderScroll))
        #expect(y == geometry.listY + geometry.listRows - 1)
        #expect(geometry.row(of: 0, scroll: s.view.sliderScroll) == nil)
        // A click on the row now shown second from the bottom selects what is drawn there.
        reduce(&s, .mouse(.click(x: s.layout.panel.x + 3, y: y - 1)))
        #expect(s.view.selection == last - 1)
        let screen = render(s, Analysis(s.scenario))
        #expect(screen.line(y - 1).contains(Labels.fitting(ParameterID.all[last - 1], width: 14).prefix(8)))
        press(&s, .down, .down)  // wraps to the first lever: scrolled back to the top
        #expect(s.view.sliderScroll == 0)
    }

    @Test("in the grid a click on a chart enlarges it, a second click or Esc shrinks it")
    func enlarge() throws {
        var s = State(width: 120, height: 36)
        let adoption = try #require(s.layout.charts.first { $0.kind == .adoption })
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        #expect(s.view.chart == .adoption && s.view.chartEnlarged)
        #expect(s.layout.charts.map(\.kind) == [.adoption])
        let big = s.layout.charts[0].rect
        reduce(&s, .mouse(.click(x: big.x + 3, y: big.y + 3)))
        #expect(!s.view.chartEnlarged)
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        reduce(&s, .keyPressed(.escape))
        #expect(!s.view.chartEnlarged && s.layout.charts.count == 4)
    }

    @Test("a click in the map moves the point there, as one undoable change")
    func mapClick() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("m")))
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: .lever(.smugglingEnforcement)).plot
        reduce(&state, .mouse(.click(x: plot.maxX - 1, y: plot.y)))
        #expect(state.scenario.levers[.exportControls] == 1 && state.scenario.levers[.smugglingEnforcement] == 1)
        #expect(state.document.undoStack.count == 1 && state.view.explanation.hasPrefix("Map: Export controls 100 %"))
        reduce(&state, .keyPressed(.char("u")))
        #expect(state.scenario == Scenario())
    }
}
