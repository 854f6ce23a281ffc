import ArgumentParser
import FuturesModel

/// `twofutures seek LEVER`: the smallest value of one lever that reaches a target lead.
struct SeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seek",
        abstract: "Find the smallest value of one lever (others fixed) that reaches Future 1.",
        discussion: """
            Scans 0-1 in steps of 0.01 for the first value whose lead at the horizon reaches the \
            target, then bisects to 0.001. JSON: {"lever", "value" (null when out of reach), \
            "lead_months" (at that value, or the best reachable)}.
            With --probability P the target is P(Future 1) >= P from the ensemble instead (the \
            same seed for every lever value; --members defaults to 2000). Its JSON adds \
            "target_probability", "p_future1" (at the value, or the best reached), "members" \
            and "seed"; "lead_months" is the deterministic lead at the value (or at the best).
            Examples:
              twofutures seek smuggling_enforcement --scenario tf2:50-30-20-30-20 --format json
              twofutures seek export_controls --preset future1 --probability 0.5
            """
    )

    @Argument(help: "The lever id, e.g. smuggling_enforcement.")
    var lever: String

    @Option(parsing: .unconditional, help: "The lead to reach, in months (default 12: Future 1).")
    var targetLead: String?

    @Option(
        parsing: .unconditional,
        help: "Target P(Future 1) instead of a lead, e.g. 0.5 or 50% (runs the ensemble).")
    var probability: String?

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var ensembleOptions: EnsembleOptions

    @Option(help: "Output format.")
    var format = Checked<ReportFormat>("table")

    func run() throws {
        let format = try format.value()
        let id = try InputParser.parameter(lever)
        guard case .lever(let leverID) = id else {
            throw InputError(
                "seek works on the five levers; '\(lever)' is \(id == .policyStart ? "the policy's start" : "an assumption")"
            )
        }
        var target = Constants.future1Threshold
        if let targetLead {
            guard let t = InputParser.number(targetLead), t >= -120, t <= 120 else {
                throw InputError("--target-lead must be a number of months within -120…120, got '\(targetLead)'")
            }
            target = t
        }
        let scenario = try scenarioOptions.scenario()
        let result: SeekResult
        if let probability {
            guard targetLead == nil else { throw InputError("--probability and --target-lead exclude each other") }
            let p = try InputParser.probability(probability)
            let settings = try ensembleOptions.settings(defaultMembers: 2000)
            guard settings.members > 0 else { throw InputError("--probability needs an ensemble: --members 1 or more") }
            result = GoalSeek.seekProbability(
                leverID, in: scenario, probability: p, settings: settings, threads: try ensembleOptions.threadCount())
        } else {
            guard ensembleOptions.members == nil, ensembleOptions.seed == nil, ensembleOptions.uncertainty == nil else {
                throw InputError("--members, --seed and --uncertainty only apply with --probability")
            }
            result = GoalSeek.seek(leverID, in: scenario, targetLead: target)
        }
        print(format == .json ? result.json() : result.message + "\n", terminator: "")
    }
}
