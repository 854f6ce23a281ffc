import ArgumentParser
import Foundation
import FuturesModel

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
            at the bottom. JSON: docs/MODEL.md section 5; CSV: one row per point.
            Examples:
              twofutures map export_controls smuggling_enforcement --format table
              twofutures map export_controls policy_start --preset future1 --size 25x25
              twofutures map controls_backfire control_leakage --preset future1 --format json
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
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let scenario = try scenarioOptions.scenario()
        let map = FuturesMap.compute(scenario, x: xID, y: yID, nx: nx, ny: ny, threads: threadCount)!
        switch format {
        case .json: print(map.json(), terminator: "")
        case .csv: print(map.csv(), terminator: "")
        case .table: print(map.table(), terminator: "")
        }
    }
}
