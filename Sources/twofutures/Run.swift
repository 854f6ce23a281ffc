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

/// Options that set up a scenario: shared by `run`, `seek`, the dashboard and every command
/// that describes one scenario. A `--scenario` file or token comes first; `--lens` then
/// sets all ten assumptions; `--preset` (levers), `--horizon` and `--set` override both.
struct ScenarioOptions: ParsableArguments {
    @Option(
        name: .customLong("scenario"),
        help: ArgumentHelp(
            "A scenario file (TOML) or share token (tf2:...); --lens, --preset, --horizon and --set override it.",
            valueName: "file|token"))
    var source: String?

    @Option(
        help: ArgumentHelp(
            "A lens (see `twofutures lenses`): sets all ten assumptions, after --scenario; --set overrides it.",
            valueName: "id"))
    var lens: LensName?

    @Option(help: ArgumentHelp("A folder of lens files searched before the others.", valueName: "dir"))
    var lensDir: String?

    @Option(help: "Lever preset (default status_quo).")
    var preset: Checked<Preset>?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set levers, policy_start or assumptions: id=value[,id=value...]; a lever also takes 70%, "
                + "policy_start months 0-24 or a date 2026-01 to 2028-01.",
            valueName: "id=value"))
    var assignments: [String] = []

    @Option(parsing: .unconditional, help: "Months to simulate, 12-120 (default 36: January 2029).")
    var horizon: String?

    /// The scenario these options describe, validated; no value is ever clamped. A
    /// version-1 file or token is said once, in one line on stderr.
    func scenario() throws -> Scenario {
        let (scenario, notice) = try scenarioAndNotice()
        ScenarioSource.report(notice)
        return scenario
    }

    /// The scenario and the version-1 notice of its `--scenario` input, if any. `catalog`:
    /// the lenses when the caller has read them already.
    func scenarioAndNotice(catalog given: LensCatalog? = nil) throws -> (Scenario, String?) {
        // The lens files are read only when a lens is asked for or a file may name one.
        var catalog = given
        func lenses() -> LensCatalog {
            if let catalog { return catalog }
            let found = lensCatalog()
            catalog = found
            return found
        }
        let loaded = try source.map { try ScenarioSource.load($0, lenses: { lenses().lenses }) }
        var s = loaded?.scenario ?? Scenario()
        if let lens { s.assumptions = try lens.lens(in: lenses()).assumptions }
        if let preset {
            s.levers = try preset.value().levers
            s.policyStart = 0
        }
        if let horizon { s.horizon = try InputParser.horizon(horizon) }
        try Self.apply(assignments, to: &s)
        return (s, loaded?.notice)
    }

    /// The lenses of `--lens-dir`, the user's folder and the shipped ones (see `LensStore`).
    func lensCatalog() -> LensCatalog { LensStore.catalog(lensDir: lensDir) }

    /// Applies `--set` texts in order (later wins).
    static func apply(_ assignments: [String], to s: inout Scenario) throws {
        for text in assignments {
            for (id, value) in try InputParser.assignments(text) { s[id] = value }
        }
    }
}

/// Ensemble options.
struct EnsembleOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Ensemble members (0 = none). run: json and csv run none unless asked, the table 2000; dashboard: 2000.")
    var members: String?

    @Option(parsing: .unconditional, help: "Ensemble seed (default 1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Ensemble uncertainty r, 0-1 (default 0.5).")
    var uncertainty: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Worker threads for the ensemble (default: all cores).", visibility: .hidden))
    var threads: String?

    func settings(defaultMembers: Int) throws -> EnsembleSettings {
        EnsembleSettings(
            members: try members.map(InputParser.members) ?? defaultMembers,
            seed: try seed.map(InputParser.seed) ?? Constants.defaultSeed,
            uncertainty: try uncertainty.map(InputParser.uncertainty) ?? Constants.defaultUncertainty)
    }

    /// The worker threads asked for, or `fallback`.
    func threadCount(default fallback: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Int {
        try threads.map(InputParser.threads) ?? fallback
    }
}

/// `twofutures run`: the headless mode, for scripts, tests and checks.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the model headless and print json, csv or a table.",
        discussion: """
            --worlds adds the results across worlds (docs/MODEL.md section 4): the summary \
            (median lead, P(Future 1), P(Future 2), P(China's markets)), sensitivity, the Shapley \
            split and the response curves, each over the same worlds (--worlds-members, default \
            2000, with the seed and uncertainty of --seed and --uncertainty; with or without \
            --members). JSON: docs/MODEL.md section 5, with "worlds" when asked. CSV: one row per \
            month (the series, and the bands with --members); the results across worlds are not \
            per month and have no CSV form. The table: the outcome, what moves it and, with \
            --worlds, the largest swings across worlds and the Shapley split in words.
            Examples:
              twofutures run --preset future1 --format table
              twofutures run --set smuggling_enforcement=70%,control_leakage=0.9 --format json
              twofutures run --preset future1 --set policy_start=2027-01 --format table
              twofutures run --preset status-quo --members 10000 --seed 7 --format csv
              twofutures run --preset future1 --worlds --format table
              twofutures run --preset future1 --worlds --worlds-members 20000 --seed 11 --format json
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var ensembleOptions: EnsembleOptions

    @Flag(help: "Add the results across worlds (json and table).")
    var worlds = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Worlds for --worlds, 1-\(Constants.maxMembers) (default \(WorldsAnalysis.defaultMembers)).",
            valueName: "n"))
    var worldsMembers: String?

    @Option(help: "Output format.")
    var format = Checked<OutputFormat>("table")

    func run() throws {
        let format = try format.value()
        let worldsMembers = try self.worldsMembers.map {
            try InputParser.members($0, option: "--worlds-members", minimum: 1)
        }
        if worldsMembers != nil && !worlds { throw InputError("--worlds-members needs --worlds") }
        if worlds && format == .csv {
            throw InputError("--worlds has no csv form (csv is one row per month): use --format json or table")
        }
        let scenario = try scenarioOptions.scenario()
        let settings = try ensembleOptions.settings(defaultMembers: format == .table ? 2000 : 0)
        let threads = try ensembleOptions.threadCount()
        let analysis = Analysis(scenario)
        let ensemble =
            settings.members > 0
            ? Ensemble.run(scenario, settings: settings, threads: threads) : nil
        let drivers = ensemble == nil ? nil : Drivers.compute(scenario, settings: settings)
        let acrossWorlds =
            worlds
            ? WorldsAnalysis.compute(
                scenario,
                settings: EnsembleSettings(
                    members: worldsMembers ?? WorldsAnalysis.defaultMembers, seed: settings.seed,
                    uncertainty: settings.uncertainty),
                threads: threads)! : nil
        let document = RunDocument(analysis: analysis, ensemble: ensemble, drivers: drivers, worlds: acrossWorlds)
        switch format {
        case .json: print(document.json(), terminator: "")
        case .csv: print(document.csv(), terminator: "")
        case .table: print(document.table(), terminator: "")
        }
    }
}
