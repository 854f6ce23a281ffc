import ArgumentParser
import Dashboard
import FoundationEssentials
import FuturesModel
import Storage
import TOML
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures` (or `twofutures dashboard`): the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live dashboard (the default): move the levers, watch both futures respond.",
        discussion: "Press ? inside for every key. Needs a terminal; use `twofutures run` for headless output."
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "Colour theme to start with (see `twofutures themes`; t / T switch live).")
    var theme: String?

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    @Flag(help: .hidden)
    var exitAfterFirstFrame = false

    /// A test hook, hidden from --help: crash on purpose once the first frame is on the
    /// screen, `trap` (a Swift runtime trap, as from fatalError or an overflow) or `segv`
    /// (a write to an unmapped address), so that the end-to-end tests can check that even
    /// then the terminal is restored and the exit status is the signal's.
    @Option(help: .hidden)
    var crashForTesting: String?

    func run() throws {
        let crash = try crashForTesting.map { name in
            guard let kind = App.Crash(rawValue: name) else {
                throw InputError("--crash-for-testing must be trap or segv, got '\(name)'")
            }
            return kind
        }
        // A version-1 file or token is said once, in the status bar (stderr is hidden).
        let lenses = scenarioOptions.lensCatalog()
        let (scenario, notice) = try scenarioOptions.scenarioAndNotice(catalog: lenses)
        let settings = try ensembleOptions.settings(defaultMembers: Job.screenMembers)
        // Leave a core for the interface.
        let threads = try ensembleOptions.threadCount(default: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        var index = catalog.themes.firstIndex { $0.name == "dark" } ?? 0
        if let name = theme {
            guard let found = catalog.themes.firstIndex(where: { $0.name == name }) else {
                if let bad = catalog.errors.first(where: { fileStem($0.path) == name }) {
                    throw InputError("theme '\(name)' cannot be used: \(bad)")
                }
                throw InputError(
                    "unknown theme '\(sanitized(untrusted: name))'; available: "
                        + "\(catalog.themes.map(\.name).joined(separator: ", "))")
            }
            index = found
        }
        do {
            try Terminal.checkUsable()
        } catch let error as TerminalUnavailable {
            throw InputError(
                "the dashboard needs an interactive terminal (\(error.description)); "
                    + "for headless output use `twofutures run --format table`")
        }
        var app = App(
            scenario: scenario, settings: settings, threads: threads, themes: catalog.themes, themeIndex: index,
            lenses: lenses.lenses,
            warning: catalog.errors.first.map { e in
                "skipped \(catalog.errors.count) bad theme file\(catalog.errors.count == 1 ? "" : "s"): \(e)"
            } ?? notice ?? "", crashForTesting: crash)
        app.exitAfterFirstFrame = exitAfterFirstFrame
        let status = try app.run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// A path's file name without its extension.
func fileStem(_ path: String) -> String {
    let name = fileName(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}

/// A path's last component: "/a/b.toml" → "b.toml".
func fileName(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
}
