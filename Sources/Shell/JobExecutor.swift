import Dashboard
import FuturesModel

/// Runs one job and hands over its results: the one place that knows how each kind of
/// `Job` is computed. The worker thread (live) and the runtime's synchronous answers
/// (headless demos, casts) both go through it.
public struct JobExecutor: Sendable {
    /// The ensemble's members, seed and spread, which every job across worlds takes (the
    /// map across worlds at most `WorldsMap.defaultMembers` a point); 0 members run none.
    public let settings: EnsembleSettings
    /// Threads per job.
    public let threads: Int
    /// The ensemble's buffers, reused from one run to the next.
    let workspace = EnsembleWorkspace()

    public init(settings: EnsembleSettings, threads: Int) {
        self.settings = settings
        self.threads = threads
    }

    /// Runs `job`, handing each result to `deliver` as it is ready: an ensemble twice, its
    /// first `Job.firstMembers` members (a band within a frame) and then all of them; the
    /// answer twice, over `Job.firstAnswerMembers` worlds and then the ensemble's, and the
    /// results across worlds over `Job.firstWorldsMembers` and then the ensemble's. A
    /// cancelled run delivers nothing more.
    public func run(
        _ job: Job, isCancelled: @escaping @Sendable () -> Bool = { false }, deliver: (JobResult) -> Void
    ) {
        switch job {
        case .ensemble(let scenario):
            guard settings.members > 0 else { return }
            let steps = Job.ensembleSteps(settings)
            for (i, step) in steps.enumerated() {
                let result = Ensemble.run(
                    scenario, settings: step, threads: threads, workspace: workspace, isCancelled: isCancelled)
                guard let result else { return }
                deliver(JobResult(job, .ensemble(result), complete: i == steps.count - 1))
            }
        case .futures(let scenario):
            // The two presets' ensembles, 1,000 members first like the scenario's own.
            guard settings.members > 0 else { return }
            let steps = Job.ensembleSteps(settings)
            var f2 = scenario
            f2.levers = Preset.future2.levers
            for (i, step) in steps.enumerated() {
                let one = Ensemble.run(
                    scenario, settings: step, threads: threads, workspace: workspace, isCancelled: isCancelled)
                guard let one else { return }
                let two = Ensemble.run(
                    f2, settings: step, threads: threads, workspace: workspace, isCancelled: isCancelled)
                guard let two else { return }
                let output = FuturesEnsembles(future1: one, future2: two)
                deliver(JobResult(job, .futures(output), complete: i == steps.count - 1))
            }
        case .robustness(let scenario):
            guard settings.members > 0 else { return }
            let result = Robustness.run(
                scenario, settings: settings, threads: threads, isCancelled: isCancelled)
            if let result { deliver(JobResult(job, .robustness(result))) }
        case .map(let r) where r.acrossWorlds:
            // A coarse grid first (a frame's worth of work), then the plot's, 500 worlds a point.
            guard settings.members > 0 else { return }
            let grids = Job.worldsMapGrids(nx: r.nx, ny: r.ny)
            for (i, grid) in grids.enumerated() {
                let map = WorldsMap.compute(
                    r.scenario, x: r.x, y: r.y, nx: grid.nx, ny: grid.ny, settings: Job.worldsMapSettings(settings),
                    threads: threads, isCancelled: isCancelled)
                guard let map else { return }
                deliver(JobResult(job, .worldsMap(map), complete: i == grids.count - 1))
            }
        case .map(let r):
            let map = FuturesMap.compute(
                r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny, threads: threads, isCancelled: isCancelled)
            if let map { deliver(JobResult(job, .map(map))) }
        case .worlds(let scenario):
            // 500 worlds first, then 2,000 (each step reuses the seed's cached draws).
            guard settings.members > 0 else { return }
            let steps = Job.worldsSteps(settings)
            for (i, step) in steps.enumerated() {
                let worlds = WorldsAnalysis.compute(
                    scenario, settings: step, threads: threads, isCancelled: isCancelled)
                guard let worlds else { return }
                deliver(JobResult(job, .worlds(worlds), complete: i == steps.count - 1))
            }
        case .explain(let pending):
            // Both over the ensemble's worlds (all its members, two scenarios: a few
            // milliseconds), so that the line's numbers are the outcome bar's: the same
            // worlds give the ensemble's probabilities and its median at the horizon.
            guard settings.members > 0 else { return }
            let summaries = WorldsEngine.summaries(
                [pending.reference, pending.scenario], settings: settings, threads: threads, isCancelled: isCancelled)
            guard let summaries else { return }
            deliver(JobResult(job, .explain(before: summaries[0], after: summaries[1])))
        case .answer(let scenario):
            // 250 worlds first (a table within a second), then 2,000.
            guard settings.members > 0 else { return }
            let steps = Job.answerSteps(settings)
            for (i, step) in steps.enumerated() {
                let answer = Answer.compute(
                    scenario, settings: step, lenses: Lens.builtIn, threads: threads, isCancelled: isCancelled)
                guard let answer else { return }
                deliver(JobResult(job, .answer(answer), complete: i == steps.count - 1))
            }
        }
    }
}
