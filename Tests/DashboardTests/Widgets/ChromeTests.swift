import Dashboard
import FuturesModel
import Testing

/// The chrome: the status bar's key hints and ensemble state, the help overlay.
@Suite("Chrome")
struct ChromeTests {
    @Test("the key bar keeps ? help and q quit at 80×24, and plain ASCII hints in the mono theme")
    func keyBar() {
        let state = State(width: 80, height: 24)
        let bar = render(state, Analysis(state.scenario)).line(23)
        #expect(bar.contains("? help") && bar.contains("q quit"), "\(bar)")
        var wide = State(width: 120, height: 36)
        wide.view.themes = [Theme(name: "plain", colors: Theme.dark.colors, glyphs: .ascii)]
        let ascii = render(wide, Analysis(wide.scenario)).line(35)
        #expect(ascii.contains("h l adjust") && !ascii.contains("<>"), "\(ascii)")
    }

    @Test("the status bar names the language and counts the worlds in: 1,000… while the band refines, then 2,000")
    func statusText() {
        var state = State(width: 120, height: 36)
        state.view.language = .asSet
        #expect(Fixture.frame(state).line(35).contains("as set · worlds…"))
        let quick = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 1000), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(quick))))
        #expect(Fixture.frame(state).line(35).contains("as set · 1,000 worlds…"), "\(Fixture.frame(state).line(35))")
        let full = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 2000), threads: 2)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(full))))
        #expect(Fixture.frame(state).line(35).contains("as set · 2,000 worlds "))
        // Across worlds the presets' ensembles and the results across worlds count too.
        reduce(&state, .keyPressed(.char("w")))
        #expect(Fixture.frame(state).line(35).contains("across worlds…"))
        // A change: the old band shows while the new one computes.
        reduce(&state, .keyPressed(.char("w")))
        reduce(&state, .keyPressed(.right))
        let stale = render(state, Analysis(state.scenario))
        #expect(stale.line(35).contains("as set · 1,000 worlds…"), "\(stale.line(35))")
        // Across worlds at 80×24.
        var narrow = State(width: 80, height: 24)
        reduce(&narrow, .jobFinished(JobResult(.ensemble(narrow.scenario), .ensemble(quick))))
        #expect(render(narrow, Analysis(narrow.scenario)).line(23).contains("across 1,000 worlds…"))
        // No ensemble at all: the screen is the central run's, and the status bar says so.
        var none = State(width: 120, height: 36)
        none.results.ensembleMembers = 0
        #expect(render(none, Analysis(none.scenario)).line(35).contains("as set · no worlds (0 members)"))
        #expect(Job.ensembleSteps(EnsembleSettings(members: 10_000)).map(\.members) == [1000, 10_000])
        #expect(Job.ensembleSteps(EnsembleSettings(members: 800)).map(\.members) == [800])
    }

    @Test("the help overlay lists the keys")
    func help() {
        var state = Fixture.state(width: 80, height: 24)
        reduce(&state, .keyPressed(.char("?")))
        assertSnapshot(Fixture.frame(state).text, named: "help-80x24")
    }
}
