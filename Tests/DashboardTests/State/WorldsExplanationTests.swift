import Dashboard
import Formats
import FuturesModel
import Shell
import Testing

/// The outcome bar's explain line across worlds, and as set.
@Suite("Explanation across worlds")
struct WorldsExplanationTests {
    static let settings = EnsembleSettings(members: 400, seed: 7)

    /// `state` with the jobs its screen needs answered over 400 worlds (seed 7, one thread).
    static func settled(_ state: State) -> State {
        Runtime(settings: settings, threads: 1).settled(state)
    }

    /// The Summary of `scenario` over the same 400 worlds, as the panels compute it.
    static func summary(_ scenario: Scenario) -> Summary {
        WorldsAnalysis.compute(scenario, settings: settings, threads: 1)!.summary
    }

    @Test("the wording: the larger ΔP, the median lead and China's markets, each signed; shorter forms fit a width")
    func wording() {
        let a = Summary(medianLead: 10.0, pFuture1: 0.30, pFuture2: 0.10, pChinaMarkets: 0.20)
        let b = Summary(medianLead: 12.1, pFuture1: 0.53, pFuture2: 0.05, pChinaMarkets: 0.16)
        let line = Explanation.worlds("Export controls 50→90 %", before: a, after: b)
        #expect(line == "Export controls 50→90 %: P(F1) +23 pts, median lead +2.1 mo, China's markets −4 pts")
        let f2 = Explanation.worlds("Lens Price wins vs the essay's view", before: b, after: a)
        #expect(f2.hasPrefix("Lens Price wins vs the essay's view: P(F1) −23 pts"))
        let price = Summary(medianLead: 9.5, pFuture1: 0.30, pFuture2: 0.31, pChinaMarkets: 0.84)
        #expect(
            Explanation.worlds("Lens Price wins vs the essay's view", before: a, after: price)
                == "Lens Price wins vs the essay's view: P(F2) +21 pts, median lead −0.5 mo, China's markets +64 pts")
        for width in [40, 60, 70, 90] {
            let fitted = Explanation.worlds("Export controls 50→90 %", before: a, after: b, width: width)
            #expect(fitted.count <= width || fitted == "Export controls 50→90 %: P(F1) +23 pts", "\(fitted)")
            #expect(fitted.hasPrefix("Export controls 50→90 %: P(F1) +23 pts"))
        }
        #expect(Explanation.points(0.004) == "0 pts" && Explanation.points(-0.01) == "−1 pt")
        // On a narrow screen (80 columns: 66 after "Last change:") a lens keeps China's markets.
        let narrow = Explanation.worlds(
            "Lens Price wins vs the essay's view", shortLabel: Explanation.lensShortLabel(.price), before: a,
            after: price, width: 66)
        #expect(narrow == "Price wins vs essay: P(F2) +21 pts, China's markets +64 pts")
    }

    @Test("a slider across worlds: the change and … until its Summaries arrive, then numbers that agree with them")
    func sliderChange() throws {
        var state = State(width: 120, height: 36)
        state.results.ensembleMembers = 400
        state = Self.settled(state)
        let before = state.scenario
        reduce(&state, .keyPressed(.right))
        #expect(state.view.explanation == "Export controls 50→55 %: … (across worlds)")
        #expect(state.view.explanationIsChange)
        let pending = try #require(state.view.pendingExplanation)
        #expect(pending.reference == before && pending.scenario == state.scenario)
        #expect(state.jobs.contains(.explain(pending)))
        state = Self.settled(state)
        #expect(state.view.pendingExplanation == nil)
        let expected = Explanation.worlds(
            "Export controls 50→55 %", before: Self.summary(before), after: Self.summary(state.scenario), width: 106)
        #expect(state.view.explanation == expected)
        // It agrees with the worlds result the panels show for the new scenario.
        let worlds = try #require(state.results.worlds)
        #expect(worlds.analysis.scenario == state.scenario && worlds.analysis.summary == Self.summary(state.scenario))
        #expect(!state.view.explanation.contains("…") && state.view.explanation.contains("median lead"))
        #expect(!state.jobs.contains { $0.kind == .explain }, "answered: no job left")
    }

    @Test("an answer for an older change does not complete the line of a newer one; a message drops the wait")
    func staleAnswer() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.right))
        let first = try #require(state.view.pendingExplanation)
        reduce(&state, .keyPressed(.right))
        let old = JobResult(.explain(first), .explain(before: .zero, after: .zero))
        reduce(&state, .jobFinished(old))
        #expect(state.view.explanation == "Export controls 55→60 %: … (across worlds)")
        reduce(&state, .keyPressed(.char("p")))
        #expect(state.view.pendingExplanation == nil && state.view.explanation.hasPrefix("Pinned"))
    }

    @Test("a demo's change is explained across worlds once the answer is in, and stays so on the steps after it")
    func demo() throws {
        let script = try DemoParser.parse(
            "caption \"one\"\nset export_controls 60%\nsleep 1s\ncaption \"two\"\nsleep 1s\n", file: "d.demo")
        var initial = State(width: 120, height: 36)
        initial.results.ensembleMembers = 400
        let frames = DemoTimeline.frames(script, from: initial, runtime: Runtime(settings: Self.settings, threads: 1))
        let last = try #require(frames.last).screen.text
        let line = last.split(separator: "\n").first { $0.contains("Last change:") }.map(String.init) ?? ""
        #expect(line.contains("Last change: Export controls ") && line.contains(": P(F"), "\(last)")
        #expect(!line.contains("…") && last.contains("two"), "\(line)")
    }

    @Test("as set the line is the central run's change, and says so")
    func asSet() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("w")))
        reduce(&state, .keyPressed(.right))
        #expect(state.view.pendingExplanation == nil)
        let after = state.scenario
        var before = after
        before.levers.exportControls = 0.5
        #expect(
            state.view.explanation
                == Explanation.outcome("Export controls 50→55 %, as set", before: before, after: after))
        #expect(state.view.explanation.hasPrefix("Export controls 50→55 %, as set: lead +"))
    }

    @Test("a lens switch is explained against the essay's view, never against the previous lens")
    func lensAgainstEssay() throws {
        var state = State(width: 120, height: 36)
        state.results.ensembleMembers = 400
        while state.document.activeLens?.id != "all-critics" { reduce(&state, .keyPressed(.char("v"))) }
        state = Self.settled(state)
        let critics = state.scenario
        // From all the critics back to price wins (V).
        reduce(&state, .keyPressed(.char("V")))
        #expect(state.document.activeLens?.id == "price")
        let pending = try #require(state.view.pendingExplanation)
        var essay = state.scenario
        essay.assumptions = Assumptions()
        #expect(pending.reference == essay && pending.reference != critics)
        #expect(state.view.explanation == "Lens Price wins vs the essay's view: … (across worlds)")
        state = Self.settled(state)
        let line = state.view.explanation
        let expected = Explanation.worlds(
            "Lens Price wins vs the essay's view", before: Self.summary(essay), after: Self.summary(state.scenario),
            width: 106)
        #expect(line == expected)
        let againstPrevious = Explanation.worlds(
            "Lens Price wins vs the essay's view", before: Self.summary(critics), after: Self.summary(state.scenario),
            width: 106)
        #expect(line != againstPrevious, "it must not compare with the previous lens")
        // Price wins moves China's markets, the other half of Future 2.
        #expect(line.contains("China's markets +"), "\(line)")
        // The central run's "lead +5.0 mo" against the previous lens is nowhere.
        #expect(!line.contains("lead +5.0 mo") && !line.contains("as set"))
    }

    @Test("the essay's view itself is the reference: its numbers, not a change; as set the lens lists its values")
    func essayAndAsSet() {
        var state = State(width: 200, height: 60)
        state.results.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("v")))
        reduce(&state, .keyPressed(.char("V")))
        #expect(state.document.activeLens?.id == "essay")
        state = Self.settled(state)
        let s = Self.summary(state.scenario)
        #expect(state.view.explanation.hasPrefix("Lens The essay's view: P(F1) \(Format.percent(s.pFuture1)), "))
        reduce(&state, .keyPressed(.char("w")))
        while state.document.activeLens?.id != "price" { reduce(&state, .keyPressed(.char("v"))) }
        #expect(
            state.view.explanation.hasPrefix(
                "Lens Price wins vs the essay's view, as set: China price adv 10→30: lead"),
            "\(state.view.explanation)")
    }
}

/// The lens explanation on screen, at the three sizes.
@Suite("Lens explanation snapshots")
struct LensExplanationSnapshotTests {
    @Test(
        "Price wins after all the critics, explained against the essay's view, across 400 worlds",
        arguments: [
            (80, 24), (120, 36), (200, 60),
        ])
    func snapshot(width: Int, height: Int) {
        var state = State(width: width, height: height)
        state.results.ensembleMembers = 400
        while state.document.activeLens?.id != "all-critics" { reduce(&state, .keyPressed(.char("v"))) }
        reduce(&state, .keyPressed(.char("V")))
        state = WorldsExplanationTests.settled(state)
        let text = Fixture.frame(state).text
        let label = width < 100 ? "Price wins vs essay" : "Lens Price wins vs the essay's view"
        #expect(text.contains("Last change: \(label): P(F2) +") && text.contains("China's markets +"), "\(text)")
        assertSnapshot(text, named: "lens-price-explained-\(width)x\(height)")
    }
}
