import ArgumentParser
import Dashboard
import Dispatch
import Foundation
import FuturesModel

/// `twofutures bench`: timings of the core in-process and, with `--process`, of the real
/// dashboard on a pseudo-terminal: startup, idle CPU, memory, bytes per key; `--soak`
/// measures memory over minutes of random keys.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the performance budgets: the core in-process, the dashboard on a pseudo-terminal.",
        discussion: """
            Without options: the core's timings (medians of 25 repetitions after a warm-up) and \
            keypress latency, in milliseconds, as one JSON object.
            --process also runs the dashboard itself on a 120×36 pseudo-terminal: startup to \
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

    @Option(help: "Output format.")
    var format = Checked<BenchFormat>("json")

    func run() throws {
        let format = try format.value()
        let n = try members.map(InputParser.members) ?? 10_000
        guard n > 0 else { throw InputError("--members must be at least 1 for bench, got '0'") }
        let threadCount = try threads.map(InputParser.threads) ?? ProcessInfo.processInfo.activeProcessorCount
        let idle = try idleSeconds.map { try Self.seconds($0, "--idle-seconds") } ?? 10
        let soakSeconds = try soak.map { try Self.seconds($0, "--soak") }

        var figures: [Figure] = []
        if let soakSeconds {
            figures += try ProcessBench.soak(seconds: soakSeconds)
        } else {
            figures += Self.core(members: n, threads: threadCount)
            if process { figures += try ProcessBench.measure(idleSeconds: idle) }
        }
        if format == .json {
            print("{" + figures.map { "\"\($0.key)\": \($0.json)" }.joined(separator: ", ") + "}")
        } else {
            print(Figure.table(figures), terminator: "")
        }
    }

    static func seconds(_ raw: String, _ option: String) throws -> Double {
        guard let x = InputParser.number(raw), x > 0, x <= 86_400 else {
            throw InputError("\(option) must be a number of seconds within 0…86400 (above 0), got '\(raw)'")
        }
        return x
    }

    /// The in-process figures: the model, the ensemble, keypress latency.
    static func core(members n: Int, threads threadCount: Int) -> [Figure] {
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
        if sink.isNaN { print("") }  // keeps the measured work observable
        return [
            Figure("deterministic_run_ms", "one deterministic run (36 months)", ms: deterministic),
            Figure("full_update_ms", "full update: run, sensitivity, attribution, curves", ms: fullUpdate, goal: 1),
            Figure("ensemble_ms", "ensemble of \(n) members, \(threadCount) threads", ms: ensemble, goal: 12),
            Figure("ensemble_1thread_ms", "ensemble of \(n) members, 1 thread", ms: single),
            Figure("keypress_p50_ms", "keypress: reduce + recompute + render, p50", ms: keypress.p50),
            Figure("keypress_p99_ms", "keypress: reduce + recompute + render, p99", ms: keypress.p99, goal: 4),
            Figure("keypress_max_ms", "keypress: reduce + recompute + render, max", ms: keypress.max),
            Figure("members", "", count: n),
            Figure("horizon", "", count: scenario.horizon),
            Figure("repetitions", "", count: Timing.repetitions),
            Figure("threads", "", count: threadCount),
        ]
    }
}

/// One measured figure: a JSON key, a description for the table, the value, its unit and
/// the budget (a maximum) when there is one.
struct Figure {
    let key: String
    let what: String
    let value: Double
    let unit: String
    let goal: Double?
    let decimals: Int

    init(_ key: String, _ what: String, value: Double, unit: String, goal: Double? = nil, decimals: Int) {
        self.key = key
        self.what = what
        self.value = value
        self.unit = unit
        self.goal = goal
        self.decimals = decimals
    }

    init(_ key: String, _ what: String, ms: Double, goal: Double? = nil) {
        self.init(key, what, value: ms, unit: "ms", goal: goal, decimals: 4)
    }

    init(_ key: String, _ what: String, count: Int, unit: String = "", goal: Double? = nil) {
        self.init(key, what, value: Double(count), unit: unit, goal: goal, decimals: 0)
    }

    var json: String { String(format: "%.\(decimals)f", value) }

    /// The figures with a description, as a fixed-width table with the budgets.
    static func table(_ figures: [Figure]) -> String {
        let rows = figures.filter { !$0.what.isEmpty }
        let whatWidth = rows.map(\.what.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = pad("figure", whatWidth) + "  " + lpad("measured", 14) + "  " + pad("budget", 12) + "  within\n"
        out += String(repeating: "-", count: whatWidth + 40) + "\n"
        for f in rows {
            let shown = String(format: "%.\(min(f.decimals, 2))f", f.value) + (f.unit.isEmpty ? "" : " " + f.unit)
            let goal = f.goal.map { "≤ " + Self.trimmed($0) + (f.unit.isEmpty ? "" : " " + f.unit) } ?? ""
            let within = f.goal.map { f.value <= $0 ? "yes" : "NO" } ?? ""
            out += pad(f.what, whatWidth) + "  " + lpad(shown, 14) + "  " + pad(goal, 12) + "  " + within + "\n"
        }
        for f in figures where f.what.isEmpty { out += "\(f.key) \(f.json)  " }
        return out.hasSuffix("  ") ? String(out.dropLast(2)) + "\n" : out
    }

    private static func trimmed(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
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
