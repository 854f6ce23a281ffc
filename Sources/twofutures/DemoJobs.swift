import Dashboard
import FuturesModel

/// The jobs a headless demo's screens ask for (`State.jobs`), answered at once, as the
/// dashboard's worker answers them, and each computed once: an animated demo asks for the
/// same scenario's ensemble many times.
final class DemoJobs {
    let settings: EnsembleSettings
    let threads: Int
    /// Ensembles by member count (the first band's and the full one), then scenario.
    private var ensembles: [Int: [Scenario: EnsembleResult]] = [:]
    private var robustness: [Scenario: RobustnessResult] = [:]
    private var maps: [FuturesMap] = []

    init(settings: EnsembleSettings, threads: Int) {
        self.settings = settings
        self.threads = threads
    }

    /// Whether ensembles run at all (not with `--members 0`).
    var runsEnsembles: Bool { settings.members > 0 }

    /// The full ensemble of `scenario`; nil with `--members 0`.
    func ensemble(_ scenario: Scenario) -> EnsembleResult? {
        guard runsEnsembles else { return nil }
        return ensemble(scenario, settings)
    }

    /// Every answer to `job` in the order the worker delivers them: an ensemble's first
    /// band and then the full one (`Job.ensembleSteps`), else the one answer.
    func answers(_ job: Job) -> [Action] {
        guard case .ensemble(let scenario) = job else { return answer(job).map { [$0] } ?? [] }
        guard runsEnsembles else { return [] }
        return Job.ensembleSteps(settings).compactMap { step in
            ensemble(scenario, step).map { .ensembleFinished($0, for: scenario) }
        }
    }

    /// The answer to a job other than the ensemble (`DemoHeadless` attaches that itself).
    func answer(_ job: Job) -> Action? {
        switch job {
        case .ensemble:
            return nil
        case .robustness(let scenario):
            guard runsEnsembles else { return nil }
            if robustness[scenario] == nil {
                robustness[scenario] = Robustness.run(
                    scenario, settings: Job.robustnessSettings(settings), threads: threads)
            }
            return robustness[scenario].map { .robustnessFinished($0) }
        case .map(let request):
            if let map = maps.first(where: request.isAnswered) { return .mapFinished(map) }
            guard
                let map = FuturesMap.compute(
                    request.scenario, x: request.x, y: request.y, nx: request.nx, ny: request.ny, threads: threads)
            else { return nil }
            maps.append(map)
            return .mapFinished(map)
        }
    }

    private func ensemble(_ scenario: Scenario, _ step: EnsembleSettings) -> EnsembleResult? {
        if let hit = ensembles[step.members]?[scenario] { return hit }
        let result = Ensemble.run(scenario, settings: step, threads: threads)
        ensembles[step.members, default: [:]][scenario] = result
        return result
    }
}
