import ArgumentParser
import Dashboard
import Foundation
import FuturesModel
import Terminal

/// `twofutures` (or `twofutures dashboard`): the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live dashboard (the default): move the levers, watch both futures respond.",
        discussion: "Press ? inside for every key. Needs a terminal; use `twofutures run` for headless output."
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(parsing: .unconditional, help: "Ensemble members for the bands and probabilities (default 2000).")
    var members: String?

    @Option(parsing: .unconditional, help: "Ensemble seed (default 1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Ensemble uncertainty r, 0…1 (default 0.5).")
    var uncertainty: String?

    @Option(help: "Colour theme: \(Theme.builtIn.map(\.name).joined(separator: ", ")).")
    var theme: String?

    func run() throws {
        let scenario = try scenarioOptions.scenario()
        let settings = EnsembleSettings(
            members: try members.map(InputParser.members) ?? 2000,
            seed: try seed.map(InputParser.seed) ?? Constants.defaultSeed,
            uncertainty: try uncertainty.map(InputParser.uncertainty) ?? Constants.defaultUncertainty)
        let chosen =
            try theme.map { name -> Theme in
                guard let t = Theme.named(name) else {
                    throw InputError(
                        "unknown theme '\(name)'; available: \(Theme.builtIn.map(\.name).joined(separator: ", "))")
                }
                return t
            } ?? .dark
        do {
            try Terminal.checkUsable()
        } catch let error as TerminalUnavailable {
            throw InputError(
                "the dashboard needs an interactive terminal (\(error.description)); "
                    + "for headless output use `twofutures run --format table`")
        }
        let status = try App(scenario: scenario, settings: settings, theme: chosen).run()
        if status != 0 { throw ExitCode(status) }
    }
}
