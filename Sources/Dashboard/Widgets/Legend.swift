/// The one-line legend under the charts: what F1, F2 and You are, and the band and the
/// median. It says as much as the width allows, in the lines' own colours.
public struct Legend: Sendable, Equatable {
    /// No colours: the band is drawn as a light shade, so the sample is one too.
    public var shadeBand: Bool
    /// Whether the ensemble is in (the band and the median are on the charts).
    public var ensemble: Bool

    public init(shadeBand: Bool = false, ensemble: Bool = true) {
        self.shadeBand = shadeBand
        self.ensemble = ensemble
    }

    typealias Piece = (text: String, style: Style)

    /// How many lengths `pieces` has.
    static let lengths = 5

    /// The legend at one of five lengths, longest first.
    func pieces(_ length: Int) -> [Piece] {
        let text = Style(.muted)
        let sample: Piece = shadeBand ? ("░░", Style(.band)) : ("  ", Style(.band, background: .band))
        let words: (futures: String, you: String, band: String, median: String) =
            switch length {
            case 0:
                (
                    ": the essay's two policies, run under your assumptions · ", ": your settings (the central run)",
                    " band: 80 % of worlds", ", ┄ their median"
                )
            case 1:
                (
                    ": the essay's two policies under your assumptions · ", ": your settings", " 80 % of worlds",
                    ", ┄ median"
                )
            case 2: (" the essay's two policies · ", " your settings", " 80 % of worlds", " ┄ median")
            case 3: (" essay's policies · ", " your levers", " 80 % of worlds", "")
            default: (" essay · ", "", " 80 % worlds", "")
            }
        var out: [Piece] = [
            ("F1", Style(.future1, .bold)), (" ", text), ("F2", Style(.future2, .bold)), (words.futures, text),
            ("You", Style(.policy, .bold)), (words.you, text),
        ]
        guard ensemble else { return out }
        out += [(" · ", text), sample, (words.band, text), (words.median, text)]
        return out
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let chosen =
            (0..<Self.lengths).map(pieces).first { $0.reduce(0) { $0 + $1.text.count } <= rect.width - 1 }
            ?? pieces(Self.lengths - 1)
        var x = rect.x + 1
        for piece in chosen { x = screen.write(piece.text, x: x, y: rect.y, style: piece.style, clip: rect) }
    }
}
