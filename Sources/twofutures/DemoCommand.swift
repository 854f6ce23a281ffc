import ArgumentParser
import Dashboard
import Formats
import FoundationEssentials
import FuturesModel
import Share
import Shell
import Storage
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures demo FILE --headless`: plays a `.demo` script and prints the final screen;
/// `--cast` records it as an asciicast, `--svg` draws screens as SVG.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a .demo script in the dashboard, or headless to print the final screen as text.",
        discussion: """
            The format is described in docs/demos.md. While a demo plays, Space pauses \
            and resumes, n jumps to the next caption, b back to the previous one, ] and [ (PgDn, \
            PgUp) to the next or previous chapter, 3G to the third, l lists the chapters, q \
            quits; at a pause the normal keys work. When the demo ends the dashboard stays, \
            unless --exit. Speaker notes: run `twofutures notes` in a second terminal.
            --check plays headless and checks every `expect "TEXT"` line against the screen \
            there: the first miss prints FILE:LINE: expected "TEXT" on screen and exits 1.
            FILE is a path, or a bare name (tour or tour.demo) looked up in the shipped Demos \
            folder (share/twofutures/Demos when installed, else Demos/ in the source tree).
            --cast and --svg play headless too, and write files that travel: an asciicast v2 \
            recording (asciinema play, or a web page with asciinema-player) timed like the live \
            demo, with each pause held 2 s; an SVG picture of the final screen (--svg OUT.svg), \
            or of each caption's screen with --frames DIR (frame-001.svg, ...). They refuse to \
            replace a file without --force (exit 73).
            Examples:
              twofutures demo tour
              twofutures demo Demos/quick.demo --headless
              twofutures demo Demos/tour.demo --headless --size 120x36 --frames /tmp/tour
              twofutures demo tour --cast tour.cast
              twofutures demo quick --svg quick.svg
              twofutures demo quick --frames /tmp/quick --svg
              twofutures demo tour --check
            A bad script is reported as FILE:LINE: ... with exit code 65, before anything is shown.
            """
    )

    @Argument(help: "The .demo script: a path, or the name of a shipped demo (tour, quick).")
    var file: String

    @Argument(help: ArgumentHelp("With --svg: the SVG file of the final screen.", valueName: "svg-file"))
    var svgFile: String?

    @Flag(help: "Play without a terminal or waiting, and print the final screen.")
    var headless = false

    @Flag(help: "Quit the dashboard when the demo ends.")
    var exit = false

    @Option(help: "Screen size WxH for --headless, --cast and --svg (default: the script's size command, else 120x36).")
    var size: String?

    @Option(help: "A folder to write one frame per caption into (frame-001.txt, ...; frame-001.svg, ... with --svg).")
    var frames: String?

    @Option(help: ArgumentHelp("Record the demo as an asciicast v2 file (.cast).", valueName: "file"))
    var cast: String?

    @Option(help: "The cast's colours: the theme's own (truecolor) or the nearest of 256.")
    var colors = Checked<ANSIWriter.Colors>("truecolor")

    @Flag(help: "Draw screens as SVG: the final one into <svg-file>, or one per caption with --frames.")
    var svg = false

    @Flag(help: "Replace the --cast and --svg files, and the SVG frames of --frames, if they exist.")
    var force = false

    @Flag(help: "Play headless and check every `expect` line: exit 1 at the first text the screen does not show.")
    var check = false

    @Option(
        help: ArgumentHelp(
            "The talk's planned length for the notes' countdown (20m, 1h30m): wins over the script's `duration`.",
            valueName: "length"))
    var duration: String?

    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    @Option(help: ArgumentHelp("A folder of lens files searched before the others.", valueName: "dir"))
    var lensDir: String?

    func run() throws {
        if !svg, let svgFile { throw InputError("unexpected argument '\(svgFile)': an SVG file comes after --svg") }
        if check { return try checkExpects() }
        if !headless && cast == nil && !svg { return try live() }
        if svg && svgFile == nil && frames == nil {
            throw InputError("--svg needs a file (--svg OUT.svg) or --frames DIR for one SVG per caption")
        }
        let colors = try self.colors.value()
        let settings = try ensembleOptions.settings(defaultMembers: Job.screenMembers)
        let threads = try ensembleOptions.threadCount()
        let requested = try requestedSize()
        if let cast, let svgFile,
            URL(fileURLWithPath: cast).standardizedFileURL == URL(fileURLWithPath: svgFile).standardizedFileURL
        {
            throw InputError("--cast and --svg name the same file, \(cast): give each its own")
        }
        for output in [cast, svgFile].compactMap({ $0 }) { try OutputFile.check(output, force: force) }
        if svg, let frames, !force, !DemoStore.existingFrames(in: frames, extension: "svg").isEmpty {
            throw ExitError(
                message: "\(frames) holds SVG frames already; use --force to replace them", code: .cantCreate)
        }
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let lenses = LensStore.catalog(lensDir: lensDir).lenses
        let script = try Self.load(file, themes: catalog.themes, lenses: lenses)
        let dimensions = requested ?? script.size ?? (120, 36)
        let state = Self.start(dimensions, themes: catalog.themes, lenses: lenses, members: settings.members)
        let runtime = Runtime(settings: settings, threads: threads)
        let title = DemoCast.title(of: script)
        if let cast {
            let timeline = DemoTimeline.frames(script, from: state, runtime: runtime)
            let recording = DemoCast.make(
                timeline, width: dimensions.width, height: dimensions.height, title: title, colors: colors)
            try OutputFile.write(cast, recording.text, force: force)
        }
        guard headless || svg || frames != nil else { return }
        let result = DemoHeadless.frames(script, from: state, runtime: runtime)
        if let svgFile {
            let picture = SVGWriter.svg(result.final.screen, theme: result.final.theme, title: title)
            try OutputFile.write(svgFile, picture, force: force)
        }
        if let frames {
            do {
                if svg {
                    try DemoStore.writeFrames(
                        result.frames.map {
                            SVGWriter.svg(
                                $0.screen, theme: $0.theme, title: $0.chapter.map { "\(title) · \($0)" } ?? title)
                        }, to: frames,
                        extension: "svg", removeStale: true)
                } else {
                    try DemoStore.writeFrames(result.frames.map { $0.screen.text + "\n" }, to: frames)
                }
            } catch {
                throw ExitError(message: "cannot write frames to \(frames): \(error.reason)", code: .cantCreate)
            }
        }
        if headless { print(result.final.screen.text) }
    }

    /// `--check`: plays headless and checks every `expect` line; the first miss prints
    /// `FILE:LINE: expected "…" on screen` (and the screen there) and exits 1.
    func checkExpects() throws {
        if cast != nil || svg || frames != nil || exit {
            throw InputError("--check plays headless on its own: leave out --cast, --svg, --frames and --exit")
        }
        if let duration { _ = try DemoParser.talkLength(duration) }
        let settings = try ensembleOptions.settings(defaultMembers: Job.screenMembers)
        let threads = try ensembleOptions.threadCount()
        let requested = try requestedSize()
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let lenses = LensStore.catalog(lensDir: lensDir).lenses
        let script = try Self.load(file, themes: catalog.themes, lenses: lenses)
        let dimensions = requested ?? script.size ?? (120, 36)
        let state = Self.start(dimensions, themes: catalog.themes, lenses: lenses, members: settings.members)
        let report = DemoCheck.run(script, from: state, runtime: Runtime(settings: settings, threads: threads))
        if let miss = report.miss {
            var stderr = StandardError()
            print(miss.description, to: &stderr)
            print("The screen there (\(dimensions.width)x\(dimensions.height)):\n\(miss.screen)", to: &stderr)
            throw ExitCode.failure
        }
        let expects = script.lines.filter { if case .expect = $0.command { true } else { false } }.count
        print(
            expects == 0
                ? "\(script.file): no expect lines to check"
                : "\(script.file): all \(report.held) expect lines hold")
    }

    /// `--size WxH`, if given.
    func requestedSize() throws -> (width: Int, height: Int)? {
        guard let size, case .size(let w, let h) = try DemoParser.command("size \(size)") else { return nil }
        return (w, h)
    }

    /// The dashboard a headless playback starts from: the size, the themes (dark first
    /// shown), the lenses found and the ensemble's member count.
    static func start(_ size: (width: Int, height: Int), themes: [Theme], lenses: [Lens], members: Int) -> State {
        var state = State(width: size.width, height: size.height)
        state.view.themes = themes
        state.view.themeIndex = themes.firstIndex { $0.name == "dark" } ?? 0
        state.document.lenses = lenses
        state.results.ensembleMembers = members
        return state
    }

    /// Plays the script in the live dashboard.
    func live() throws {
        if let duration { _ = try DemoParser.talkLength(duration) }
        if size != nil || frames != nil { throw InputError("--size and --frames need --headless, --cast or --svg") }
        let settings = try ensembleOptions.settings(defaultMembers: Job.screenMembers)
        let threads = try ensembleOptions.threadCount(default: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        let lenses = LensStore.catalog(lensDir: lensDir).lenses
        var script = try Self.load(file, themes: catalog.themes, lenses: lenses)
        if let duration { script.plannedDuration = try DemoParser.talkLength(duration) }
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
    static func load(_ argument: String, themes: [Theme], lenses: [Lens]) throws -> DemoScript {
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
