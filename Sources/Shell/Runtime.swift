import Dashboard
import FuturesModel

/// The one runtime between the pure dashboard and the work it asks for. It builds the
/// `Analysis` of the scenario on screen (the only place that builds one), draws screens
/// with it, and answers jobs synchronously where no thread runs them (headless demos,
/// casts), each job once. The live session, headless demos, demo timelines, casts and
/// exports all go through it; the `Worker` runs its jobs live through the same
/// `JobExecutor`, and `JobRequests` says which requests changed.
public final class Runtime {
    /// Every cache the dashboard's work keeps, and its bound: the one place they are set.
    ///
    /// - The analysis: the last scenario's only (rebuilt when the scenario changes).
    /// - The ensemble's workspace (`EnsembleWorkspace`, one per `JobExecutor`): the largest
    ///   run's rows, 5.9 + 0.6 MB at 10,000 members over 36 months; bounded by members ×
    ///   horizon.
    /// - The draw cache (`DrawCache.shared`, FuturesModel): `drawTables` uniform tables
    ///   (0.8 MB each at 10,000 members) and `drawWorlds` drawn worlds (1.36 MB each), each
    ///   kind at most `drawBytes`.
    /// - `answers` synchronous job answers (headless demos and casts), oldest out first.
    public struct Bounds: Sendable, Equatable {
        public var drawTables = 3
        public var drawWorlds = 6
        public var drawBytes = 24 << 20
        public var answers = 256

        public init() {}
    }

    public let bounds: Bounds
    public let executor: JobExecutor
    private var analysis: Analysis?
    /// Synchronous answers by job, and the order they were made in.
    private var answered: [Job: [JobResult]] = [:]
    private var answerOrder: [Job] = []

    /// A runtime running its jobs through `executor`, within `bounds` (which it sets on the
    /// process's draw cache).
    public init(executor: JobExecutor, bounds: Bounds = Bounds()) {
        self.executor = executor
        self.bounds = bounds
        DrawCache.shared.bounds = DrawCache.Bounds(
            tables: bounds.drawTables, worlds: bounds.drawWorlds, bytes: bounds.drawBytes)
    }

    public convenience init(settings: EnsembleSettings, threads: Int, bounds: Bounds = Bounds()) {
        self.init(executor: JobExecutor(settings: settings, threads: threads), bounds: bounds)
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
        if answerOrder.count > bounds.answers { answered[answerOrder.removeFirst()] = nil }
        return results
    }

    /// How many synchronous answers are kept now.
    public var answersKept: Int { answered.count }

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
