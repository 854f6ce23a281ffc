import Dashboard
import FuturesModel
import Testing

/// The answer view (`A`): its key, its own keys inside, and its job (250 worlds, then
/// 2,000; latest wins; only while the view is open).
@Suite("Answer view")
struct AnswerViewTests: Pressing {
    static func view(_ state: State) -> AnswerView? {
        if case .answer(let v) = state.view.mode { v } else { nil }
    }

    @Test("A opens the view and asks for the answer; A or Esc closes it and the job is no longer asked for")
    func openClose() {
        var state = State(width: 120, height: 36)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        press(&state, .char("A"))
        #expect(Self.view(state) == AnswerView())
        #expect(state.keyContext == .answer)
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .answer])
        #expect(Job.current(.answer, in: state) == .answer(state.scenario))
        press(&state, .escape)
        #expect(state.view.mode == .normal && state.jobs.map(\.kind) == [.ensemble, .futures, .worlds])
        press(&state, .char("A"), .char("A"))
        #expect(state.view.mode == .normal)
        // From the map view: the map closes, the answer opens.
        press(&state, .char("m"), .char("A"))
        #expect(state.view.mapView == nil && Self.view(state) != nil)
        // No ensemble (--members 0): no answer job either.
        state.results.ensembleMembers = 0
        #expect(state.jobs.isEmpty)
    }

    @Test("←→ and Tab choose the future; < > scroll only where columns are hidden; other keys do nothing")
    func keys() {
        var state = State(width: 80, height: 24)
        press(&state, .char("A"), .right)
        #expect(Self.view(state)?.verdict == .future2)
        press(&state, .tab)
        #expect(Self.view(state)?.verdict == .chinaMarkets)
        press(&state, .right)
        #expect(Self.view(state)?.verdict == .future1)
        press(&state, .left)
        #expect(Self.view(state)?.verdict == .chinaMarkets)
        let hidden = AnswerLayout.columnCount - AnswerLayout.visibleColumns(width: 80)
        #expect(hidden > 0, "at 80 columns some views scroll")
        for _ in 0..<10 { press(&state, .char(">")) }
        #expect(Self.view(state)?.scroll == hidden)
        press(&state, .char("<"), .shiftLeft)
        #expect(Self.view(state)?.scroll == hidden - 2)
        let before = state
        press(&state, .char("v"), .up, .char("m"), .char("?"))
        #expect(state == before, "the sliders, lenses, map and help wait until the view closes")
        // A preset acts here: the answer is for your levers, and the view stays open on them.
        press(&state, .char("1"))
        #expect(state.scenario.levers == Preset.future1.levers && state.scenario.policyStart == 0)
        #expect(Self.view(state) == Self.view(before), "the view stays open, on the same future and columns")
        #expect(Job.current(.answer, in: state) == .answer(state.scenario))
        #expect(press(&state, .char("q")) == [.quit])
        var wide = State(width: 120, height: 36)
        press(&wide, .char("A"), .char(">"))
        #expect(Self.view(wide)?.scroll == 0, "at 120 columns all eight views fit")
    }

    @Test("the answer refines from 250 worlds to the ensemble's (one count); a partial one keeps its job asked for")
    func job() throws {
        #expect(Job.answerSteps(EnsembleSettings(members: Job.screenMembers)).map(\.members) == [250, 2000])
        #expect(Job.answerSteps(EnsembleSettings(members: 10_000)).map(\.members) == [250, 10_000])
        #expect(Job.worldsSteps(EnsembleSettings(members: 10_000)).map(\.members) == [500, 10_000])
        #expect(Job.answerSteps(EnsembleSettings(members: 400)).map(\.members) == [250, 400])
        #expect(Job.answerSteps(EnsembleSettings(members: 100)).map(\.members) == [100])
        var state = State(width: 120, height: 36)
        press(&state, .char("1"), .char("A"))
        let answer = Fixture.future1Answer
        #expect(answer.scenario == state.scenario)
        // An answer for another scenario is dropped (latest wins).
        var other = state.scenario
        other.levers[.exportControls] = 0.5
        reduce(&state, .jobFinished(JobResult(.answer(other), .answer(answer))))
        #expect(state.results.answer == nil)
        #expect(Fixture.frame(state).text.contains("Computing the answer"))
        reduce(&state, .jobFinished(JobResult(.answer(state.scenario), .answer(answer), complete: false)))
        #expect(state.results.answer?.complete == false)
        // (the preset's explanation across worlds waits for its Summaries: `.explain`)
        #expect(
            state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .explain, .answer],
            "still asked for until complete")
        #expect(Fixture.frame(state).text.contains("200 worlds…"))
        reduce(&state, .jobFinished(JobResult(.answer(state.scenario), .answer(answer))))
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .explain])
        let text = Fixture.frame(state).text
        #expect(text.contains("200 worlds") && !text.contains("200 worlds…"))
        #expect(text.contains(String(answer.finding(for: .future1).prefix(40))))
        // Closed, it is not asked for; reopened on the same scenario, the answer is still there.
        press(&state, .escape, .char("A"))
        #expect(state.jobs.map(\.kind) == [.ensemble, .futures, .worlds, .explain])
    }
}
