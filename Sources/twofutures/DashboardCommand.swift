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

    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "Colour theme: \(Theme.builtIn.map(\.name).joined(separator: ", ")).")
    var theme: String?

    func run() throws {
        let scenario = try scenarioOptions.scenario()
        let settings = try ensembleOptions.settings(defaultMembers: 2000)
        // Leave a core for the interface.
        let threads = try ensembleOptions.threadCount(default: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
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
        let status = try App(scenario: scenario, settings: settings, threads: threads, theme: chosen).run()
        if status != 0 { throw ExitCode(status) }
    }
}
