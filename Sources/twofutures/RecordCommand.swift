import ArgumentParser
import Dashboard
import Formats
import FoundationEssentials
import FuturesModel
import Share
import Storage
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures record FILE`: the dashboard, writing every key press to FILE as a `.demo`.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "The dashboard as usual, recording every key press to FILE in the .demo format.",
        discussion: """
            Starts from the status quo and the dark theme, like `twofutures demo` does, so that \
            `twofutures demo FILE` replays the recording. Mouse input is not recorded. FILE is \
            written when recording ends (q, Ctrl-C or a signal), through a temporary file and a \
            rename; an existing FILE is only replaced with --force.
            With --cast OUT.cast, what the terminal shows is also recorded as an asciicast v2 \
            file with the real timings (asciinema play OUT.cast replays it), written when \
            recording ends; an existing OUT.cast is only replaced with --force (exit 73).
            """
    )

    @Argument(help: "The .demo file to write.")
    var file: String

    @Flag(help: "Replace FILE (and the --cast file) if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Also record the screen as an asciicast v2 file (.cast).", valueName: "file"))
    var cast: String?

    @Option(help: "The cast's colours: the theme's own (truecolor) or the nearest of 256.")
    var colors = Checked<ANSIWriter.Colors>("truecolor")

    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "A folder of theme files searched before the others.")
    var themeDir: String?

    func run() throws {
        if !force && Files.exists(file) {
            throw InputError("\(file) exists; use --force to replace it")
        }
        let directory = Files.parent(of: file)
        let folder = directory.isEmpty ? "." : directory
        guard Files.isWritableFolder(folder) else {
            throw InputError("cannot write to the folder \(folder)")
        }
        let colors = try self.colors.value()
        if let cast { try OutputFile.check(cast, force: force) }
        let settings = try ensembleOptions.settings(defaultMembers: Job.screenMembers)
        let threads = try ensembleOptions.threadCount(default: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let catalog = ThemeStore.catalog(themeDir: themeDir)
        do {
            try Terminal.checkUsable()
        } catch let error as TerminalUnavailable {
            throw InputError("recording needs an interactive terminal (\(error.description))")
        }
        let box = RecorderBox()
        var app = App(
            scenario: Scenario(), settings: settings, threads: threads, themes: catalog.themes,
            themeIndex: catalog.themes.firstIndex { $0.name == "dark" } ?? 0,
            lenses: LensStore.catalog(lensDir: nil).lenses, warning: "", onKey: { box.record($0) })
        if cast != nil {
            app.castColors = colors
            app.castTitle = fileName(file)
            app.recorded = { box.cast = $0 }
        }
        let status = try app.run()
        do {
            try AtomicFile.create(file, contents: box.recorder.text, replace: force)
        } catch {
            throw ExitError(message: error.description, code: .cantCreate)
        }
        if let cast, let recording = box.cast { try OutputFile.write(cast, recording.text, force: force) }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The recorder and its clock, shared with the event loop's key callback.
final class RecorderBox {
    private(set) var recorder = DemoRecorder()
    /// The asciicast of the session (`--cast`), once it has ended.
    var cast: Asciicast?
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init() { start = clock.now }

    func record(_ key: Key) {
        let elapsed = clock.now - start
        let ms = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        recorder.record(key, at: ms)
    }
}
