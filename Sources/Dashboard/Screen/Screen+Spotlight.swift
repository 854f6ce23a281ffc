/// What a demo's presenter does to a drawn frame: dims all but one panel (the spotlight),
/// hides numbers behind `?` while the room predicts, and highlights a revealed change.
extension Screen {
    /// Dims every cell of `area` outside the rects of `keep`: the muted colour, no bold, a
    /// background in the band's grey, and the terminal's dim attribute on a screen without colours (where the muted
    /// colour is the foreground's). The characters stay.
    public mutating func dim(_ area: Rect, except keep: [Rect]) {
        let r = area.intersection(self.area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where !keep.contains(where: { $0.contains(x: x, y: y) }) {
                var style = self[x, y].style
                style.role = .muted
                style.flags.remove(.bold)
                // A coloured background (China's sources, a selection) turns the band's grey.
                if style.background != nil { style.background = .band }
                if mono { style.flags.insert(.dim) }
                self[x, y].style = style
            }
        }
    }

    /// Highlights every cell of `rect`: bold on the selection's background (a reversed
    /// badge keeps its colours); without colours the cells' video is inverted instead
    /// (reversed ones turn plain).
    public mutating func highlight(_ rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                var style = self[x, y].style
                style.flags.remove(.dim)
                if mono {
                    style.flags.formSymmetricDifference(.reverse)
                } else if !style.flags.contains(.reverse) {
                    // A reversed badge keeps its own colours.
                    style.background = .selection
                }
                style.flags.insert(.bold)
                self[x, y].style = style
            }
        }
    }

    /// Shows every number inside `rect` as `?`, one for each of its characters, so that
    /// nothing moves (see `NumberMask`); labels such as "F2" or "p90" stay.
    public mutating func maskNumbers(in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = (r.x..<r.maxX).map { self[$0, y].character }
            for (i, c) in NumberMask.mask(row).enumerated() { self[r.x + i, y].character = c }
        }
    }
}

/// Hides numbers while the room predicts: each character of a number (its sign, digits,
/// decimal point and thousands separators) becomes `?`. A digit right after a letter
/// belongs to a name ("F2", "p10", "P(F1)") and stays, and so does a future's number
/// ("Future 1").
public enum NumberMask {
    /// `text` with its numbers hidden, the same length.
    public static func mask(_ text: String) -> String { String(mask(Array(text))) }

    /// The characters with their numbers hidden.
    static func mask(_ chars: [Character]) -> [Character] {
        var out = chars
        var i = 0
        while i < chars.count {
            let startsNumber: Bool
            let previous = i > 0 ? chars[i - 1] : " "
            let label =
                previous.isLetter || previous.isNumber || previous == "_"
                || (i >= 7 && String(chars[(i - 7)..<i]) == "Future ")
            if chars[i].isASCIIDigit {
                startsNumber = !label
            } else if "+-−±".contains(chars[i]), i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                startsNumber = !label
            } else {
                startsNumber = false
            }
            guard startsNumber else {
                // Skip a whole label ("F12"), so that its digits are not read as a number.
                if chars[i].isLetter {
                    while i < chars.count && (chars[i].isLetter || chars[i].isNumber) { i += 1 }
                } else {
                    i += 1
                }
                continue
            }
            out[i] = "?"
            i += 1
            while i < chars.count {
                let c = chars[i]
                let inside =
                    c.isASCIIDigit || ((c == "." || c == ",") && i + 1 < chars.count && chars[i + 1].isASCIIDigit)
                guard inside else { break }
                out[i] = "?"
                i += 1
            }
        }
        return out
    }
}

extension Character {
    /// 0–9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
