import ArgumentParser
import Dashboard
import Foundation
import FuturesModel
import Storage
import Terminal

/// `twofutures demo FILE --headless`: plays a `.demo` script and prints the final screen.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a .demo script in the dashboard, or headless to print the final screen as text.",
        discussion: """
            The format is described in the README ("Demos"). While a demo plays, Space pauses \
            and resumes, n jumps to the next caption, b back to the previous one, q quits; at a \
            pause the normal keys work. When the demo ends the dashboard stays, unless --exit.
            FILE is a path, or a bare name (tour or tour.demo) looked up in the shipped Demos \
            folder (share/twofutures/Demos when installed, else Demos/ in the source tree).
            Examples:
              twofutures demo tour
              twofutures demo Demos/quick.demo --headless
              twofutures demo Demos/tour.demo --headless --size 120x36 --frames /tmp/tour
            A bad script is reported as FILE:LINE: ... with exit code 65, before anything is shown.
            """
    )

    @Argument(help: "The .demo script: a path, or the name of a shipped demo (tour, quick).")
    var file: String

    @Flag(help: "Play without a terminal or waiting, and print the final screen.")
    var headless = false

    @Flag(help: "Quit the dashboard when the demo ends.")
    var exit = false

    @Option(help: "Screen size WxH for --headless (default: the script's size command, else 120x36).")
    var size: String?

    @Option(help: "A folder to write one text frame per caption into (frame-001.txt, ...).")
    var frames: String?

    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    @Option(help: ArgumentHelp("A folder of lens files searched before the others.", valueName: "dir"))
    var lensDir: String?

    func run() throws {
        if !headless { return try live() }
        let settings = try ensembleOptions.settings(defaultMembers: 10_000)
        let threads = try ensembleOptions.threadCount()
        var requested: (width: Int, height: Int)?
        if let size {
            guard case .size(let w, let h) = try DemoParser.command("size \(size)") else { return }
            requested = (w, h)
        }
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let lenses = LensStore.catalog(lensDir: lensDir).lenses
        let script = try Self.load(file, themes: catalog.themes, lenses: lenses)
        let dimensions = requested ?? script.size ?? (120, 36)
        var state = State(width: dimensions.width, height: dimensions.height)
        state.themes = catalog.themes
        state.themeIndex = catalog.themes.firstIndex { $0.name == "dark" } ?? 0
        state.lenses = lenses
        state.ensembleMembers = settings.members
        var cache = [Scenario: EnsembleResult]()
        var robust = [Scenario: RobustnessResult]()
        let result = DemoHeadless.play(
            script, from: state,
            ensemble: { scenario in
                guard settings.members > 0 else { return nil }
                if let hit = cache[scenario] { return hit }
                let r = Ensemble.run(scenario, settings: settings, threads: threads)
                cache[scenario] = r
                return r
            },
            jobs: { job in
                switch job {
                case .ensemble: return nil
                case .robustness(let scenario):
                    if robust[scenario] == nil {
                        robust[scenario] = Robustness.run(
                            scenario, settings: Job.robustnessSettings(settings), threads: threads)
                    }
                    return robust[scenario].map { .robustnessFinished($0) }
                case .map(let r):
                    return FuturesMap.compute(r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny, threads: threads)
                        .map { .mapFinished($0) }
                }
            })
        if let frames {
            do {
                try DemoStore.writeFrames(result.frames.map { $0.text + "\n" }, to: frames)
            } catch {
                throw ExitError(message: "cannot write frames to \(frames): \(error.reason)", code: .cantCreate)
            }
        }
        print(result.final.text)
    }

    /// Plays the script in the live dashboard.
    func live() throws {
        if size != nil || frames != nil { throw InputError("--size and --frames need --headless") }
        let settings = try ensembleOptions.settings(defaultMembers: 10_000)
        let threads = try ensembleOptions.threadCount(default: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let lenses = LensStore.catalog(lensDir: lensDir).lenses
        let script = try Self.load(file, themes: catalog.themes, lenses: lenses)
        do {
            try Terminal.checkUsable()
        } catch let error as TerminalUnavailable {
            throw InputError(
                "live playback needs an interactive terminal (\(error.description)); "
                    + "use `twofutures demo FILE --headless` for text output")
        }
        let status = try App(
            scenario: Scenario(), settings: settings, threads: threads, themes: catalog.themes,
            themeIndex: catalog.themes.firstIndex { $0.name == "dark" } ?? 0, lenses: lenses, warning: "", demo: script,
            exitAfterDemo: exit
        ).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// Finds (see `DemoStore.resolve`), reads and parses a script, and checks its `theme`
    /// and `lens` commands against `themes` and `lenses`; a missing or unreadable one exits
    /// 66, a bad one prints `FILE:LINE: …` and exits 65.
    static func load(_ argument: String, themes: [Theme], lenses: [Lens] = Lens.builtIn) throws -> DemoScript {
        let path: String
        switch DemoStore.resolve(argument) {
        case .success(let found): path = found
        case .failure(let error): throw ExitError(message: error.description, code: .noInput)
        }
        let text: String
        do {
            text = try Files.readText(path)
        } catch {
            throw ExitError(message: error.description, code: .noInput)
        }
        do {
            let script = try DemoParser.parse(text, file: path)
            try script.validateThemes(themes.map(\.name))
            return try script.resolvingLenses(lenses)
        } catch let error as DemoError {
            var stderr = StandardError()
            print(error.description, to: &stderr)
            throw ExitCode.dataError
        }
    }
}
