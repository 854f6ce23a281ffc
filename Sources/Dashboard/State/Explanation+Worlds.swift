import FuturesModel

/// A change the outcome bar explains across worlds: what changed (`label`), the scenario it
/// is measured against (`reference`: the one before, or for a lens the same levers under
/// the essay's view) and the scenario after. `Job.explain` computes both Summaries over the
/// same worlds; until they arrive the line says the change and "…".
public struct PendingExplanation: Sendable, Hashable {
    /// "Export controls 50→90 %", "Lens Price wins vs the essay's view".
    public var label: String
    /// A shorter label for a narrow screen ("Price wins vs essay"); nil: `label`.
    public var shortLabel: String?
    public var reference: Scenario
    public var scenario: Scenario

    public init(label: String, shortLabel: String? = nil, reference: Scenario, scenario: Scenario) {
        self.label = label
        self.shortLabel = shortLabel
        self.reference = reference
        self.scenario = scenario
    }

    /// The line while the Summaries compute.
    public var waiting: String { label + ": … (across worlds)" }
}

extension Explanation {
    /// "Export controls 50→90 %: P(F1) +23 pts, median lead +2.1 mo, China's markets −4 pts":
    /// the Summary after against the one before, across worlds. The probability is that of
    /// the future the outcome bar names after the change, where it is Future 1 or 2 and moved;
    /// else P(F1) or P(F2), whichever changed more (P(F1) on a tie). With a `width`, the longest form that
    /// fits: the median lead is left out first (the markets' change, where it is 0 pts), then
    /// "China's" (or "median") shortened. Where `before` and
    /// `after` are one scenario's (the reference itself), the numbers themselves.
    public static func worlds(
        _ label: String, shortLabel: String? = nil, before a: Summary, after b: Summary, isReference: Bool = false,
        width: Int? = nil
    ) -> String {
        let d = b - a
        let parts: [[String]]
        if isReference {
            parts = [
                [
                    "P(F1) \(Format.percent(b.pFuture1))", "P(F2) \(Format.percent(b.pFuture2))",
                    "median lead \(Format.outcome(b.medianLead, .leadMonths))",
                    "China's markets \(Format.percent(b.pChinaMarkets))",
                ],
                [
                    "P(F1) \(Format.percent(b.pFuture1))", "P(F2) \(Format.percent(b.pFuture2))",
                    "China's markets \(Format.percent(b.pChinaMarkets))",
                ],
                ["P(F1) \(Format.percent(b.pFuture1))", "P(F2) \(Format.percent(b.pFuture2))"],
            ]
        } else {
            // The future the outcome bar names after the change, where that is Future 1 or 2
            // and its probability moved on screen (a preset to Future 1: "P(F1) +51 pts",
            // beside "MOST LIKELY FUTURE 1 · 51 %"); else whichever changed more.
            let contested = 1 - b.pFuture1 - b.pFuture2
            let moved1 = shownPercent(b.pFuture1) != shownPercent(a.pFuture1)
            let moved2 = shownPercent(b.pFuture2) != shownPercent(a.pFuture2)
            let future2 =
                if b.pFuture1 > max(contested, b.pFuture2) && moved1 {
                    false
                } else if b.pFuture2 > max(contested, b.pFuture1) && moved2 {
                    true
                } else {
                    abs(d.pFuture2) > abs(d.pFuture1)
                }
            let p =
                future2
                ? "P(F2) \(points(from: a.pFuture2, to: b.pFuture2))"
                : "P(F1) \(points(from: a.pFuture1, to: b.pFuture1))"
            let leadChange = shownLead(b.medianLead) - shownLead(a.medianLead)
            let lead = "median lead \(Format.delta(leadChange, .leadMonths))"
            let markets = points(from: a.pChinaMarkets, to: b.pChinaMarkets)
            // Where the markets do not move, the shorter forms keep the lead instead.
            let moved = markets != points(0)
            parts = [
                [p, lead, "China's markets \(markets)"],
                moved ? [p, "China's markets \(markets)"] : [p, lead],
                moved ? [p, "markets \(markets)"] : [p, "lead \(Format.delta(leadChange, .leadMonths))"],
                [p],
            ]
        }
        // The full label with all the numbers, then without the median lead; then the short
        // label (if any) in each shorter form; then the full label's shortest forms.
        let full = parts.map { label + ": " + $0.joined(separator: ", ") }
        let short = shortLabel.map { s in parts.dropFirst().map { s + ": " + $0.joined(separator: ", ") } } ?? []
        let lines = Array(full.prefix(2)) + short + Array(full.dropFirst(2))
        guard let width else { return lines[0] }
        return lines.first { $0.count <= width } ?? lines.min { $0.count < $1.count }!
    }

    /// The change between two probabilities as the outcome bar shows them (whole percents),
    /// so that the line agrees with the numbers on screen: 7 % → 72 % is "+65 pts", even
    /// where the probabilities themselves differ by 64.2 points.
    public static func points(from a: Double, to b: Double) -> String {
        points(Double(shownPercent(b) - shownPercent(a)) / 100)
    }

    /// A probability in whole percents, rounded as the outcome bar rounds it.
    static func shownPercent(_ p: Double) -> Int { Int(String(cFormat: "%.0f", p * 100)) ?? 0 }

    /// A median lead in tenths of a month, rounded as the outcome bar rounds it.
    static func shownLead(_ months: Double) -> Double { Double(String(cFormat: "%.1f", months)) ?? months }

    /// A change of a probability in whole signed points: "+23 pts", "−4 pts", "0 pts".
    public static func points(_ x: Double) -> String {
        let n = Int((x * 100).rounded())
        if n == 0 { return "0 pts" }
        return (n < 0 ? "−" : "+") + "\(abs(n)) pt" + (abs(n) == 1 ? "" : "s")
    }

    /// "Price wins vs essay" (narrow screens), or the lens's name for the essay's view.
    public static func lensShortLabel(_ lens: Lens) -> String {
        lens.assumptions == Assumptions() ? lens.name : "\(lens.name) vs essay"
    }

    /// "Lens Price wins vs the essay's view", or "Lens The essay's view" for the lens of
    /// the defaults (the reference itself).
    public static func lensLabel(_ lens: Lens) -> String {
        lens.assumptions == Assumptions() ? "Lens \(lens.name)" : "Lens \(lens.name) vs \(essayName)"
    }

    /// How the lines name the reference of every lens.
    static let essayName = "the essay's view"

    /// `scenario` with the essay's view's assumptions (the defaults): what a lens is
    /// explained against.
    public static func essayView(_ scenario: Scenario) -> Scenario {
        var s = scenario
        s.assumptions = Assumptions()
        return s
    }
}
