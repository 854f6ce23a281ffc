import Dashboard
import FuturesModel

/// The core's budgets measured in-process: one deterministic run, the full update of a
/// scenario, the ensemble on all threads and on one (and the ratio of the two), levers
/// across worlds, the map of futures, and keypress latency (reduce, recompute, render), as
/// `Figure`s in the order `bench` prints them.
public enum CoreBench {
    /// The in-process figures: the model, the ensemble, robustness, the map, keypress latency.
    public static func figures(members n: Int, threads threadCount: Int) -> [Figure] {
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
        // Twelve distinct runs (no row shares a setting with another): the worst case.
        let mixed = Scenario(levers: Levers([0.6, 0.5, 0.4, 0.5, 0.4]), policyStart: 6)
        let robustSettings = EnsembleSettings(members: 2000, seed: 1, uncertainty: Constants.defaultUncertainty)
        let robust = Timing.median(batch: 1) {
            sink += Robustness.run(mixed, settings: robustSettings, threads: threadCount)!.rows[0].medianGain
        }
        let map = Timing.median(batch: 1) {
            sink +=
                FuturesMap.compute(
                    scenario, x: .lever(.exportControls), y: .lever(.smugglingEnforcement), nx: 41, ny: 21,
                    threads: threadCount)!
                .leadMonths[0][0]
        }
        // Across worlds (MODEL.md §4), the dashboard's sizes: `run --worlds` (240 scenarios),
        // the answer (8 columns × 33), the map (41 × 21 points, 500 members a point) over
        // two levers (the map's default axes) and over two assumptions (a set of worlds per
        // point: the worst case).
        let worldsSettings = EnsembleSettings(
            members: WorldsAnalysis.defaultMembers, seed: 1, uncertainty: Constants.defaultUncertainty)
        let future1 = Scenario(levers: Preset.future1.levers)
        // `run --worlds` at its defaults: the status quo, as scripts/numpy_worlds.py runs it.
        let worlds = Timing.median(batch: 1) {
            sink += WorldsAnalysis.compute(scenario, settings: worldsSettings, threads: threadCount)!.summary.pFuture1
        }
        let answer = Timing.median(batch: 1) {
            sink += Answer.compute(future1, settings: worldsSettings, threads: threadCount)!.columns[0].base.pFuture2
        }
        let mapSettings = EnsembleSettings(
            members: WorldsMap.defaultMembers, seed: 1, uncertainty: Constants.defaultUncertainty)
        let mapWorlds = Timing.median(batch: 1) {
            sink +=
                WorldsMap.compute(
                    future1, x: .lever(.exportControls), y: .lever(.smugglingEnforcement), nx: 41, ny: 21,
                    settings: mapSettings, threads: threadCount)!
                .cells[0][0].medianLead
        }
        let mapWorldsAssumptions = Timing.median(batch: 1) {
            sink +=
                WorldsMap.compute(
                    future1, x: .assumption(.controlLeakage), y: .assumption(.enforcementEffectiveness), nx: 41,
                    ny: 21, settings: mapSettings, threads: threadCount)!
                .cells[0][0].medianLead
        }
        // One frame at 120×36 from a finished analysis and ensemble: what a selection or
        // theme change costs (render runs no model).
        let frameAnalysis = Analysis(scenario)
        let frameEnsemble = Ensemble.run(
            scenario, settings: EnsembleSettings(members: 2000), threads: threadCount, workspace: workspace)
        var frameState = State(scenario: scenario, width: 120, height: 36)
        if let frameEnsemble {
            reduce(&frameState, .jobFinished(JobResult(.ensemble(scenario), .ensemble(frameEnsemble))))
        }
        let frame = Timing.median(batch: 20) {
            sink += Double(render(frameState, frameAnalysis).cells.count)
        }
        let keypress = Timing.keypresses(count: 1000, workspace: workspace)
        let keypressMap = Timing.keypresses(count: 1000, workspace: workspace, mapOpen: true)
        // The dashboard as users get it: everything on screen over `Job.screenMembers` worlds.
        let firstBand = Timing.firstBand(members: Job.screenMembers, threads: threadCount)
        let settle = Timing.settle(members: Job.screenMembers, threads: threadCount)
        if sink.isNaN { print("") }  // keeps the measured work observable
        return [
            Figure("deterministic_run_ms", "one deterministic run (36 months)", ms: deterministic),
            Figure("full_update_ms", "full update: run, sensitivity, attribution, curves", ms: fullUpdate, goal: 0.5),
            Figure("ensemble_ms", "ensemble of \(n) members, \(threadCount) threads", ms: ensemble, goal: 1.5),
            Figure("ensemble_1thread_ms", "ensemble of \(n) members, 1 thread", ms: single),
            // What the other threads buy: at least 1.6 with two, "two cores really used".
            Figure(
                "ensemble_scaling", "ensemble time on 1 thread / on \(threadCount)", value: single / ensemble,
                unit: "x", goal: 1.6, decimals: 2, atLeast: true),
            Figure(
                "robust_ms", "levers across worlds: 2000 members x 12 runs, \(threadCount) threads", ms: robust,
                goal: 10),
            Figure("map_ms", "map of futures: 41 x 21 runs, \(threadCount) threads", ms: map, goal: 5),
            Figure(
                "worlds_ms", "run --worlds: 240 scenarios x 2000 worlds, \(threadCount) threads", ms: worlds, goal: 40),
            Figure(
                "answer_ms", "the answer: 8 columns x 33 scenarios x 2000 worlds, \(threadCount) threads", ms: answer,
                goal: 40),
            Figure(
                "map_worlds_ms", "map across worlds: 41 x 21 points x 500 worlds (two levers)", ms: mapWorlds,
                goal: 40),
            Figure(
                "map_worlds_assumptions_ms", "map across worlds over two assumptions (a set of worlds per point)",
                ms: mapWorldsAssumptions),
            Figure("frame_ms", "one frame rendered at 120x36 (no model work)", ms: frame),
            Figure("keypress_p50_ms", "keypress: reduce + recompute + render, p50", ms: keypress.p50),
            Figure("keypress_p99_ms", "keypress: reduce + recompute + render, p99", ms: keypress.p99, goal: 2),
            Figure("keypress_max_ms", "keypress: reduce + recompute + render, max", ms: keypress.max),
            Figure("keypress_map_p99_ms", "keypress with the map open, p99", ms: keypressMap.p99, goal: 2),
            Figure("first_band_ms", "key to the first band (1,000 members) on screen", ms: firstBand, goal: 16),
            Figure(
                "settle_ms", "key to the whole screen final across worlds (\(Job.screenMembers) worlds)",
                ms: settle, goal: 100),
            Figure("members", "", count: n),
            Figure("horizon", "", count: scenario.horizon),
            Figure("repetitions", "", count: Timing.repetitions),
            Figure("threads", "", count: threadCount),
        ]
    }
}
