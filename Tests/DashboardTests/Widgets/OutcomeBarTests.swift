import Dashboard
import FuturesModel
import Testing

/// The outcome bar: the verdict across worlds, the probabilities, the last change.
@Suite("Outcome bar")
struct OutcomeBarTests {
    static func bar(width: Int, ensemble: EnsembleResult?) -> Screen {
        var screen = Screen(width: width, height: 2)
        OutcomeBar(
            analysis: Analysis(Scenario()), ensemble: ensemble, explanation: "", isChange: false, acrossWorlds: true
        )
        .render(in: screen.area, into: &screen)
        return screen
    }

    @Test("the badge names the most likely future across worlds and agrees with the probabilities")
    func verdict() throws {
        let p = Fixture.ensemble.probability
        let (future, probability) = p.mostLikely
        #expect(Future.allCases.allSatisfy { p[$0] <= probability })
        for width in [80, 120, 200] {
            let line = Self.bar(width: width, ensemble: Fixture.ensemble).line(0)
            let name =
                width >= 100 ? future.title.uppercased() : (future == .future2 ? "F2" : future.title.uppercased())
            #expect(line.contains("MOST LIKELY \(name)"), "\(width): \(line)")
            #expect(
                line.contains(Format.percent(probability)) || line.contains("\(Int((probability * 100).rounded()))%"))
            // The central run is labelled as such ("as set"), never as the verdict.
            #expect(line.contains("as set 3.7"), "\(width): \(line)")
        }
        // Before the ensemble: the central run, said plainly.
        let waiting = Self.bar(width: 120, ensemble: nil).line(0)
        #expect(waiting.contains("CENTRAL RUN: CONTESTED") && waiting.contains("ensemble running"))
        #expect(!waiting.contains("MOST LIKELY"))
    }

    @Test("at 80×24 the outcome bar keeps the verdict, the median and its band, the central run and the markets")
    func narrowOutcomeBar() {
        var state = State(width: 80, height: 24)
        let analysis = Analysis(state.scenario)
        let ensemble = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 200), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(ensemble))))
        let screen = render(state, analysis)
        let line = screen.line(21)
        for word in ["MOST LIKELY", "median", "as set 3.7", "P(China mkt)"] {
            #expect(line.contains(word), "\(word): \(line)")
        }
    }

    @Test("the verdict is drawn in its future's role")
    func verdictRole() throws {
        var state = State(width: 80, height: 24)
        reduce(&state, .keyPressed(.char("1")))
        let screen = render(state, Analysis(state.scenario))
        let at = try #require(screen.find("FUTURE 1"))
        #expect(screen[at.x, at.y].role == .future1)
    }

    @Test("no sign on a change that rounds to nothing; goal-seek results are not a 'Last change'")
    func wording() {
        #expect(Format.delta(-0.01, .leadMonths) == "0.0 mo")
        #expect(Format.delta(0.0004, .adoption) == "0.0 pt")
        #expect(Format.delta(-0.2, .leadMonths) == "−0.2 mo")
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("g")))
        let screen = render(state, Analysis(state.scenario))
        #expect(!screen.line(state.layout.outcome.y + 1).contains("Last change:"))
        reduce(&state, .keyPressed(.right))
        let moved = render(state, Analysis(state.scenario))
        #expect(moved.line(state.layout.outcome.y + 1).contains("Last change: Export controls 50→55 %"))
    }
}
