import Dashboard
import FuturesModel
import Testing

/// The layout: tiers by size, and where the caption band goes.
@Suite("Layout")
struct LayoutTests {
    @Test("the layout tiers follow the size")
    func tiers() {
        #expect(Layout(width: 79, height: 40, chart: .lead).tier == .tooSmall)
        #expect(Layout(width: 80, height: 24, chart: .lead).tier == .compact)
        #expect(Layout(width: 119, height: 50, chart: .lead).tier == .compact)
        #expect(Layout(width: 120, height: 36, chart: .lead).tier == .grid)
        // The side panel keeps its width as the charts grow, up to the five-chart size.
        let big = Layout(width: 179, height: 60, chart: .lead)
        #expect(big.panel.width == Layout(width: 120, height: 36, chart: .lead).panel.width)
        #expect(big.charts.count == 4)
        #expect(Layout(width: 200, height: 60, chart: .lead).charts.count == 5)
    }

    @Test("a caption sits in its own band above the outcome bar, never over a chart or the tornado")
    func captionBand() {
        for (width, height) in [(80, 24), (120, 36)] {
            var state = State(width: width, height: height)
            state.demo.caption = "A caption that a presenter wants the room to read."
            let layout = state.layout
            let screen = render(state, Analysis(state.scenario))
            let at = screen.find("A caption that")
            #expect(at.map { layout.caption.contains(x: $0.x, y: $0.y) } == true, "\(width)")
            for chart in layout.charts { #expect(chart.rect.intersection(layout.caption).isEmpty) }
            #expect(layout.moves.intersection(layout.caption).isEmpty)
            #expect(layout.caption.maxY == layout.outcome.y)
        }
    }
}
