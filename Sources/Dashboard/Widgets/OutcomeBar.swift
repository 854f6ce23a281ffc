import Foundation
import FuturesModel

/// The outcome bar: verdict, horizon lead with its p10–p90 range, the three probabilities,
/// and one line explaining the last change.
public struct OutcomeBar: Sendable, Equatable {
    public var analysis: Analysis
    public var ensemble: EnsembleResult?
    public var explanation: String
    /// A one-line prompt shown instead of the explanation (`s`: "Save as: …").
    public var prompt: String?

    public init(analysis: Analysis, ensemble: EnsembleResult?, explanation: String, prompt: String? = nil) {
        self.prompt = prompt
        self.analysis = analysis
        self.ensemble = ensemble
        self.explanation = explanation
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

    func headline(wide: Bool) -> [[Piece]] {
        let outcome = analysis.outcome
        let h = analysis.scenario.horizon
        var groups: [[Piece]] = [
            [(" \(outcome.future.title.uppercased()) ", Style(Self.role(outcome.future), [.reverse, .bold]))],
            [
                (wide ? " Lead at \(monthLabel(h)): " : " lead ", Style(.foreground)),
                (Format.outcome(outcome.leadMonths, .leadMonths), Style(.policy, .bold)),
            ],
        ]
        let lead = OutcomeID.leadMonths.rawValue
        guard let e = ensemble, e.horizon == h else {
            groups.append([(" (ensemble running…)", Style(.muted))])
            return groups
        }
        let range = String(format: "%.1f–%.1f)", e.p10[lead][h], e.p90[lead][h])
        groups[1].append(((wide ? " (p10–p90 " : " (p10–90 ") + range, Style(.muted)))
        let dot = wide ? " · " : "  "
        let p = e.probability
        groups.append([
            (wide ? "  P(Future 1) " : "  P(F1) ", Style(.future1)),
            (Format.percent(p.future1), Style(.foreground, .bold)),
            ("\(dot)contested ", Style(.accent)),
            (Format.percent(p.contested), Style(.foreground, .bold)),
            (wide ? "\(dot)P(Future 2) " : "\(dot)P(F2) ", Style(.future2)),
            (Format.percent(p.future2), Style(.foreground, .bold)),
        ])
        groups.append([(wide ? "  (F1: lead ≥ 12 mo · F2: ≤ 3 mo)" : "  F1 ≥12 · F2 ≤3", Style(.muted))])
        groups.append([("  adoption \(Format.outcome(outcome.adoption, .adoption))", Style(.muted))])
        return groups
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 1 else { return }
        // The long wording when the lead and the probabilities fit in it, else the short one.
        let long = headline(wide: true)
        let wide = long.prefix(3).joined().reduce(1) { $0 + $1.text.count } <= rect.width
        var x = rect.x + (wide ? 1 : 0)
        for group in wide ? long : headline(wide: false) {
            let width = group.reduce(0) { $0 + $1.text.count }
            guard x + width <= rect.maxX else { break }
            for piece in group { x = screen.write(piece.text, x: x, y: rect.y, style: piece.style, clip: rect) }
        }
        guard rect.height >= 2 else { return }
        let line =
            explanation.isEmpty
            ? "Move a slider to see what it changes. An illustrative model, not a forecast." : explanation
        if let prompt {
            screen.write(prompt, x: rect.x + 1, y: rect.y + 1, role: .foreground, clip: rect)
            return
        }
        let prefix = explanation.isEmpty ? "" : "Last change: "
        let px = screen.write(prefix, x: rect.x + 1, y: rect.y + 1, role: .muted, clip: rect)
        screen.write(line, x: px, y: rect.y + 1, role: .foreground, clip: rect)
    }
}
