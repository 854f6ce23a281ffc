import ArgumentParser
import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures map X Y`: the map of futures over two parameters (MODEL.md section 4).
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "The map of futures: which future each pair of values of two parameters reaches.",
        discussion: """
            X and Y are two different parameter ids: levers, policy_start or assumptions \
            (twofutures parameters lists them). Each takes NX (or NY) evenly spaced values over \
            its whole range, policy_start in whole months; every point is one deterministic run \
            with everything else as set. The table draws the map: # Future 1 (lead >= 12 \
            months), . contested, - Future 2 (lead <= 3 months), Y from high at the top to low \
            at the bottom. With --members N (the map across worlds), each point is also run \
            over N worlds with the same draws (--seed, --uncertainty): the JSON adds members, \
            seed, uncertainty and the grids median_lead, p_future1, p_future2 and \
            p_china_markets; the CSV adds those four columns; the table adds a second map, \
            P(Future 1) at each point in tenths (. in no world, 0-9, # for 95 % or more). JSON: \
            docs/MODEL.md section 5; CSV: one row per point.
            Examples:
              twofutures map export_controls smuggling_enforcement --format table
              twofutures map export_controls policy_start --preset future1 --size 25x25
              twofutures map controls_backfire control_leakage --preset future1 --format json
              twofutures map export_controls enforcement_effectiveness --preset future1 --members 500
            """
    )

    @Argument(help: "The parameter across (X), e.g. export_controls.")
    var x: String

    @Argument(help: "The parameter up (Y), e.g. smuggling_enforcement.")
    var y: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Points across and up, 2-200 each (default 41x21).", valueName: "NXxNY"))
    var size: String?

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(
        parsing: .unconditional,
        help: "Worlds a point for the map across worlds, 0-1000000 (default 0: the deterministic map only).")
    var members: String?

    @Option(parsing: .unconditional, help: "Ensemble seed for --members (default 1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Ensemble uncertainty r for --members, 0-1 (default 0.5).")
    var uncertainty: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden))
    var threads: String?

    @Option(help: "Output format.")
    var format = Checked<OutputFormat>("table")

    func run() throws {
        let format = try format.value()
        let xID = try InputParser.parameter(x), yID = try InputParser.parameter(y)
        guard xID != yID else {
            throw InputError("map needs two different parameters, got '\(xID.spec.id)' for both X and Y")
        }
        let (nx, ny) = try size.map(InputParser.mapSize) ?? (41, 21)
        let settings = EnsembleSettings(
            members: try members.map(InputParser.members) ?? 0,
            seed: try seed.map(InputParser.seed) ?? Constants.defaultSeed,
            uncertainty: try uncertainty.map(InputParser.uncertainty) ?? Constants.defaultUncertainty)
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let scenario = try scenarioOptions.scenario()
        let map = FuturesMap.compute(scenario, x: xID, y: yID, nx: nx, ny: ny, threads: threadCount)!
        let worlds =
            settings.members > 0
            ? WorldsMap.compute(scenario, x: xID, y: yID, nx: nx, ny: ny, settings: settings, threads: threadCount)!
            : nil
        switch format {
        case .json: print(map.json(worlds: worlds), terminator: "")
        case .csv: print(map.csv(worlds: worlds), terminator: "")
        case .table: print(map.table(worlds: worlds), terminator: "")
        }
    }
}
