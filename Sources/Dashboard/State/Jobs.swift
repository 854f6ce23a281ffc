import FuturesModel

/// Work the shell runs off the main thread for what the screen shows now. One request of
/// each kind is live at a time: a newer one supersedes the older (latest wins), and a
/// kind the screen stops needing is dropped. Its result comes back as an `Action`.
public enum Job: Sendable, Equatable {
    /// The ensemble of the scenario (the bands, the probabilities).
    case ensemble(Scenario)
    /// Levers across worlds (MODEL.md §4), for the "across worlds" panel.
    case robustness(Scenario)
    /// The map of futures for the map view.
    case map(MapRequest)

    public enum Kind: Int, Sendable, Equatable, CaseIterable {
        case ensemble, robustness, map
    }

    /// The members of the first, quick band after a change; the full count follows.
    public static let firstMembers = 1000
    /// The members the levers across worlds run (their budget is set for 2,000).
    public static let robustnessMembers = 2000

    /// The ensembles one request runs in turn: the first `firstMembers` members, then all
    /// (one run where the ensemble is no larger).
    public static func ensembleSteps(_ settings: EnsembleSettings) -> [EnsembleSettings] {
        guard settings.members > firstMembers else { return [settings] }
        var first = settings
        first.members = firstMembers
        return [first, settings]
    }

    /// The settings of the levers across worlds: the ensemble's, with at most
    /// `robustnessMembers` members.
    public static func robustnessSettings(_ settings: EnsembleSettings) -> EnsembleSettings {
        var s = settings
        s.members = min(s.members, robustnessMembers)
        return s
    }

    public var kind: Kind {
        switch self {
        case .ensemble: .ensemble
        case .robustness: .robustness
        case .map: .map
        }
    }
}

/// A map of futures to compute: the scenario, the two parameters and the grid's points.
public struct MapRequest: Sendable, Equatable {
    public var scenario: Scenario
    public var x: ParameterID
    public var y: ParameterID
    public var nx: Int
    public var ny: Int

    public init(scenario: Scenario, x: ParameterID, y: ParameterID, nx: Int, ny: Int) {
        self.scenario = scenario
        self.x = x
        self.y = y
        self.nx = nx
        self.ny = ny
    }

    /// Whether `map` is the answer to this request.
    public func isAnswered(by map: FuturesMap) -> Bool {
        map.scenario == scenario && map.x.parameter == x && map.y.parameter == y && map.x.values.count == nx
            && map.y.values.count == ny
    }
}

extension State {
    /// What the screen needs computed now, at most one job per kind (the ensemble whenever
    /// `ensemble` is true; the shell passes false when it runs none, `--members 0`).
    public func jobs(ensemble: Bool = true) -> [Job] {
        var out: [Job] = []
        if ensemble { out.append(.ensemble(scenario)) }
        // Levers across worlds while their panel shows, and the map while it is open;
        // neither again once its answer is in.
        if ensemble, moves == .acrossWorlds, layout.moves.height > 2, robustness?.scenario != scenario {
            out.append(.robustness(scenario))
        }
        if let request = mapRequest, !(map.map(request.isAnswered) ?? false) { out.append(.map(request)) }
        return out
    }

    /// The map the open map view asks for at the current size, if the view is open.
    public var mapRequest: MapRequest? {
        guard let view = mapView, let rect = layout.charts.first?.rect else { return nil }
        let y = view.y(for: selected)
        guard let grid = MapChart.gridSize(in: rect, halfBlocks: mapHalfBlocks, y: y) else { return nil }
        return MapRequest(scenario: scenario, x: selected, y: y, nx: grid.nx, ny: grid.ny)
    }

    /// Whether the map draws two rows per cell in colour (not without colour or in ASCII).
    public var mapHalfBlocks: Bool { !noColor && theme.glyphs != .ascii }
}
