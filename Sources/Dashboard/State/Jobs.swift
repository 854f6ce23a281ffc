import FuturesModel

/// Work the shell runs off the main thread for what the screen shows now. One request of
/// each kind is live at a time: a newer one supersedes the older (latest wins), and a
/// kind the screen stops needing is dropped. Its results come back as
/// `Action.jobFinished`, possibly several (a quick partial result first); one that no
/// longer answers the screen is dropped.
///
/// A new kind of job is a change of three places: this file (the case, its output, when
/// the screen shows it and whether it still needs it), the shell's `JobExecutor` (how it
/// runs), and the panel that draws it.
public enum Job: Sendable, Hashable {
    /// The ensemble of the scenario (the bands, the probabilities).
    case ensemble(Scenario)
    /// The ensembles of the Future 1 and Future 2 presets under the scenario's assumptions
    /// and horizon, starting now (MODEL.md §2 "Presets": a delayed policy shows its cost
    /// against them): the charts' Future 1 and Future 2 lines across worlds. Its scenario is
    /// `Job.futuresScenario(_:)`'s, so that a lever's move or a new start asks for nothing new.
    case futures(Scenario)
    /// Levers across worlds (MODEL.md §4), for the "across worlds" panel.
    case robustness(Scenario)
    /// The map of futures for the map view: across worlds or the central run, as its
    /// request says.
    case map(MapRequest)
    /// The answer (which lever moves which future, under whose assumptions) for its view.
    case answer(Scenario)
    /// Every result across worlds of the scenario (MODEL.md §4 "Across worlds": the
    /// summary, sensitivity, attribution and response) while the screen speaks across worlds.
    case worlds(Scenario)
    /// The Summaries of a change's reference and its scenario over the ensemble's worlds
    /// (so that they are the outcome bar's numbers), for the explanation waiting for them.
    case explain(PendingExplanation)

    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        // `explain` after `worlds`: the serial worker completes the line after the panels.
        case ensemble, futures, worlds, explain, robustness, map, answer
    }

    /// The scenario a `futures` job is keyed by: the user's, with the Future 1 preset's
    /// levers and `policy_start` 0 (a preset's; the assumptions and horizon are the user's).
    public static func futuresScenario(_ scenario: Scenario) -> Scenario {
        var s = scenario
        s.levers = Preset.future1.levers
        s.policyStart = 0
        return s
    }

    /// The worlds everything on screen is computed over, unless `--members` says otherwise:
    /// the bands and probabilities (the ensemble), the presets' lines, the panels across
    /// worlds, the levers across worlds and the answer. One count, so that one set of worlds
    /// answers them all (worlds are paired: member i is the same world in each), and the
    /// numbers one screen shows twice agree: the outcome bar's P(F1) is the answer's "Yours"
    /// and the tornado's "now". 2,000 is what `answer` and `run --worlds` take by default
    /// and what the whole screen settles at within 100 ms. Only the map across worlds takes
    /// fewer a point (`WorldsMap.defaultMembers`, and says so).
    public static let screenMembers = WorldsAnalysis.defaultMembers
    /// The members of the first, quick band after a change; the full count follows.
    public static let firstMembers = 1000

    /// The ensembles one request runs in turn: the first `firstMembers` members, then all
    /// (one run where the ensemble is no larger).
    public static func ensembleSteps(_ settings: EnsembleSettings) -> [EnsembleSettings] {
        refining(settings, first: firstMembers, final: settings.members)
    }

    /// `settings` over `first` members, then over `final` (at most `settings`' members);
    /// one step where the final count is no more than the first.
    static func refining(_ settings: EnsembleSettings, first: Int, final: Int) -> [EnsembleSettings] {
        var full = settings
        full.members = min(settings.members, final)
        guard full.members > first else { return [full] }
        var quick = settings
        quick.members = first
        return [quick, full]
    }

    /// The worlds of the answer's first, quick result; it refines to the ensemble's.
    public static let firstAnswerMembers = 250

    /// The answers one request computes in turn: `firstAnswerMembers` worlds, then the
    /// ensemble's members (one run where that is no more).
    public static func answerSteps(_ settings: EnsembleSettings) -> [EnsembleSettings] {
        refining(settings, first: firstAnswerMembers, final: settings.members)
    }

    /// The worlds of the first, quick results across worlds after a change; they refine to
    /// the ensemble's.
    public static let firstWorldsMembers = 500

    /// The analyses across worlds one request computes in turn: `firstWorldsMembers` worlds,
    /// then the ensemble's members (one run where that is no more).
    public static func worldsSteps(_ settings: EnsembleSettings) -> [EnsembleSettings] {
        refining(settings, first: firstWorldsMembers, final: settings.members)
    }

    /// The most points a map across worlds computes (500 worlds each): about 55 ms on two
    /// cores; the plot shows them scaled.
    public static let worldsMapPoints = 1600
    /// A map across worlds computes a coarse grid first when the full one has more points.
    public static let firstWorldsMapPoints = 300

    /// The grids a map across worlds over a plot of `nx` × `ny` points computes in turn: a
    /// coarse one (a third of each side), then the plot's grid scaled down to at most
    /// `worldsMapPoints` (one grid where that has no more than `firstWorldsMapPoints`).
    public static func worldsMapGrids(nx: Int, ny: Int) -> [(nx: Int, ny: Int)] {
        let sizes = FuturesMap.sizes
        let scale = min(1, (Double(worldsMapPoints) / Double(nx * ny)).squareRoot())
        let full = (
            nx: max(sizes.lowerBound, Int(Double(nx) * scale)), ny: max(sizes.lowerBound, Int(Double(ny) * scale))
        )
        guard full.nx * full.ny > firstWorldsMapPoints else { return [full] }
        let coarse = (nx: max(sizes.lowerBound, full.nx / 3), ny: max(sizes.lowerBound, full.ny / 3))
        return [coarse, full]
    }

    /// The settings of a map across worlds: the ensemble's, with `WorldsMap.defaultMembers`
    /// members a point (at most the ensemble's).
    public static func worldsMapSettings(_ settings: EnsembleSettings) -> EnsembleSettings {
        var s = settings
        s.members = min(s.members, WorldsMap.defaultMembers)
        return s
    }

    public var kind: Kind {
        switch self {
        case .ensemble: .ensemble
        case .futures: .futures
        case .robustness: .robustness
        case .map: .map
        case .answer: .answer
        case .worlds: .worlds
        case .explain: .explain
        }
    }

    /// The job of `kind` whose result the screen keeps now: one for the current scenario
    /// (and the open map's request); nil when none would be kept.
    public static func current(_ kind: Kind, in state: State) -> Job? {
        switch kind {
        case .ensemble: .ensemble(state.scenario)
        case .futures: state.view.language == .acrossWorlds ? .futures(futuresScenario(state.scenario)) : nil
        case .robustness: .robustness(state.scenario)
        case .map: state.mapRequest.map { .map($0) }
        case .answer: state.view.mode.isAnswer ? .answer(state.scenario) : nil
        case .worlds: state.view.language == .acrossWorlds ? .worlds(state.scenario) : nil
        case .explain: state.view.pendingExplanation.map { .explain($0) }
        }
    }

    /// Whether the screen needs `job` run now: the ensemble whenever ensembles run, levers
    /// across worlds while their panel shows, the map and the answer while their view is
    /// open; none of the last three again once its complete result is in.
    func isNeeded(in state: State) -> Bool {
        guard state.results.ensembleMembers > 0 || kind == .map else { return false }
        let answered = state.results.latest[kind].map { $0.job == self && $0.complete } ?? false
        switch self {
        case .ensemble: return true
        case .robustness: return state.view.moves == .acrossWorlds && state.layout.moves.height > 2 && !answered
        case .futures, .map, .answer, .worlds, .explain: return !answered
        }
    }
}

/// What a job delivers: one case per `Job` case.
public enum JobOutput: Sendable, Equatable {
    case ensemble(EnsembleResult)
    case futures(FuturesEnsembles)
    case robustness(RobustnessResult)
    case map(FuturesMap)
    /// The map across worlds (a coarse grid first, then the full one).
    case worldsMap(WorldsMap)
    case answer(Answer)
    case worlds(WorldsAnalysis)
    /// The Summary of the reference, then of the scenario.
    case explain(before: Summary, after: Summary)
}

/// The ensembles of the Future 1 and Future 2 presets' levers under one scenario's
/// assumptions and horizon, starting now (what `Analysis.future1` / `future2` are for the
/// central run).
public struct FuturesEnsembles: Sendable, Equatable {
    public var future1: EnsembleResult
    public var future2: EnsembleResult

    public init(future1: EnsembleResult, future2: EnsembleResult) {
        self.future1 = future1
        self.future2 = future2
    }

    /// The ensemble of `future` (Future 1 or Future 2; nil for contested).
    public subscript(future: Future) -> EnsembleResult? {
        switch future {
        case .future1: future1
        case .future2: future2
        case .contested: nil
        }
    }
}

/// One result of a job: the job it answers, what it delivered, and whether it is the
/// job's last (a partial result, such as the first 1,000 members of an ensemble, is
/// followed by a refined one).
public struct JobResult: Sendable, Equatable {
    public var job: Job
    public var output: JobOutput
    public var complete: Bool

    public init(_ job: Job, _ output: JobOutput, complete: Bool = true) {
        self.job = job
        self.output = output
        self.complete = complete
    }
}

/// What the shell's jobs delivered: the latest result of each kind (possibly for an older
/// scenario while a new one computes: panels show it as stale), and the ensemble's size.
public struct Results: Sendable, Equatable {
    /// The members of the full ensemble (the status bar shows the refinement toward it);
    /// 0 runs no ensemble and no other job across worlds.
    public var ensembleMembers = Job.screenMembers
    /// The latest result of each kind.
    public private(set) var latest: [Job.Kind: JobResult] = [:]

    public init(ensembleMembers: Int = Job.screenMembers) { self.ensembleMembers = ensembleMembers }

    /// Keeps `result` as the latest of its kind.
    public mutating func keep(_ result: JobResult) { latest[result.job.kind] = result }

    /// Forgets the latest result of `kind`.
    public mutating func drop(_ kind: Job.Kind) { latest[kind] = nil }

    /// The latest ensemble.
    public var ensemble: EnsembleResult? {
        if case .ensemble(let e)? = latest[.ensemble]?.output { e } else { nil }
    }

    /// The scenario the latest ensemble was run for.
    public var ensembleScenario: Scenario? {
        if case .ensemble(let s)? = latest[.ensemble]?.job { s } else { nil }
    }

    /// The latest ensembles of the two presets, the scenario they were run for (with the
    /// Future 1 preset's levers, `Job.futuresScenario`), and whether they are final.
    public var futures: (scenario: Scenario, ensembles: FuturesEnsembles, complete: Bool)? {
        guard let result = latest[.futures], case .futures(let s) = result.job, case .futures(let f) = result.output
        else { return nil }
        return (s, f, result.complete)
    }

    /// The latest levers-across-worlds result (its scenario inside).
    public var robustness: RobustnessResult? {
        if case .robustness(let r)? = latest[.robustness]?.output { r } else { nil }
    }

    /// The latest map of futures (its scenario and axes inside).
    public var map: FuturesMap? {
        if case .map(let m)? = latest[.map]?.output { m } else { nil }
    }

    /// The latest map across worlds (its scenario, axes and grid inside), and whether it
    /// is final.
    public var worldsMap: (map: WorldsMap, complete: Bool)? {
        guard let result = latest[.map], case .worldsMap(let m) = result.output else { return nil }
        return (m, result.complete)
    }

    /// The latest answer (its scenario and worlds inside), and whether it is final.
    public var answer: (answer: Answer, complete: Bool)? {
        guard let result = latest[.answer], case .answer(let a) = result.output else { return nil }
        return (a, result.complete)
    }

    /// The latest results across worlds (their scenario and worlds inside), and whether
    /// they are final.
    public var worlds: (analysis: WorldsAnalysis, complete: Bool)? {
        guard let result = latest[.worlds], case .worlds(let w) = result.output else { return nil }
        return (w, result.complete)
    }
}

/// A map of futures to compute: the scenario, the two parameters, the plot's points, and
/// whether across worlds (each point the Summary of its worlds) or as set (the central run).
public struct MapRequest: Sendable, Hashable {
    public var scenario: Scenario
    public var x: ParameterID
    public var y: ParameterID
    public var nx: Int
    public var ny: Int
    public var acrossWorlds: Bool

    public init(scenario: Scenario, x: ParameterID, y: ParameterID, nx: Int, ny: Int, acrossWorlds: Bool = false) {
        self.scenario = scenario
        self.x = x
        self.y = y
        self.nx = nx
        self.ny = ny
        self.acrossWorlds = acrossWorlds
    }

    /// Whether `map` is the answer to this request.
    public func isAnswered(by map: FuturesMap) -> Bool {
        map.scenario == scenario && map.x.parameter == x && map.y.parameter == y && map.x.values.count == nx
            && map.y.values.count == ny
    }
}

extension State {
    /// What the screen needs computed now, at most one job per kind.
    public var jobs: [Job] {
        Job.Kind.allCases.compactMap { Job.current($0, in: self) }.filter { $0.isNeeded(in: self) }
    }

    /// The map the open map view asks for at the current size, if the view is open: across
    /// worlds while the screen speaks across worlds and ensembles run, else as set.
    public var mapRequest: MapRequest? {
        guard let view = view.mapView else { return nil }
        let y = view.y(for: selected)
        guard let grid = layout.mapGrid(y: y, halfBlocks: self.view.mapHalfBlocks) else { return nil }
        return MapRequest(
            scenario: scenario, x: selected, y: y, nx: grid.nx, ny: grid.ny,
            acrossWorlds: self.view.language == .acrossWorlds && results.ensembleMembers > 0)
    }

    /// Keeps `result` if it answers what the screen shows now (latest wins); drops it else.
    mutating func receive(_ result: JobResult) {
        if Job.current(result.job.kind, in: self) == result.job { results.keep(result) }
    }
}
