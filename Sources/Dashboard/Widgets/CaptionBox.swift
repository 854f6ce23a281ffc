import TOML

/// A demo's caption: word-wrapped text in a box centred just above the outcome bar.
public struct CaptionBox: Sendable, Equatable {
    public var text: String
    /// The widest box, borders included.
    public static let maxWidth = 76
    public static let maxLines = 3

    public init(text: String) { self.text = text }

    /// Draws the box so that its bottom border sits on the row above `bar`.
    public func render(above bar: Rect, into screen: inout Screen) {
        let width = min(Self.maxWidth, bar.width - 4)
        guard width > 8 else { return }
        let lines = Self.wrap(sanitized(untrusted: text), width: width - 4).prefix(Self.maxLines)
        let inner = lines.map(\.count).max() ?? 0
        let boxWidth = inner + 4
        let height = lines.count + 2
        let rect = Rect(x: bar.x + (bar.width - boxWidth) / 2, y: bar.y - height, width: boxWidth, height: height)
        guard rect.y >= 1 else { return }
        screen.fill(rect)
        screen.box(rect, style: Style(.accent))
        for (i, line) in lines.enumerated() {
            screen.write(line, x: rect.x + 2, y: rect.y + 1 + i, role: .foreground, flags: .bold, clip: rect.inset(1))
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
