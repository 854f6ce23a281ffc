import Dashboard
import Foundation
import FuturesModel
import Testing

/// Whole frames from `render`: sizes, the parts every frame has, the charts' titles.
@Suite("Render")
struct RenderTests {
    @Test("every part of a frame stays inside the screen and nothing overlaps the panel")
    func frameBounds() {
        for (w, h) in [(80, 24), (100, 30), (120, 36), (150, 45), (200, 60)] {
            var state = Fixture.state(width: w, height: h)
            let screen = render(state, Analysis(state.scenario))
            #expect(screen.width == w && screen.height == h)
            #expect(screen.find("┌ POLICY ─") != nil)
            #expect(screen.find("ASSUMPTIONS") != nil)
            #expect(screen.find("not a forecast") != nil)
            #expect(screen.find("US frontier lead") != nil || screen.find("US lead, months") != nil)
            // Each widget draws only inside its own rectangle, and the rectangles are disjoint.
            let analysis = Analysis(state.scenario)
            #expect(WidgetBounds.strays(state, analysis, ensemble: Fixture.ensemble) == [], "\(w)×\(h)")
            state.demo.caption = "A caption"
            reduce(&state, .keyPressed(.char("z")))
            #expect(WidgetBounds.strays(state, analysis) == [], "\(w)×\(h) with a caption, zoomed")
            reduce(&state, .keyPressed(.char("z")))
            reduce(&state, .keyPressed(.char("m")))
            #expect(WidgetBounds.strays(Fixture.withMap(state), analysis) == [], "\(w)×\(h) with the map")
        }
    }

    @Test(
        "frames of any size have exactly that size and show only the enlarge message",
        arguments: [(0, 0), (1, 1), (30, 5), (79, 24), (80, 23)])
    func oddSizes(size: (Int, Int)) {
        var s = State()
        reduce(&s, .resized(width: size.0, height: size.1))
        #expect(s.view.width == size.0 && s.view.height == size.1)
        let frame = render(s, Analysis(s.scenario))
        #expect(frame.width == size.0 && frame.height == size.1)
        #expect(frame.cells.count == size.0 * size.1)
        // The same frame as a session started at that size, and nothing but the message.
        let started = State(width: size.0, height: size.1)
        #expect(frame == render(started, Analysis(started.scenario)))
        let message = "enlarge the terminal (now \(size.0)×\(size.1), need 80×24)"
        for y in 0..<frame.height {
            let shown = frame.line(y).trimmingCharacters(in: .whitespaces)
            #expect(
                shown.isEmpty || message.contains(shown) || ["now \(size.0)×\(size.1)", "need 80×24"].contains(shown),
                "row \(y): \(shown)")
        }
        if size.0 >= 30 {
            #expect(frame.text.contains("enlarge the terminal"))
            #expect(frame.find("┌ POLICY ─") == nil)
        }
    }

    @Test("charts name what they plot, shortened where the whole title does not fit")
    func chartTitles() {
        let wide = render(State(width: 179, height: 60), Analysis(Scenario())).text
        for kind in [ChartKind.lead, .computeShare, .adoption, .chinaSources] { #expect(wide.contains(kind.title)) }
        let narrow = render(State(width: 120, height: 36), Analysis(Scenario())).text
        #expect(narrow.contains(ChartKind.adoption.shortTitle) && !narrow.contains(ChartKind.adoption.title))
    }
}
