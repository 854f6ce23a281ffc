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

/// `twofutures robust`: levers across worlds (MODEL.md section 4), headless.
struct RobustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robust",
        abstract: "Levers across worlds: what each lever changes in every world of the ensemble.",
        discussion: """
            Six rows: each lever moved from its Future 2 preset value to its Future 1 value, and \
            the policy's start moved from 2027-01 to now, the rest as set. Every setting runs in \
            the same worlds: the ensemble's members, drawn once (paired draws). A row gives \
            P(Future 1) and P(Future 2) at both settings and the change, the median gain in \
            lead, the shares of worlds where it helps and hurts, and where it is pivotal (the \
            world's future changes). Rows by how far they move P(Future 1) and P(Future 2), \
            then by the median gain. JSON: docs/MODEL.md section 5.
            Examples:
              twofutures robust --preset future1 --format table
              twofutures robust --set controls_backfire=0.9,control_leakage=0.95 --format json
              twofutures robust --members 10000 --seed 7 --format csv
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(parsing: .unconditional, help: "Ensemble members, the worlds (default 2000).")
    var members: String?

    @Option(parsing: .unconditional, help: "Ensemble seed (default 1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Ensemble uncertainty r, 0-1 (default 0.5).")
    var uncertainty: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden))
    var threads: String?

    @Option(help: "Output format.")
    var format = Checked<OutputFormat>("table")

    func run() throws {
        let format = try format.value()
        let n = try members.map(InputParser.members) ?? 2000
        guard n > 0 else { throw InputError("--members must be at least 1 for robust, got '0'") }
        let settings = EnsembleSettings(
            members: n, seed: try seed.map(InputParser.seed) ?? Constants.defaultSeed,
            uncertainty: try uncertainty.map(InputParser.uncertainty) ?? Constants.defaultUncertainty)
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let scenario = try scenarioOptions.scenario()
        let result = Robustness.run(scenario, settings: settings, threads: threadCount)!
        switch format {
        case .json: print(result.json(), terminator: "")
        case .csv: print(result.csv(), terminator: "")
        case .table: print(result.table(), terminator: "")
        }
    }
}
