import ArgumentParser
import Dashboard
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
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
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
        let keypress = Timing.keypresses(count: 1000, workspace: workspace)
        let fields: [(String, String)] = [
            ("deterministic_run_ms", Timing.ms(deterministic)),
            ("full_update_ms", Timing.ms(fullUpdate)),
            ("ensemble_ms", Timing.ms(ensemble)),
            ("ensemble_1thread_ms", Timing.ms(single)),
            ("keypress_p50_ms", Timing.ms(keypress.p50)),
            ("keypress_p99_ms", Timing.ms(keypress.p99)),
            ("keypress_max_ms", Timing.ms(keypress.max)),
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

    /// Keypress latency: `count` scripted keys, each through reduce, the deterministic
    /// recompute and render into a 120×36 Screen (the terminal write excluded), with a
    /// 2000-member ensemble's bands on screen. Returns p50, p99 and max in milliseconds.
    static func keypresses(count: Int, workspace: EnsembleWorkspace) -> (p50: Double, p99: Double, max: Double) {
        let script: [Key] = [
            .right, .right, .down, .right, .shiftRight, .left, .down, .down, .shiftLeft, .up, .tab, .right,
            .left, .down, .right, .char("1"), .char("c"), .left, .char("a"), .char("3"), .char("u"), .ctrl("r"),
            .end, .home, .char("p"), .right, .char("2"), .up, .right, .char("r"),
        ]
        var state = State(scenario: Scenario(), width: 120, height: 36)
        var analysis = Analysis(state.scenario)
        let ensemble = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 2000), workspace: workspace)
        var sink = 0
        var samples = [Double]()
        samples.reserveCapacity(count)
        for i in 0..<(count + 50) {
            let start = DispatchTime.now().uptimeNanoseconds
            reduce(&state, .keyPressed(script[i % script.count]))
            if analysis.scenario != state.scenario { analysis = Analysis(state.scenario) }
            let screen = render(state, analysis, ensemble: ensemble)
            let end = DispatchTime.now().uptimeNanoseconds
            sink &+= screen.cells.count
            if i >= 50 { samples.append(Double(end - start) / 1e6) }  // the first 50 warm up
        }
        samples.sort()
        if sink == 0 { print("") }
        return (samples[samples.count / 2], samples[Int(Double(samples.count) * 0.99)], samples.last!)
    }

    /// Milliseconds with four significant decimals.
    static func ms(_ x: Double) -> String { String(format: "%.4f", x) }
}
