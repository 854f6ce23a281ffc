import Foundation
import FuturesModel

/// The outcome bar. First line: the verdict across worlds (the most likely future and its
/// probability, once the ensemble is in), the central run's lead with the ensemble's
/// median and p10–p90, and the three probabilities. Second line: the last change, a
/// message, or a prompt.
public struct OutcomeBar: Sendable, Equatable {
    public var analysis: Analysis
    public var ensemble: EnsembleResult?
    public var explanation: String
    /// Whether `explanation` tells a change (shown after "Last change:").
    public var isChange: Bool
    /// A one-line prompt shown instead of the explanation (`s`: "Save as: …").
    public var prompt: String?

    public init(
        analysis: Analysis, ensemble: EnsembleResult?, explanation: String, isChange: Bool = true,
        prompt: String? = nil
    ) {
        self.prompt = prompt
        self.analysis = analysis
        self.ensemble = ensemble
        self.explanation = explanation
        self.isChange = isChange
    }

    /// The role a future is drawn in.
    public static func role(_ future: Future) -> Role {
        switch future {
        case .future1: .future1
        case .contested: .accent
        case .future2: .future2
        }
    }

    /// Pieces of the first line, written left to right while they fit.
    typealias Piece = (text: String, style: Style)

    /// How many lengths `headline` has.
    static let lengths = 4

    /// The first line at one of four lengths (0: the longest; 3: narrow, as at 80×24).
    func headline(_ length: Int) -> [[Piece]] {
        let outcome = analysis.outcome
        let h = analysis.scenario.horizon
        let lead = OutcomeID.leadMonths.rawValue
        // A negative lead takes the minus sign the rest of the screen uses.
        let minus = { (text: String) in text.replacingOccurrences(of: "-", with: "−") }
        let central = minus(Format.outcome(outcome.leadMonths, .leadMonths))
        guard let e = ensemble, e.horizon == h else {
            // Before the ensemble is in, only the central run speaks, and says so.
            let title = outcome.future.title.uppercased()
            return [
                [(" CENTRAL RUN: \(title) ", Style(Self.role(outcome.future), [.reverse, .bold]))],
                [(" lead \(central)", Style(.policy, .bold)), ("  (worlds: ensemble running…)", Style(.muted))],
            ]
        }
        let (future, probability) = e.probability.mostLikely
        let median = minus(String(format: "%.1f", e.p50[lead][h]))
        let range = minus(String(format: "%.1f–%.1f", e.p10[lead][h], e.p90[lead][h]))
        let p = e.probability
        let narrow = length >= 3
        let name =
            !narrow
            ? future.title.uppercased() : future == .contested ? "CONTESTED" : future == .future1 ? "F1" : "F2"
        let badge: Piece = (
            " MOST LIKELY \(name)\(!narrow ? " ·" : "") \(Format.percent(probability)) ",
            Style(Self.role(future), [.reverse, .bold])
        )
        let dot = " · "
        let long = length == 0
        // Narrow screens write "54%" for "54 %".
        let percent = { (x: Double) in !narrow ? Format.percent(x) : String(format: "%.0f%%", x * 100) }
        let probabilities: [Piece] = [
            (long ? "  P(Future 1) " : "  P(F1) ", Style(.future1)),
            (percent(p.future1), Style(.foreground, .bold)),
            ("\(dot)contested ", Style(.accent)),
            (percent(p.contested), Style(.foreground, .bold)),
            (long ? "\(dot)P(Future 2) " : "\(dot)P(F2) ", Style(.future2)),
            (percent(p.future2), Style(.foreground, .bold)),
        ]
        guard !narrow else {
            // Narrow: the probabilities before the central run, which is cut to its band.
            return [
                [badge], probabilities,
                [(" · central ", Style(.foreground)), (central, Style(.policy, .bold))],
                [(" (\(range))", Style(.muted))],
            ]
        }
        // Length 2 leaves out the median (the band's p10–p90 stays).
        let spread = length < 2 ? ", median \(median), p10–p90 \(range)" : ", p10–p90 \(range)"
        return [
            [badge],
            [(" central run ", Style(.foreground)), (central, Style(.policy, .bold)), (spread, Style(.muted))],
            probabilities,
            [("  of \(e.settings.members) worlds", Style(.muted))],
        ]
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 1 else { return }
        // The longest wording in which the verdict, the lead and the probabilities fit.
        let length =
            (0..<Self.lengths).first {
                headline($0).prefix(3).joined().reduce(1) { $0 + $1.text.count } <= rect.width
            } ?? Self.lengths - 1
        var x = rect.x + (length < Self.lengths - 1 ? 1 : 0)
        for group in headline(length) {
            let width = group.reduce(0) { $0 + $1.text.count }
            guard x + width <= rect.maxX else { break }
            for piece in group { x = screen.write(piece.text, x: x, y: rect.y, style: piece.style, clip: rect) }
        }
        guard rect.height >= 2 else { return }
        if let prompt {
            screen.write(prompt, x: rect.x + 1, y: rect.y + 1, role: .foreground, clip: rect)
            return
        }
        let line =
            explanation.isEmpty
            ? "Move a slider to see what it changes. An illustrative model, not a forecast." : explanation
        let prefix = explanation.isEmpty || !isChange ? "" : "Last change: "
        let px = screen.write(prefix, x: rect.x + 1, y: rect.y + 1, role: .muted, clip: rect)
        screen.write(line, x: px, y: rect.y + 1, role: .foreground, clip: rect)
    }
}
