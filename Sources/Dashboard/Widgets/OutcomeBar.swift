import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The outcome bar. First line, across worlds: the most likely future and its probability,
/// the median lead with its p10–p90, the central run ("as set") in a muted colour, the
/// developing markets' verdict (the US stack's median share, and in how many worlds China's
/// stack wins them), then the three probabilities. As set, the central run leads (its
/// future and lead) and the worlds follow as a reference. Second line: the last change, a
/// message, or a prompt. Numbers from an ensemble of an earlier scenario (the next one
/// still refining) are dimmed.
public struct OutcomeBar: Sendable, Equatable {
    public var analysis: Analysis
    public var ensemble: EnsembleResult?
    public var explanation: String
    /// Whether `explanation` tells a change (shown after "Last change:").
    public var isChange: Bool
    /// A one-line prompt shown instead of the explanation (`s`: "Save as: …").
    public var prompt: String?
    /// Whether the bar speaks across worlds (`State.speaksAcrossWorlds`), else as set.
    public var acrossWorlds: Bool
    /// Whether `ensemble` was run for an earlier scenario (its numbers are dimmed).
    public var stale: Bool
    /// Whether the room is asked to predict (a demo's `predict`): the futures and the
    /// numbers show `?`, each character for one, so that nothing moves; the last change too.
    public var hidden = false

    public init(
        analysis: Analysis, ensemble: EnsembleResult?, explanation: String, isChange: Bool = true,
        prompt: String? = nil, acrossWorlds: Bool = false, stale: Bool = false, hidden: Bool = false
    ) {
        self.hidden = hidden
        self.prompt = prompt
        self.analysis = analysis
        self.ensemble = ensemble
        self.explanation = explanation
        self.isChange = isChange
        self.acrossWorlds = acrossWorlds
        self.stale = stale
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
    /// How many of the first line's groups a length must fit whole (the rest follow while
    /// they fit): the verdict, the lead, the other language's lead and the markets.
    static let essentialGroups = 4

    /// The first line at one of four lengths, its numbers hidden while `hidden` (the
    /// worlds' count, which no step changes, stays).
    func shown(_ length: Int) -> [[Piece]] {
        let groups = headline(length)
        guard hidden else { return groups }
        return groups.enumerated().map { i, group in
            i == groups.count - 1 && group.first?.text.hasPrefix("  of ") == true
                ? group : group.map { (NumberMask.mask($0.text), $0.style) }
        }
    }

    /// A future's name, or while `hidden` a `?` for each of its characters.
    func name(_ text: String) -> String {
        hidden ? String(repeating: "?", count: text.count) : text
    }

    /// A future's badge style: its colour reversed, or while `hidden` the accent's.
    func badgeStyle(_ future: Future, _ flags: CellFlags = []) -> Style {
        Style(hidden ? .accent : Self.role(future), flags.union([.reverse, .bold]))
    }

    /// The first line at one of four lengths (0: the longest; 3: narrow, as at 80×24).
    func headline(_ length: Int) -> [[Piece]] {
        let outcome = analysis.outcome
        let h = analysis.scenario.horizon
        let lead = OutcomeID.leadMonths.rawValue
        // A negative lead takes the minus sign the rest of the screen uses.
        let minus = { (text: String) in text.replacing("-", with: "−") }
        let central = minus(Format.outcome(outcome.leadMonths, .leadMonths))
        guard let e = ensemble, e.horizon == h else {
            // Before the ensemble is in, only the central run speaks, and says so.
            let title = name(outcome.future.title.uppercased())
            return [
                [(" CENTRAL RUN: \(title) ", badgeStyle(outcome.future))],
                [(" lead \(central)", Style(.policy, .bold)), ("  (worlds: ensemble running…)", Style(.muted))],
            ]
        }
        let dim: CellFlags = stale ? .dim : []
        let worlds = { (role: Role, flags: CellFlags) in Style(role, flags.union(dim)) }
        let (future, probability) = e.probability.mostLikely
        let median = minus(String(cFormat: "%.1f", e.p50[lead][h]))
        let range = minus(String(cFormat: "%.1f–%.1f", e.p10[lead][h], e.p90[lead][h]))
        let centralNumber = minus(String(cFormat: "%.1f", outcome.leadMonths))
        let p = e.probability
        let narrow = length >= 3
        let long = length == 0
        // Narrow screens write "54%" for "54 %".
        let percent = { (x: Double) in !narrow ? Format.percent(x) : String(cFormat: "%.0f%%", x * 100) }
        let short = { (f: Future) in f == .contested ? "CONTESTED" : f == .future1 ? "F1" : "F2" }
        let dot = " · "
        let probabilities: [Piece] = [
            (long ? "  P(Future 1) " : "  P(F1) ", Style(.future1)),
            (percent(p.future1), worlds(.foreground, .bold)),
            ("\(dot)contested ", Style(.accent)),
            (percent(p.contested), worlds(.foreground, .bold)),
            (long ? "\(dot)P(Future 2) " : "\(dot)P(F2) ", Style(.future2)),
            (percent(p.future2), worlds(.foreground, .bold)),
        ]
        let count: [Piece] = [("  of \(grouped(e.settings.members)) worlds", Style(.muted))]
        // The developing markets: the US stack's share (across worlds its median) and in
        // how many worlds China's stack serves most users.
        let usShare = acrossWorlds ? e.p50[OutcomeID.adoption.rawValue][h] : outcome.adoption
        let china = percent(p.chinaMarkets)
        let markets: [Piece] =
            switch length {
            case 0:
                [
                    ("\(dot)Developing markets: US stack ", Style(.foreground)),
                    (percent(usShare), acrossWorlds ? worlds(.foreground, .bold) : Style(.foreground, .bold)),
                    ("\(dot)China's in ", Style(.foreground)), (china, worlds(.foreground, .bold)),
                    (" of worlds", Style(.foreground)),
                ]
            case 1:
                [
                    ("\(dot)markets: US stack ", Style(.foreground)),
                    (percent(usShare), acrossWorlds ? worlds(.foreground, .bold) : Style(.foreground, .bold)),
                    ("\(dot)China's in ", Style(.foreground)), (china, worlds(.foreground, .bold)),
                    (" of worlds", Style(.foreground)),
                ]
            case 2:
                [
                    ("\(dot)markets: US ", Style(.foreground)),
                    (percent(usShare), acrossWorlds ? worlds(.foreground, .bold) : Style(.foreground, .bold)),
                    ("\(dot)China's in ", Style(.foreground)), (china, worlds(.foreground, .bold)),
                    (" of worlds", Style(.foreground)),
                ]
            default: [("\(dot)P(China mkt) ", Style(.foreground)), (china, worlds(.foreground, .bold))]
            }
        guard acrossWorlds else {
            // As set: the central run leads; the worlds follow as a reference.
            let badge: Piece = (
                " AS SET: \(name(narrow ? short(outcome.future) : outcome.future.title.uppercased())) ",
                badgeStyle(outcome.future)
            )
            let reference =
                switch length {
                case 0, 1: "\(dot)across worlds: median \(median), p10–p90 \(range)"
                case 2: "\(dot)worlds: median \(median) (\(range))"
                default: "\(dot)median \(median) (\(range))"
                }
            return [
                [badge], [(" lead \(central)", Style(.policy, .bold))], [(reference, worlds(.muted, []))], markets,
                probabilities, count,
            ]
        }
        let title = name(!narrow ? future.title.uppercased() : short(future))
        let badge: Piece = (
            " MOST LIKELY \(title)\(!narrow ? " ·" : "") \(percent(probability)) ", badgeStyle(future, dim)
        )
        let leadPieces: [Piece] =
            switch length {
            case 0, 1:
                [
                    (" median lead ", Style(.foreground)), ("\(median) mo", worlds(.policy, .bold)),
                    (" (p10–p90 \(range))", worlds(.muted, [])),
                ]
            case 2:
                [
                    (" median ", Style(.foreground)), ("\(median) mo", worlds(.policy, .bold)),
                    (" (\(range))", worlds(.muted, [])),
                ]
            default:
                [
                    (" median ", Style(.foreground)), (median, worlds(.policy, .bold)),
                    (" (\(range))", worlds(.muted, [])),
                ]
            }
        let asSet: [Piece] = [(narrow ? " as set \(centralNumber)" : "\(dot)as set \(centralNumber)", Style(.muted))]
        return [[badge], leadPieces, asSet, markets, probabilities, count]
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 1 else { return }
        // The longest wording in which the verdict, the lead, the other language's lead and the markets fit.
        let length =
            (0..<Self.lengths).first {
                shown($0).prefix(Self.essentialGroups).joined().reduce(1) { $0 + $1.text.count } <= rect.width
            } ?? Self.lengths - 1
        var x = rect.x + (length < Self.lengths - 1 ? 1 : 0)
        for group in shown(length) {
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
        screen.write(hidden ? NumberMask.mask(line) : line, x: px, y: rect.y + 1, role: .foreground, clip: rect)
    }
}
