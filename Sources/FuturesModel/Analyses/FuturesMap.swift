import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One axis of a map of futures: a parameter and the values it takes, low to high.
public struct MapAxis: Sendable, Equatable {
    public let parameter: ParameterID
    public let values: [Double]

    /// `count` points over the parameter's range [lo, hi] (MODEL.md §4 "Map of futures"):
    /// x_i = lo + i·(hi − lo)/(count − 1), the last exactly hi whatever the rounding (0.2 +
    /// 3·0.8/3 is 1.0000000000000004, out of range); for `policy_start` each rounded half up
    /// to a whole month.
    public init(_ parameter: ParameterID, count: Int) {
        precondition(FuturesMap.sizes.contains(count), "a map axis has 2…200 points")
        let lo = parameter.spec.min, hi = parameter.spec.max
        self.parameter = parameter
        values = (0..<count).map { i in
            let x = i == count - 1 ? hi : lo + Double(i) * (hi - lo) / Double(count - 1)
            return parameter == .policyStart ? Double(Scenario.wholeMonth(x)) : x
        }
    }

    public var id: String { parameter.spec.id }
}

/// The map of futures over two parameters (MODEL.md §4): one deterministic run per point,
/// the lead at the horizon and its future.
public struct FuturesMap: Sendable, Equatable {
    /// The allowed number of points along each axis.
    public static let sizes = 2...200

    public let scenario: Scenario
    public let x: MapAxis
    public let y: MapAxis
    /// `leadMonths[j][i]`: the lead at the horizon with X = x.values[i] and Y = y.values[j];
    /// rows j from Y's low end to its high end.
    public let leadMonths: [[Double]]

    /// `futures[j][i]`, the future of each point.
    public var futures: [[Future]] { leadMonths.map { $0.map(Future.init(lead:)) } }

    /// Runs the map synchronously on one thread.
    public init(_ scenario: Scenario, x: ParameterID, y: ParameterID, nx: Int, ny: Int) {
        self = Self.compute(scenario, x: x, y: y, nx: nx, ny: ny, threads: 1)!
    }

    private init(scenario: Scenario, x: MapAxis, y: MapAxis, leadMonths: [[Double]]) {
        self.scenario = scenario
        self.x = x
        self.y = y
        self.leadMonths = leadMonths
    }

    /// Runs every point: X = x_i and Y = y_j, everything else as set; each cell is
    /// `Simulation.outcome` of that scenario, bit for bit, whatever `threads` is. X and Y
    /// must differ, and nx, ny lie in `sizes`. Nil when `isCancelled` turns true (checked
    /// before each row), for the dashboard's worker (latest wins).
    public static func compute(
        _ scenario: Scenario, x: ParameterID, y: ParameterID, nx: Int, ny: Int,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> FuturesMap? {
        precondition(x != y, "a map needs two different parameters")
        let xAxis = MapAxis(x, count: nx), yAxis = MapAxis(y, count: ny)
        let threadCount = max(1, min(threads, 64, ny))
        var leads = [Double](repeating: 0, count: nx * ny)
        let cancelled = leads.withUnsafeMutableBufferPointer { buffer -> Bool in
            let out = SendablePointer(buffer.baseAddress!)
            let flags = CancelFlag()
            // Rows are dealt out in turn: the cost of a run depends on the point, not the row.
            Ensemble.parallel(threadCount) { worker in
                for j in stride(from: worker, to: ny, by: threadCount) {
                    if isCancelled() {
                        flags.set()
                        return
                    }
                    var s = scenario
                    s[y] = yAxis.values[j]
                    let row = xAxis.values.map { value in
                        s[x] = value
                        return s
                    }
                    for (i, o) in Simulation.outcomes(row).enumerated() { out.pointer[j * nx + i] = o.leadMonths }
                }
            }
            return flags.isSet
        }
        if cancelled { return nil }
        let rows = (0..<ny).map { j in Array(leads[(j * nx)..<((j + 1) * nx)]) }
        return FuturesMap(scenario: scenario, x: xAxis, y: yAxis, leadMonths: rows)
    }
}

/// The map across worlds (MODEL.md §4): the map's grid, each point the Summary of its
/// scenario over one set of uniforms (`twofutures map --members N`), one batch of the
/// `WorldsEngine`.
public struct WorldsMap: Sendable, Equatable {
    /// The dashboard's members a point.
    public static let defaultMembers = 500

    public let scenario: Scenario
    public let settings: EnsembleSettings
    public let x: MapAxis
    public let y: MapAxis
    /// `cells[j][i]`: the Summary with X = x.values[i] and Y = y.values[j].
    public let cells: [[Summary]]

    /// Runs every point (X ≠ Y, nx and ny in `FuturesMap.sizes`); identical whatever
    /// `threads` is. Nil when `isCancelled` turns true.
    public static func compute(
        _ scenario: Scenario, x: ParameterID, y: ParameterID, nx: Int, ny: Int, settings: EnsembleSettings,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EnsemblePrecision = .single,
        isCancelled: @Sendable () -> Bool = { false }
    ) -> WorldsMap? {
        precondition(x != y, "a map needs two different parameters")
        let xAxis = MapAxis(x, count: nx), yAxis = MapAxis(y, count: ny)
        let batch = yAxis.values.flatMap { yv in xAxis.values.map { xv in scenario.with(y, yv).with(x, xv) } }
        guard
            let s = WorldsEngine.summaries(
                batch, settings: settings, threads: threads, precision: precision, isCancelled: isCancelled)
        else { return nil }
        return WorldsMap(
            scenario: scenario, settings: settings, x: xAxis, y: yAxis,
            cells: (0..<ny).map { j in Array(s[(j * nx)..<((j + 1) * nx)]) })
    }
}
