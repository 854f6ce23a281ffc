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

/// `twofutures lenses`: the lenses found and where they come from; `--check` validates files.
struct LensesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lenses",
        abstract: "List the lenses found (named sets of assumptions), with their files, or check lens files.",
        discussion: """
            A lens sets all ten assumptions at once to voice one argument: the essay's view, a \
            critic's objection, or the essay at its strongest. Use one with --lens ID on run, \
            seek, compare and the dashboard; --set overrides it. The table gives each lens's id, \
            name, file and the assumptions it sets (the others keep their defaults) as a --set \
            value; --format json adds each argument and source.
            Search order: --lens-dir, $XDG_CONFIG_HOME/twofutures/lenses (or \
            ~/.config/twofutures/lenses), then the shipped lenses: share/twofutures/Lenses beside \
            the executable's bin folder when installed, else the Lenses/ folder next to the \
            executable or in a parent folder; a lens overrides a later one of the same id (the \
            file name without .toml). With --check, every FILE is validated; bad files are \
            reported one line each and the exit status is 65.
            Examples:
              twofutures lenses
              twofutures lenses --check Lenses/*.toml
              twofutures run --lens backfire --set controls_backfire=0.5 --format table
            """
    )

    @Flag(help: "Validate the given lens files instead of listing.")
    var check = false

    @Option(help: ArgumentHelp("A folder of lens files searched before the others.", valueName: "dir"))
    var lensDir: String?

    @Option(help: "Output format.")
    var format = Checked<ReportFormat>("table")

    @Argument(help: "Lens files to check (with --check).")
    var files: [String] = []

    func run() throws {
        let format = try format.value()
        if check { return try checkFiles(files, kind: "lens", load: LensStore.load) { "\($0.id): \($0.name)" } }
        guard files.isEmpty else { throw InputError("lens files are only taken with --check") }
        let catalog = LensStore.catalog(lensDir: lensDir)
        if format == .json {
            print(Lens.json(catalog.lenses, skipped: catalog.errors.map(\.description)), terminator: "")
        } else {
            print(Self.table(catalog.lenses), terminator: "")
        }
        var stderr = StandardError()
        for error in catalog.errors { print("skipped: \(error)", to: &stderr) }
    }

    /// One line per lens: id, name, file ("(built in)" for a compiled-in one) and the
    /// assumptions it sets as a --set value ("(all defaults)" for none), in columns.
    static func table(_ lenses: [Lens]) -> String {
        let rows = lenses.map { lens in
            [lens.id, lens.name, lens.file ?? "(built in)", lens.values.isEmpty ? "(all defaults)" : lens.assignments]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3] + "\n"
        }.joined()
    }
}
