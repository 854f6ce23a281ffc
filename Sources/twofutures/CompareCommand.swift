import ArgumentParser
import Dashboard
import FoundationEssentials
import FuturesModel
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures compare A B [C…]`: scenarios side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenario files or share tokens side by side.",
        discussion: """
            Prints the outcome, the probabilities (an ensemble of 2000 members, seed 1: \
            P(Future 1), P(contested), P(Future 2) and P(China's markets)) and the \
            top 3 lever attributions of each scenario. --lens, then --set, apply to every \
            scenario, after it is loaded.
            Examples:
              twofutures compare tf2:50-30-20-30-20 tf2:90-85-85-85-75 --format table
              twofutures compare tf2:90-85-85-85-75 tf2:90-85-85-85-75+s12 --format json
              twofutures compare a.toml b.toml --set policy_start=2027-01
              twofutures compare tf2:50-30-20-30-20 tf2:90-85-85-85-75 --lens all-critics
            """
    )

    @Argument(help: ArgumentHelp("Two or more scenario files or share tokens.", valueName: "file|token"))
    var scenarios: [String] = []

    @Option(
        help: ArgumentHelp(
            "A lens (see `twofutures lenses`): sets all ten assumptions in every scenario; --set overrides it.",
            valueName: "id"))
    var lens: LensName?

    @Option(help: ArgumentHelp("A folder of lens files searched before the others.", valueName: "dir"))
    var lensDir: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set levers, policy_start or assumptions in every scenario: id=value[,id=value...].",
            valueName: "id=value"))
    var assignments: [String] = []

    @Option(help: "Output format.")
    var format = Checked<OutputFormat>("table")

    func run() throws {
        let format = try format.value()
        guard scenarios.count >= 2 else {
            throw InputError("compare needs at least two scenario files or tokens, got \(scenarios.count)")
        }
        let catalog = LensStore.catalog(lensDir: lensDir)
        let lens = try self.lens?.lens(in: catalog)
        let loaded = try scenarios.map { try ScenarioSource.load($0, lenses: { catalog.lenses }) }
        var items: [(label: String, scenario: Scenario)] = []
        for (i, entry) in loaded.enumerated() {
            ScenarioSource.report(entry.notice)
            var scenario = entry.scenario
            if let lens { scenario.assumptions = lens.assumptions }
            try ScenarioOptions.apply(assignments, to: &scenario)
            // A token is no column header: name it for its preset, or by its place.
            let label = ShareToken.looksLikeToken(entry.label) ? Comparison.name(scenario, number: i + 1) : entry.label
            items.append((label, scenario))
        }
        let comparison = Comparison(
            items, settings: EnsembleSettings(members: 2000, seed: 1),
            threads: ProcessInfo.processInfo.activeProcessorCount)
        switch format {
        case .json: print(comparison.json(), terminator: "")
        case .csv: print(comparison.csv(), terminator: "")
        case .table: print(comparison.table(), terminator: "")
        }
    }
}
