import Dashboard
import FuturesModel
import Shell
import Testing

/// The runtime: one analysis per scenario, synchronous answers computed once within its
/// bounds, and the one diff of job requests.
@Suite("Runtime")
struct RuntimeTests {
    static func map(_ lever: Double) -> Job {
        var scenario = Scenario()
        scenario.levers[.exportControls] = lever
        return .map(MapRequest(scenario: scenario, x: .lever(.smugglingEnforcement), y: .policyStart, nx: 2, ny: 2))
    }

    @Test("answers are computed once and kept within the bound, oldest out first")
    func answerBound() {
        var bounds = Runtime.Bounds()
        bounds.answers = 2
        let runtime = Runtime(settings: EnsembleSettings(members: 0), threads: 1, bounds: bounds)
        let first = runtime.answers(Self.map(0.1))
        #expect(first.count == 1 && first[0].complete)
        #expect(runtime.answers(Self.map(0.1)) == first)
        _ = runtime.answers(Self.map(0.2))
        #expect(runtime.answersKept == 2)
        _ = runtime.answers(Self.map(0.3))
        #expect(runtime.answersKept == 2, "the bound holds")
    }

    @Test("the runtime sets the draw cache's bounds")
    func drawBounds() {
        let runtime = Runtime(settings: EnsembleSettings(members: 10), threads: 1)
        #expect(DrawCache.shared.bounds.worlds == runtime.bounds.drawWorlds)
        #expect(DrawCache.shared.bounds.tables == runtime.bounds.drawTables)
        #expect(DrawCache.shared.bounds.bytes == runtime.bounds.drawBytes)
    }

    @Test("the analysis is built once per scenario")
    func analysis() {
        let runtime = Runtime(settings: EnsembleSettings(members: 0), threads: 1)
        let a = runtime.analysis(for: Scenario())
        #expect(runtime.analysis(for: Scenario()) == a)
        var other = Scenario()
        other.levers[.exportControls] = 0.9
        #expect(runtime.analysis(for: other).scenario == other)
    }

    @Test("requests: a new job of a kind supersedes the last, a kind no longer needed is cancelled once")
    func requests() {
        var requests = JobRequests()
        var state = State(width: 120, height: 36)
        #expect(
            requests.changes(for: state).map(\.job) == [
                .ensemble(state.scenario), .futures(Job.futuresScenario(state.scenario)), .worlds(state.scenario),
            ])
        #expect(requests.changes(for: state).isEmpty, "nothing changed")
        // A lever's move asks for the scenario's own jobs, not the presets' again, and for
        // the Summaries that explain the change across worlds.
        reduce(&state, .keyPressed(.right))
        #expect(requests.changes(for: state).map(\.kind) == [.ensemble, .worlds, .explain])
        #expect(requests.changes(for: state).isEmpty, "nothing changed")
        // m's message takes the explanation's place: its job is dropped, the map's asked for.
        reduce(&state, .keyPressed(.char("m")))
        let map = requests.changes(for: state)
        #expect(
            map.count == 2 && map[0].kind == .explain && map[0].job == nil && map[1].kind == .map && map[1].job != nil)
        reduce(&state, .keyPressed(.char("m")))
        let closed = requests.changes(for: state)
        #expect(closed.count == 1 && closed[0].kind == .map && closed[0].job == nil)
    }
}
