import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of "Sensitivity across worlds": the Summary with one parameter at each end.
public struct WorldsSensitivityRow: Sendable, Equatable {
    public let parameter: ParameterID
    public let low: Summary
    public let high: Summary
    /// `high − low` for each of the four numbers.
    public var swing: Summary { high - low }

    public var id: String { parameter.spec.id }
    public var kind: ParameterKind { parameter.spec.kind }
}

/// "Attribution across worlds": the exact Shapley split of Summary(levers) −
/// Summary(base preset's levers) over the five levers.
public struct WorldsAttribution: Sendable, Equatable {
    public let base: Preset
    /// The Summary with the base preset's levers (coalition ∅).
    public let baseSummary: Summary
    /// Summary(levers as set) − `baseSummary`.
    public let total: Summary
    /// One share per lever, in table order; they add up to `total`.
    public let shares: [Summary]

    public subscript(id: LeverID) -> Summary { shares[id.rawValue] }

    /// From the Summaries of the 32 coalitions (`Shapley.scenario` order of masks).
    init(base: Preset, coalitions v: [Summary]) {
        self.base = base
        baseSummary = v[0]
        total = v[Shapley.coalitions - 1] - v[0]
        shares = Shapley.shares(v)
    }
}

/// One parameter's "Response across worlds": 11 points, each a Summary's median lead and
/// P(Future 1).
public struct WorldsResponse: Sendable, Equatable {
    public let parameter: ParameterID
    /// The parameter's values (`Response.samples`).
    public let values: [Double]
    public let medianLead: [Double]
    public let pFuture1: [Double]

    public var id: String { parameter.spec.id }
}

/// Every across-worlds result of one scenario (MODEL.md §4 "Across worlds", what `run
/// --worlds` reports): its Summary, sensitivity, attribution and response, over one set of
/// uniforms: 240 scenarios' worlds in one batch of the `WorldsEngine`.
public struct WorldsAnalysis: Sendable, Equatable {
    /// `run --worlds`'s default members.
    public static let defaultMembers = 2000

    public let scenario: Scenario
    public let settings: EnsembleSettings
    public let summary: Summary
    /// Sorted by |swing of median_lead|, largest first; equal swings keep table order.
    public let sensitivity: [WorldsSensitivityRow]
    public let attribution: WorldsAttribution
    /// The 16 parameters in `ParameterID.all` order.
    public let response: [WorldsResponse]

    /// The batch's scenarios: the scenario, each parameter at its min and max, the 32
    /// coalitions, and the 16 × 11 response points.
    package static func scenarios(_ scenario: Scenario) -> [Scenario] {
        var batch = [scenario]
        for id in ParameterID.all {
            for x in [id.spec.min, id.spec.max] { batch.append(scenario.with(id, x)) }
        }
        let base = Preset.future2.levers
        for mask in 0..<Shapley.coalitions { batch.append(Shapley.scenario(scenario, mask: mask, base: base)) }
        for id in ParameterID.all {
            for x in Response.samples(id) { batch.append(scenario.with(id, x)) }
        }
        return batch
    }

    /// Computes every result, members on `threads` cores; identical whatever `threads` is.
    /// Nil when `isCancelled` turns true.
    public static func compute(
        _ scenario: Scenario, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EnsemblePrecision = .single,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> WorldsAnalysis? {
        guard
            let s = WorldsEngine.summaries(
                scenarios(scenario), settings: settings, threads: threads, precision: precision,
                isCancelled: isCancelled)
        else { return nil }
        var at = 1
        let rows = ParameterID.all.map { id -> WorldsSensitivityRow in
            defer { at += 2 }
            return WorldsSensitivityRow(parameter: id, low: s[at], high: s[at + 1])
        }
        let attribution = WorldsAttribution(base: .future2, coalitions: Array(s[at..<(at + Shapley.coalitions)]))
        at += Shapley.coalitions
        let response = ParameterID.all.map { id -> WorldsResponse in
            defer { at += Response.count }
            let points = s[at..<(at + Response.count)]
            return WorldsResponse(
                parameter: id, values: Response.samples(id), medianLead: points.map(\.medianLead),
                pFuture1: points.map(\.pFuture1))
        }
        return WorldsAnalysis(
            scenario: scenario, settings: settings, summary: s[0],
            sensitivity: stableSorted(rows) { abs($0.swing.medianLead) > abs($1.swing.medianLead) },
            attribution: attribution, response: response)
    }
}

extension Scenario {
    /// This scenario with parameter `id` at `value`.
    func with(_ id: ParameterID, _ value: Double) -> Scenario {
        var s = self
        s[id] = value
        return s
    }
}
