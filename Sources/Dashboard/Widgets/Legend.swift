import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-line legend under the charts: what F1, F2 and You are, and the band and the
/// median. It says as much as the width allows, in the lines' own colours. Without colour
/// it also says how the lines differ (F2 dashed, You bold), and in ASCII which character
/// draws which line (o, x, #).
public struct Legend: Sendable, Equatable {
    /// No colours: the band is drawn as a light shade, so the sample is one too, and the
    /// lines are told apart by weight and dashes.
    public var shadeBand: Bool
    /// Whether the ensemble is in (the band and the median are on the charts).
    public var ensemble: Bool
    /// Whether the lines are medians across worlds and the dotted line the central run
    /// ("as set"), rather than central runs and the worlds' median.
    public var acrossWorlds: Bool

    public init(shadeBand: Bool = false, ensemble: Bool = true, acrossWorlds: Bool = false) {
        self.shadeBand = shadeBand
        self.ensemble = ensemble
        self.acrossWorlds = acrossWorlds
    }

    typealias Piece = (text: String, style: Style)

    /// How many lengths `pieces` has (the last one without the words on how the lines differ).
    static let lengths = 7

    /// The legend at one of seven lengths, longest first; `ascii`: lines are drawn in ASCII.
    func pieces(_ length: Int, ascii: Bool = false) -> [Piece] {
        let text = Style(.muted)
        let sample: Piece = shadeBand ? ("░░", Style(.band)) : ("  ", Style(.band, background: .band))
        // Across worlds the lines are medians and the dotted line is the central run.
        let worldsWords: (futures: String, you: String, band: String, median: String) =
            switch length {
            case 0:
                (
                    ": the essay's two policies, run under your assumptions · ", ": your settings; lines: medians",
                    " band: 80 % of worlds", " · ┄ as set: your central run"
                )
            case 1:
                (" the essay's two policies · ", " your settings, median", " 80 % of worlds", " · ┄ as set (central)")
            case 2: (" essay's policies · ", " your median", " 80 % of worlds", " · ┄ as set")
            case 3: (" policies · ", " median", " 80 % of worlds", " · ┄ as set")
            case 4: (" essay · ", " median", " 80 % of worlds", " · ┄ as set")
            default: (" essay · ", "", " 80%", " ┄ as set")
            }
        let setWords: (futures: String, you: String, band: String, median: String) =
            switch length {
            case 0:
                (
                    ": the essay's two policies, run under your assumptions · ", ": your settings, the central run",
                    " band: 80 % of worlds", " · ┄ their median"
                )
            case 1: (" the essay's two policies · ", " your settings, central run", " 80 % of worlds", " · ┄ median")
            case 2: (" essay's policies · ", " your central run", " 80 % of worlds", " · ┄ median")
            // F1 and F2 are policies (the presets), not outcomes: said wherever it fits.
            case 3: (" policies · ", " central run", " 80 % of worlds", " · ┄ median")
            case 4: (" essay · ", " central run", " 80 % of worlds", " · ┄ median")
            default: (" essay · ", "", " 80%", " ┄ median")
            }
        let words = acrossWorlds ? worldsWords : setWords
        // How the lines differ without colour: ASCII draws each with its own character;
        // braille without colour dashes F2 and makes You bold.
        let marks: (f1: String, f2: String, you: String) =
            ascii ? ("o ", "x ", "# ") : ("", "", "")
        let manner: (f2: String, you: String) = shadeBand && !ascii && length < 6 ? (" (dashed)", " (bold)") : ("", "")
        var out: [Piece] = [
            (marks.f1, text), ("F1", Style(.future1, .bold)), (" ", text), (marks.f2, text),
            ("F2", Style(.future2, .bold)), (manner.f2, text), (words.futures, text), (marks.you, text),
            ("You", Style(.policy, .bold)), (manner.you, text), (words.you, text),
        ]
        guard ensemble else { return out.filter { !$0.text.isEmpty } }
        let median = ascii ? words.median.replacing("┄", with: "+") : words.median
        out += [(" · ", text), sample, (words.band, text), (median, text)]
        return out.filter { !$0.text.isEmpty }
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let ascii = screen.glyphs == .ascii
        let chosen =
            (0..<Self.lengths).map { pieces($0, ascii: ascii) }.first {
                $0.reduce(0) { $0 + $1.text.count } <= rect.width - 1
            } ?? pieces(Self.lengths - 1, ascii: ascii)
        var x = rect.x + 1
        for piece in chosen { x = screen.write(piece.text, x: x, y: rect.y, style: piece.style, clip: rect) }
    }
}

/// The futures' key, one row: what Future 1, contested and Future 2 mean (MODEL.md: the
/// US frontier lead at the horizon at least 12 months, between, at most 3), in the
/// futures' colours, as much as the width allows; shown at every size.
public struct FuturesKey: Sendable, Equatable {
    /// The horizon's month label ("2029-01").
    public var horizon: String

    public init(horizon: String) { self.horizon = horizon }

    typealias Piece = (text: String, style: Style)

    /// The thresholds as written on screen ("12", "3").
    static let f1 = months(Constants.future1Threshold), f2 = months(Constants.future2Threshold)

    private static func months(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(cFormat: "%.1f", v)
    }

    /// The key's forms, longest first; each names Future 1, Future 2 and contested with
    /// their thresholds.
    func forms() -> [[Piece]] {
        let text = Style(.muted)
        let one: Piece = ("Future 1", Style(.future1, .bold)), two: Piece = ("Future 2", Style(.future2, .bold))
        let contested: Piece = ("contested", Style(.foreground))
        let (a, b) = (Self.f1, Self.f2)
        return [
            [
                ("By the US frontier lead at \(horizon): ", text), one, (" ≥ \(a) months · ", text),
                contested,
            ]
                + [(" (\(b)–\(a) months) · ", text), two, (" ≤ \(b) months (near parity or China ahead)", text)],
            [("By the lead at \(horizon): ", text), one, (" ≥ \(a) mo · ", text), contested]
                + [(" (\(b)–\(a) mo) · ", text), two, (" ≤ \(b) mo", text)],
            [one, (": lead ≥ \(a) mo · ", text), contested, (" (\(b)–\(a) mo) · ", text), two, (": ≤ \(b) mo", text)],
            [one, (" ≥ \(a) mo · ", text), contested, (" (\(b)–\(a) mo) · ", text), two, (" ≤ \(b) mo", text)],
            [one, (" ≥\(a)mo ", text), contested, (" \(b)–\(a) ", text), two, (" ≤\(b)mo", text)],
        ]
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let all = forms()
        let chosen = all.first { $0.reduce(0) { $0 + $1.text.count } <= rect.width - 1 } ?? all[all.count - 1]
        var x = rect.x + 1
        for piece in chosen { x = screen.write(piece.text, x: x, y: rect.y, style: piece.style, clip: rect) }
    }
}
