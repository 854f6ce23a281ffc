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

/// `twofutures answer`: which lever moves which future, under whose assumptions (MODEL.md
/// section 4 "Answer"), headless.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Which lever moves which future, under whose assumptions: the levers across worlds, lens by lens.",
        discussion: """
            For the scenario's levers and start, eight columns: your assumptions, then the seven \
            lenses (twofutures lenses), each over worlds drawn around that column's assumptions \
            with the same draws (--members, default 2000; --seed; --uncertainty). Each column \
            gives the summary (median lead, P(Future 1), P(Future 2), P(China's markets)) with \
            your levers and with Future 2's, the summary with the policy starting a year later, \
            and the exact Shapley split between the five levers of the change from Future 2's \
            levers to yours. The table shows one probability (--future 1, 2 or markets): each \
            lever's points of it per column, the probability with both sets of levers, what a \
            year's delay costs, and which lever moves it most under each column's assumptions. \
            Across worlds, not a forecast. JSON: docs/MODEL.md section 5 (all four numbers, \
            whatever --future says). CSV: a tidy long table, one row per column and quantity: \
            column,name,kind,lever,median_lead,p_future1,p_future2,p_china_markets, with kind \
            summary, base (Future 2's levers), delayed, or shapley (one row per lever).
            Examples:
              twofutures answer --preset future1
              twofutures answer --preset status_quo --future 2
              twofutures answer --preset future1 --future markets --members 5000 --seed 7
              twofutures answer --preset status_quo --members 20000 --seed 5 --format json
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(parsing: .unconditional, help: "Worlds for each column, 1-1000000 (default 2000).")
    var members: String?

    @Option(parsing: .unconditional, help: "Ensemble seed (default 1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Ensemble uncertainty r, 0-1 (default 0.5).")
    var uncertainty: String?

    @Option(help: "The probability the table splits: 1 (Future 1), 2 (Future 2) or markets (China's markets).")
    var future = Checked<Summary.Verdict>("1")

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden))
    var threads: String?

    @Option(help: "Output format.")
    var format = Checked<OutputFormat>("table")

    func run() throws {
        let format = try format.value()
        let verdict = try future.value()
        let settings = EnsembleSettings(
            members: try members.map { try InputParser.members($0, option: "--members", minimum: 1) }
                ?? Answer.defaultMembers,
            seed: try seed.map(InputParser.seed) ?? Constants.defaultSeed,
            uncertainty: try uncertainty.map(InputParser.uncertainty) ?? Constants.defaultUncertainty)
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let scenario = try scenarioOptions.scenario()
        let answer = Answer.compute(scenario, settings: settings, threads: threadCount)!
        switch format {
        case .json: print(answer.json(), terminator: "")
        case .csv: print(answer.csv(), terminator: "")
        case .table: print(answer.table(for: verdict), terminator: "")
        }
    }
}
