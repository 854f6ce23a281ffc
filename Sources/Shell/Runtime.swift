import Dashboard
import FuturesModel

/// The one runtime between the pure dashboard and the work it asks for. It builds the
/// `Analysis` of the scenario on screen (the only place that builds one), draws screens
/// with it, and answers jobs synchronously where no thread runs them (headless demos,
/// casts), each job once. The live session, headless demos, demo timelines, casts and
/// exports all go through it; the `Worker` runs its jobs live through the same
/// `JobExecutor`, and `JobRequests` says which requests changed.
public final class Runtime {
    /// How many synchronous answers are kept (an animated demo asks for the same
    /// scenario's jobs many times); the oldest go first.
    public static let answerLimit = 256

    public let executor: JobExecutor
    private var analysis: Analysis?
    /// Synchronous answers by job, and the order they were made in.
    private var answered: [Job: [JobResult]] = [:]
    private var answerOrder: [Job] = []

    public init(executor: JobExecutor) { self.executor = executor }

    public convenience init(settings: EnsembleSettings, threads: Int) {
        self.init(executor: JobExecutor(settings: settings, threads: threads))
    }

    /// The deterministic analysis of `scenario` (the central run, the curves, the
    /// sensitivity and attribution): built when the scenario changes, then reused.
    public func analysis(for scenario: Scenario) -> Analysis {
        if let analysis, analysis.scenario == scenario { return analysis }
        let built = Analysis(scenario)
        analysis = built
        return built
    }

    /// Every result of `job`, in the order the worker delivers them (an ensemble's first
    /// band, then the full one), computed here, once.
    public func answers(_ job: Job) -> [JobResult] {
        if let hit = answered[job] { return hit }
        var results: [JobResult] = []
        executor.run(job) { results.append($0) }
        answered[job] = results
        answerOrder.append(job)
        if answerOrder.count > Self.answerLimit { answered[answerOrder.removeFirst()] = nil }
        return results
    }

    /// `state` with every job its screen needs answered (the final answers), as a live
    /// dashboard shows it once its jobs have finished.
    public func settled(_ state: State) -> State {
        var state = state
        var asked = Set<Job>()
        // Answers can make other jobs needed (the panels across worlds follow the ensemble).
        while let job = state.jobs.first(where: { !asked.contains($0) }) {
            asked.insert(job)
            for result in answers(job) { reduce(&state, .jobFinished(result)) }
        }
        return state
    }

    /// The screen of `state` as it is drawn: with its analysis and the results it holds.
    public func screen(_ state: State) -> Screen { render(state, analysis(for: state.scenario)) }
}

/// The jobs asked for, per kind: the one place that works out which requests change when
/// the screen changes (the live session's worker and a demo timeline's virtual one).
public struct JobRequests: Sendable {
    private var requested: [Job.Kind: Job] = [:]

    public init() {}

    /// The requests that change for what `state`'s screen needs now (`State.jobs`): per
    /// kind, the new job that supersedes the last one, or nil where the kind is no longer
    /// needed (cancel it). Remembers them as asked for.
    public mutating func changes(for state: State) -> [(kind: Job.Kind, job: Job?)] {
        var wanted: [Job.Kind: Job] = [:]
        for job in state.jobs { wanted[job.kind] = job }
        var changes: [(kind: Job.Kind, job: Job?)] = []
        for kind in Job.Kind.allCases where requested[kind] != wanted[kind] {
            changes.append((kind, wanted[kind]))
            requested[kind] = wanted[kind]
        }
        return changes
    }
}
