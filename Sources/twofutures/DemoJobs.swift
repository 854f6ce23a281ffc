import Dashboard
import FuturesModel

/// The jobs a headless demo's screens ask for (`State.jobs`), answered at once, as the
/// dashboard's worker answers them, and each computed once: an animated demo asks for the
/// same scenario's ensemble many times.
final class DemoJobs {
    let settings: EnsembleSettings
    let threads: Int
    private var ensembles: [Scenario: EnsembleResult] = [:]
    private var robustness: [Scenario: RobustnessResult] = [:]
    private var maps: [FuturesMap] = []

    init(settings: EnsembleSettings, threads: Int) {
        self.settings = settings
        self.threads = threads
    }

    /// Whether ensembles run at all (not with `--members 0`).
    var runsEnsembles: Bool { settings.members > 0 }

    /// The answer to `job`, as the action the worker would deliver.
    func answer(_ job: Job) -> Action? {
        switch job {
        case .ensemble(let scenario):
            return ensemble(scenario).map { .ensembleFinished($0, for: scenario) }
        case .robustness(let scenario):
            guard runsEnsembles else { return nil }
            if robustness[scenario] == nil {
                robustness[scenario] = Robustness.run(scenario, settings: settings, threads: threads)
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

    /// The ensemble of `scenario`; nil with `--members 0`.
    func ensemble(_ scenario: Scenario) -> EnsembleResult? {
        guard runsEnsembles else { return nil }
        if let hit = ensembles[scenario] { return hit }
        let result = Ensemble.run(scenario, settings: settings, threads: threads)
        ensembles[scenario] = result
        return result
    }
}
