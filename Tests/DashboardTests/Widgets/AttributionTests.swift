import Dashboard
import FuturesModel
import Testing

/// The attribution panel (`a`).
@Suite("Attribution panel")
struct AttributionTests {
    @Test("the attribution waterfall and the China sources chart")
    func attribution() {
        var state = Fixture.state(width: 80, height: 24)
        reduce(&state, .keyPressed(.char("a")))
        for _ in 0..<4 { reduce(&state, .keyPressed(.char("c"))) }
        assertSnapshot(Fixture.frame(state).text, named: "attribution-sources-80x24")
    }
}
