import Dashboard
import Dispatch
import FuturesModel
import Shell
import Testing

/// The worker: the ensemble refines from a quick band to the full count; per kind the
/// latest request wins.
@Suite("Worker")
struct WorkerTests {
    /// Waits for `count` deliveries (up to 60 s each) and returns every action taken.
    static func collect(_ worker: Worker, _ signal: DispatchSemaphore, count: Int) -> [Action] {
        var out: [Action] = []
        for _ in 0..<count where signal.wait(timeout: .now() + 60) == .success {
            out += worker.take()
        }
        return out
    }

    static func ensembles(_ actions: [Action]) -> [(EnsembleResult, Scenario)] {
        actions.compactMap {
            if case .ensembleFinished(let r, let s) = $0 { return (r, s) }
            return nil
        }
    }

    @Test("an ensemble arrives first with 1,000 members, then in full, equal to a one-shot run")
    func progressive() {
        let signal = DispatchSemaphore(value: 0)
        let settings = EnsembleSettings(members: 3000)
        let worker = Worker(threads: 2, settings: settings) { signal.signal() }
        let scenario = Scenario(levers: Preset.future1.levers)
        worker.request(.ensemble(scenario))
        let results = Self.ensembles(Self.collect(worker, signal, count: 2))
        #expect(results.map(\.0.settings.members) == [1000, 3000])
        #expect(results.allSatisfy { $0.1 == scenario })
        let oneShot = Ensemble.run(scenario, settings: settings, threads: 1)
        #expect(results.last?.0 == oneShot, "the refined band is the one-shot run's")
        var small = settings
        small.members = 1000
        #expect(results.first?.0 == Ensemble.run(scenario, settings: small, threads: 1))
        worker.cancelAll()
    }

    @Test("a newer request of a kind supersedes the older; other kinds run beside it")
    func latestWins() {
        let signal = DispatchSemaphore(value: 0)
        let worker = Worker(threads: 1, settings: EnsembleSettings(members: 2000)) { signal.signal() }
        let a = Scenario(), b = Scenario(levers: Preset.future1.levers)
        worker.request(.ensemble(a))
        worker.request(.ensemble(b))
        let request = MapRequest(scenario: b, x: .lever(.exportControls), y: .policyStart, nx: 5, ny: 4)
        worker.request(.map(request))
        var actions: [Action] = []
        while signal.wait(timeout: .now() + 60) == .success {
            actions += worker.take()
            let done = Self.ensembles(actions).contains { $0.0.settings.members == 2000 && $0.1 == b }
            if done && actions.contains(where: { if case .mapFinished = $0 { true } else { false } }) { break }
        }
        let ensembles = Self.ensembles(actions)
        // Whatever of a's came before b was asked for; after b's first result, only b's.
        let firstB = ensembles.firstIndex { $0.1 == b }
        #expect(firstB != nil)
        if let firstB { #expect(ensembles[firstB...].allSatisfy { $0.1 == b }) }
        #expect(ensembles.last?.0.settings.members == 2000)
        let map = actions.compactMap { if case .mapFinished(let m) = $0 { m } else { nil } }.first
        #expect(map.map(request.isAnswered) == true)
        worker.cancelAll()
    }

    @Test("the levers across worlds run with at most 2,000 members")
    func robustnessMembers() {
        let signal = DispatchSemaphore(value: 0)
        let worker = Worker(threads: 2, settings: EnsembleSettings(members: 10_000)) { signal.signal() }
        worker.request(.robustness(Scenario()))
        let actions = Self.collect(worker, signal, count: 1)
        let result = actions.compactMap { if case .robustnessFinished(let r) = $0 { r } else { nil } }.first
        #expect(result?.settings.members == 2000)
        worker.cancelAll()
    }
}
