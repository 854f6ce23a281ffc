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

/// `twofutures themes`: the themes found and where they come from; `--check` validates files.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes found, with their source files, or check theme files.",
        discussion: """
            Search order: --theme-dir, $XDG_CONFIG_HOME/twofutures/themes (or \
            ~/.config/twofutures/themes), then the shipped themes: share/twofutures/Themes beside \
            the executable's bin folder when installed, else the Themes/ folder next to the \
            executable or in a parent folder; a theme overrides a later one of the same name. With --check, every FILE is validated; bad files are reported one line each and \
            the exit status is 65.
            """
    )

    @Flag(help: "Validate the given theme files instead of listing.")
    var check = false

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    @Argument(help: "Theme files to check (with --check).")
    var files: [String] = []

    func run() throws {
        if check { return try checkFiles(files, kind: "theme", load: ThemeStore.load) { $0.name } }
        guard files.isEmpty else { throw InputError("theme files are only taken with --check") }
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let width = catalog.themes.map(\.name.count).max() ?? 0
        let sourceWidth = catalog.themes.map { ($0.source ?? "(built in)").count }.max() ?? 0
        for theme in catalog.themes {
            let name = theme.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let source = (theme.source ?? "(built in)").padding(toLength: sourceWidth, withPad: " ", startingAt: 0)
            let glyphs = "[\(theme.glyphs.rawValue)]".padding(toLength: 9, withPad: " ", startingAt: 0)
            print("\(name)  \(source)  \(glyphs)  \(theme.description)".trimmed())
        }
        var stderr = StandardError()
        for error in catalog.errors { print("skipped: \(error)", to: &stderr) }
    }
}
