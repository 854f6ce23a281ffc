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

    static func worker(_ settings: EnsembleSettings, threads: Int, _ signal: DispatchSemaphore) -> Worker {
        Worker(executor: JobExecutor(settings: settings, threads: threads)) { signal.signal() }
    }

    static func ensembles(_ actions: [Action]) -> [(EnsembleResult, Scenario)] {
        actions.compactMap {
            if case .jobFinished(let r) = $0, case .ensemble(let s) = r.job, case .ensemble(let e) = r.output {
                return (e, s)
            }
            return nil
        }
    }

    static func maps(_ actions: [Action]) -> [FuturesMap] {
        actions.compactMap { if case .jobFinished(let r) = $0, case .map(let m) = r.output { m } else { nil } }
    }

    @Test("an ensemble arrives first with 1,000 members, then in full, equal to a one-shot run")
    func progressive() {
        let signal = DispatchSemaphore(value: 0)
        let settings = EnsembleSettings(members: 3000)
        let worker = Self.worker(settings, threads: 2, signal)
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
        let worker = Self.worker(EnsembleSettings(members: 2000), threads: 1, signal)
        let a = Scenario(), b = Scenario(levers: Preset.future1.levers)
        worker.request(.ensemble(a))
        worker.request(.ensemble(b))
        let request = MapRequest(scenario: b, x: .lever(.exportControls), y: .policyStart, nx: 5, ny: 4)
        worker.request(.map(request))
        var actions: [Action] = []
        while signal.wait(timeout: .now() + 60) == .success {
            actions += worker.take()
            let done = Self.ensembles(actions).contains { $0.0.settings.members == 2000 && $0.1 == b }
            if done && !Self.maps(actions).isEmpty { break }
        }
        let ensembles = Self.ensembles(actions)
        // Whatever of a's came before b was asked for; after b's first result, only b's.
        let firstB = ensembles.firstIndex { $0.1 == b }
        #expect(firstB != nil)
        if let firstB { #expect(ensembles[firstB...].allSatisfy { $0.1 == b }) }
        #expect(ensembles.last?.0.settings.members == 2000)
        let map = Self.maps(actions).first
        #expect(map.map(request.isAnswered) == true)
        worker.cancelAll()
    }

    @Test("the levers across worlds run over the ensemble's members, the screen's one count")
    func robustnessMembers() {
        let signal = DispatchSemaphore(value: 0)
        let worker = Self.worker(EnsembleSettings(members: 3000), threads: 2, signal)
        worker.request(.robustness(Scenario()))
        let actions = Self.collect(worker, signal, count: 1)
        let result = actions.compactMap {
            if case .jobFinished(let r) = $0, case .robustness(let result) = r.output { result } else { nil }
        }.first
        #expect(result?.settings.members == 3000)
        worker.cancelAll()
    }

    @Test("the answer arrives first over 250 worlds, then over all (at most 2,000), equal to one-shot runs")
    func answerRefines() throws {
        let settings = EnsembleSettings(members: 300, seed: 5)
        let scenario = Scenario(levers: Preset.future1.levers)
        var results: [JobResult] = []
        JobExecutor(settings: settings, threads: 2).run(.answer(scenario)) { results.append($0) }
        #expect(results.map(\.complete) == [false, true])
        let answers = results.compactMap { if case .answer(let a) = $0.output { a } else { nil } }
        #expect(answers.map(\.settings.members) == [250, 300])
        var first = settings
        first.members = 250
        #expect(answers.first == Answer.compute(scenario, settings: first, threads: 1))
        #expect(answers.last == Answer.compute(scenario, settings: settings, threads: 1))
        // Cancelled, it delivers nothing.
        var none: [JobResult] = []
        JobExecutor(settings: settings, threads: 2).run(.answer(scenario), isCancelled: { true }) { none.append($0) }
        #expect(none.isEmpty)
    }
}
