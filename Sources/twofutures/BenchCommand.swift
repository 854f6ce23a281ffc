import ArgumentParser
import BenchTools
import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twofutures bench`: timings of the core in-process and, with `--process`, of the real
/// dashboard on a pseudo-terminal: startup, idle CPU, memory, bytes per key; `--soak`
/// measures memory over minutes of random keys. The measuring is BenchTools'.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the performance budgets: the core in-process, the dashboard on a pseudo-terminal.",
        discussion: """
            Without options: the core's timings (medians of 25 repetitions after a warm-up) and \
            keypress latency, in milliseconds, as one JSON object, with the NumPy reference \
            (scripts/numpy_ensemble.py, the same ensemble) timed in the same run: numpy_ms and \
            numpy_ratio, null when python3 or NumPy is missing (stderr says which).
            --process also runs the dashboard itself on a 120x36 pseudo-terminal: startup to \
            the first frame (10 starts), idle CPU from /proc over --idle-seconds, peak RSS, and \
            the bytes written per arrow keypress. --soak SECONDS sends random keys for that long \
            and reports the RSS growth. --format table prints one table with the budgets \
            (`make bench`, `make soak`).
            """)

    @Option(parsing: .unconditional, help: "Ensemble members to time (default 10000).")
    var members: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden))
    var threads: String?

    @Flag(help: "Also measure the dashboard as a process on a pseudo-terminal.")
    var process = false

    @Option(parsing: .unconditional, help: "Seconds of idle to measure CPU over, with --process (default 10).")
    var idleSeconds: String?

    @Option(parsing: .unconditional, help: "Send random keys for this many seconds and report the RSS growth.")
    var soak: String?

    @Option(
        parsing: .unconditional,
        help: "Parse a scenario file this many times and report the RSS growth (the parsers' leak check).")
    var parses: String?

    @Option(help: "Output format.")
    var format = Checked<BenchFormat>("json")

    func run() throws {
        let format = try format.value()
        let n = try members.map(InputParser.members) ?? 10_000
        guard n > 0 else { throw InputError("--members must be at least 1 for bench, got '0'") }
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let idle = try idleSeconds.map { try Self.seconds($0, "--idle-seconds") } ?? 10
        let soakSeconds = try soak.map { try Self.seconds($0, "--soak") }
        let parseCount = try parses.map { raw in
            guard let count = Int(raw), (1...10_000_000).contains(count) else {
                throw InputError("--parses must be a whole number within 1…10000000, got '\(raw)'")
            }
            return count
        }

        var figures: [Figure] = []
        do {
            if let parseCount {
                figures += try ParseBench.figures(parses: parseCount)
            } else if let soakSeconds {
                figures += try ProcessBench.soak(seconds: soakSeconds)
            } else {
                figures += CoreBench.figures(members: n, threads: threadCount)
                let ensembleMs = figures.first { $0.key == "ensemble_ms" }?.value ?? .nan
                let numpy = NumPyBench.figures(members: n, ensembleMs: ensembleMs)
                figures += numpy.figures
                if let note = numpy.note {
                    var errors = StandardError()
                    print(note, to: &errors)
                }
                let worldsMs = figures.first { $0.key == "worlds_ms" }?.value ?? .nan
                let numpyWorlds = NumPyBench.worldsFigures(members: WorldsAnalysis.defaultMembers, worldsMs: worldsMs)
                figures += numpyWorlds.figures
                if let note = numpyWorlds.note {
                    var errors = StandardError()
                    print(note, to: &errors)
                }
                if process { figures += try ProcessBench.measure(idleSeconds: idle) }
            }
        } catch {
            throw ExitError(message: error.message, code: .software)
        }
        switch format {
        case .json: print(Figure.json(figures))
        case .table: print(Figure.table(figures), terminator: "")
        }
    }

    static func seconds(_ raw: String, _ option: String) throws -> Double {
        guard let x = InputParser.number(raw), x > 0, x <= 86_400 else {
            throw InputError("\(option) must be a number of seconds within 0…86400 (above 0), got '\(raw)'")
        }
        return x
    }
}
