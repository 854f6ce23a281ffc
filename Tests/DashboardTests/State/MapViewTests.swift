import Dashboard
import FuturesModel
import Testing

/// The map view's keys (`m`): which parameters it plots and how it closes.
@Suite("Map view keys")
struct MapViewTests {
    @Test(
        "m opens the map over the selected slider and the next lever; ↑↓ and Tab change Y, never to X; m and Esc close")
    func mapKeys() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("m")))
        let view = try #require(state.view.mapView)
        #expect(view.y == .lever(.smugglingEnforcement) && state.keyContext == .map)
        #expect(state.selected == .lever(.exportControls))
        // ↑ from the second slider skips the first (X) and wraps to the last.
        reduce(&state, .keyPressed(.up))
        #expect(state.view.mapView?.y == ParameterID.all.last, "\(String(describing: state.view.mapView))")
        reduce(&state, .keyPressed(.tab))
        #expect(state.view.mapView?.y == .lever(.smugglingEnforcement), "Tab goes on, past X")
        for _ in 0..<40 {
            reduce(&state, .keyPressed(.down))
            #expect(state.view.mapView?.y != state.selected)
        }
        // ←→ still move X, and other keys act as usual.
        let before = state.scenario.levers[.exportControls]
        reduce(&state, .keyPressed(.right))
        #expect(state.scenario.levers[.exportControls] > before && state.selected == .lever(.exportControls))
        reduce(&state, .keyPressed(.char("1")))
        #expect(state.scenario.levers == Preset.future1.levers && state.view.mapView != nil)
        reduce(&state, .keyPressed(.escape))
        #expect(state.view.mapView == nil && state.keyContext == .normal)
        reduce(&state, .keyPressed(.char("m")))
        reduce(&state, .keyPressed(.char("m")))
        #expect(state.view.mapView == nil)
    }
}
