import ArgumentParser
import FuturesModel

/// `twofutures parameters`: the levers, the policy's start and the assumptions with their
/// ids, ranges, units and sources; `--all` adds the fixed parameters.
struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what --set accepts, with sources, as Markdown tables or JSON.",
        discussion: """
            Each row gives the id, name, range, default, meaning and source line (MODEL.md section 2). \
            --all also lists the fixed parameters the results rest on (S_spur, D0, I0, u0, ...), with \
            their sources, or "a modelling choice" where there is none.
            """)

    @Flag(help: "Also list the fixed parameters.")
    var all = false

    @Option(help: "Output format: table (Markdown) or json.")
    var format = Checked<ReportFormat>("table")

    func run() throws {
        switch try format.value() {
        case .table: print(ParameterTable.markdown(fixed: all), terminator: "")
        case .json: print(ParameterTable.json(fixed: all), terminator: "")
        }
    }
}
