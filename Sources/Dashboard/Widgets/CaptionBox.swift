import TOML

/// A demo's caption: word-wrapped text in its own band above the outcome bar, so that it
/// never covers a chart or the tornado.
public struct CaptionBox: Sendable, Equatable {
    public var text: String
    /// Whether the caption asks the room to predict (a demo's `predict`): it reads
    /// "Predict: …" in the accent colour.
    public var question: Bool

    public init(text: String, question: Bool = false) {
        self.text = text
        self.question = question
    }

    /// The text shown: a question starts with "Predict: " unless it says so already.
    public var shown: String {
        guard question, !text.lowercased().hasPrefix("predict") else { return text }
        return "Predict: " + text
    }

    /// Draws the caption centred in `band` (one line per row; longer text is cut with "…").
    public func render(in band: Rect, into screen: inout Screen) {
        guard band.height > 0, band.width > 8 else { return }
        screen.fill(band, style: Style(.foreground, background: .selection))
        let width = min(band.width - 4, 116)
        var lines = Self.wrap(sanitized(untrusted: shown), width: width)
        if lines.count > band.height {
            lines = Array(lines.prefix(band.height))
            lines[lines.count - 1] = String(lines[lines.count - 1].prefix(width - 1)) + "…"
        }
        let top = band.y + (band.height - lines.count) / 2
        for (i, line) in lines.enumerated() {
            let x = band.x + (band.width - line.count) / 2
            screen.write(
                line, x: x, y: top + i, style: Style(question ? .accent : .foreground, .bold, background: .selection),
                clip: band)
        }
    }

    /// Splits `text` into lines of at most `width` characters at spaces (long words are cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines = [String]()
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
