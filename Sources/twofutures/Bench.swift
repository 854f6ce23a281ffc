import ArgumentParser
import Dispatch
import Foundation
import FuturesModel

/// `twofutures bench`: in-process timings in milliseconds, as one JSON object.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the core: medians of 25 repetitions after a warm-up, in milliseconds.")

    @Option(parsing: .unconditional, help: "Ensemble members to time (default 10000).")
    var members: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", visibility: .hidden))
    var threads: String?

    func run() throws {
        let n = try members.map(InputParser.members) ?? 10_000
        guard n > 0 else { throw InputError("--members must be at least 1 for bench, got '0'") }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threadCount =
            try threads.map { raw -> Int in
                guard let t = Int(raw), (1...64).contains(t) else {
                    throw InputError("--threads must be a whole number within 1…64, got '\(raw)'")
                }
                return t
            } ?? cores
        let scenario = Scenario()
        var sink = 0.0

        let deterministic = Timing.median(batch: 200) { sink += Simulation.run(scenario).outcome.leadMonths }
        let fullUpdate = Timing.median(batch: 5) { sink += Analysis(scenario).outcome.leadMonths }
        let settings = EnsembleSettings(members: n, seed: 1, uncertainty: Constants.defaultUncertainty)
        let workspace = EnsembleWorkspace()
        let ensemble = Timing.median(batch: 1) {
            sink +=
                Ensemble.run(scenario, settings: settings, threads: threadCount, workspace: workspace)!
                .probability.future1
        }
        let single = Timing.median(batch: 1) {
            sink +=
                Ensemble.run(scenario, settings: settings, threads: 1, workspace: workspace)!
                .probability.future1
        }
        let fields: [(String, String)] = [
            ("deterministic_run_ms", Timing.ms(deterministic)),
            ("full_update_ms", Timing.ms(fullUpdate)),
            ("ensemble_ms", Timing.ms(ensemble)),
            ("ensemble_1thread_ms", Timing.ms(single)),
            ("members", String(n)),
            ("horizon", String(scenario.horizon)),
            ("repetitions", String(Timing.repetitions)),
            ("threads", String(threadCount)),
        ]
        print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        if sink.isNaN { print("") }  // keeps the measured work observable
    }
}

/// Wall-clock timing with a monotonic clock.
enum Timing {
    static let repetitions = 25

    /// The median time of one call of `body`, in milliseconds: a warm-up, then
    /// `repetitions` timed repetitions of `batch` calls each.
    static func median(batch: Int, _ body: () -> Void) -> Double {
        for _ in 0..<max(1, batch) { body() }
        var samples = [Double]()
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch { body() }
            let end = DispatchTime.now().uptimeNanoseconds
            samples.append(Double(end - start) / 1e6 / Double(batch))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Milliseconds with four significant decimals.
    static func ms(_ x: Double) -> String { String(format: "%.4f", x) }
}
