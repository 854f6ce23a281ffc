import Dashboard
import FuturesModel
import Testing

/// What the state asks the shell to compute (ensemble, map, levers across worlds) and
/// which answers it keeps.
@Suite("Jobs")
struct JobsTests: Pressing {
    @Test("a stale ensemble is ignored, a current one kept")
    func ensembleLatestWins() throws {
        var s = State()
        let old = s.scenario
        let result = try #require(Ensemble.run(old, settings: EnsembleSettings(members: 20), threads: 1))
        press(&s, .right)
        reduce(&s, .jobFinished(JobResult(.ensemble(old), .ensemble(result))))
        #expect(s.results.ensemble == nil)
        reduce(&s, .jobFinished(JobResult(.ensemble(s.scenario), .ensemble(result))))
        #expect(s.currentEnsemble != nil)
        press(&s, .right)
        #expect(s.currentEnsemble == nil)
    }

    @Test("the map asks for one point per column and two per row, keeps only the answer to its request")
    func mapJobs() throws {
        var state = State(width: 120, height: 36)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        reduce(&state, .keyPressed(.char("m")))
        let request = try #require(state.mapRequest)
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: request.y).plot
        #expect(request.nx == plot.width && request.ny == plot.height * 2)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .map])
        // A map for another scenario is dropped; the answer is kept, and not asked for again.
        var other = request
        other.scenario.levers[.exportControls] = 0.9
        reduce(
            &state,
            .jobFinished(
                JobResult(
                    .map(other), .map(FuturesMap(other.scenario, x: other.x, y: other.y, nx: other.nx, ny: other.ny)))))
        #expect(state.results.map == nil && state.results.worldsMap == nil)
        // Across worlds (the default language) the map is the worlds'; `w` asks for the central run's.
        #expect(request.acrossWorlds)
        state = Fixture.withMap(state)
        #expect(state.results.worldsMap?.complete == true && state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        var asSet = state
        reduce(&asSet, .keyPressed(.char("w")))
        #expect(asSet.mapRequest?.acrossWorlds == false && asSet.jobs.map(\.kind) == [.ensemble, .map])
        asSet = Fixture.withMap(asSet)
        #expect(asSet.results.map != nil && asSet.results.worldsMap == nil && asSet.jobs.map(\.kind) == [.ensemble])
        // Without ensembles (--members 0) there are no worlds: the map is the central run's.
        var none = state
        none.results.ensembleMembers = 0
        #expect(none.mapRequest?.acrossWorlds == false)
        // Moving a slider asks for a new map; the old one stays on screen meanwhile.
        reduce(&state, .keyPressed(.right))
        // (and the explanation of the change across worlds waits for its Summaries)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .explain, .map])
        #expect(Fixture.frame(state).text.contains("computing…"))
        // Without colour, one map row per cell.
        state.view.noColor = true
        #expect(state.mapRequest?.ny == plot.height)
    }

    @Test("a cycles tornado → attribution → across worlds; that view asks for the rows once, shows computing…")
    func acrossWorldsJobs() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.view.moves == .attribution)
        reduce(&state, .keyPressed(.char("a")))
        #expect(
            state.view.moves == .acrossWorlds && state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .robustness])
        var none = state
        none.results.ensembleMembers = 0
        #expect(none.jobs.isEmpty, "no ensemble (--members 0), no rows either")
        #expect(Fixture.frame(state).text.contains("computing across worlds…"))
        state = Fixture.withWorlds(state)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        // A result for an older scenario is not taken; the old one shows, marked computing.
        let old = state.results.robustness
        reduce(&state, .keyPressed(.right))
        reduce(&state, .jobFinished(JobResult(.robustness(old!.scenario), .robustness(old!))))
        #expect(state.results.robustness == old)
        #expect(Fixture.frame(state).text.contains("computing…"))
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.view.moves == .tornado && state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .explain])
    }

    @Test("a partial result keeps its job asked for until the complete one is in; a kind no longer shown is not")
    func partialResults() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("a")))
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .robustness])
        let rows = try #require(
            Robustness.run(state.scenario, settings: EnsembleSettings(members: 40), threads: 1))
        let job = Job.robustness(state.scenario)
        reduce(&state, .jobFinished(JobResult(job, .robustness(rows), complete: false)))
        #expect(state.results.robustness == rows, "a partial result shows at once")
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .robustness], "and the job is still needed")
        reduce(&state, .jobFinished(JobResult(job, .robustness(rows))))
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        // A result of another kind's current job is kept even while its panel is hidden.
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.results.robustness == rows)
    }
}

/// Every event from the shell comes with its clock: one reduce moves the demo on and acts.
@Suite("Timed actions")
struct TimedActionTests {
    @Test("timed(action, now) is the tick and then the action, in one reduce, with or without a demo")
    func timed() {
        let script = DemoScript(
            file: "t.demo",
            lines: [
                DemoLine(.caption("one"), line: 1), DemoLine(.sleep(milliseconds: 1000), line: 2),
                DemoLine(.caption("two"), line: 3),
                DemoLine(.sleep(milliseconds: 5000), line: 4),
            ]
        )
        var playing = State(width: 120, height: 36)
        reduce(&playing, .demoLoaded(script, exitAtEnd: false))
        for (start, key) in [(State(), Key.right), (playing, Key.char(" "))] {
            var once = start, twice = start
            let effects = reduce(&once, .timed(.keyPressed(key), now: 1500))
            #expect(effects == reduce(&twice, .tick(now: 1500)) + reduce(&twice, .keyPressed(key)))
            #expect(once == twice)
            #expect(once.demo.now == 1500)
        }
        var paused = playing
        reduce(&paused, .timed(.keyPressed(.char(" ")), now: 1500))
        #expect(paused.demo.caption == "two" && paused.demo.session?.paused == true, "the tick came first")
    }
}
