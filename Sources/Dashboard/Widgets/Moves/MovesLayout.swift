import Foundation
import FuturesModel

/// What the three views of "What moves it" share: the box with its title, the columns
/// (name, bar, value) and the bar rows of the tornado and the waterfall. Each view is a
/// widget of its own (`TornadoPanel`, `AttributionPanel`, `AcrossWorldsPanel`).
enum MovesLayout {
    /// The name column's width.
    static func nameWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 20 : 15 }

    /// The value column's width: wide panels write the unit after each number ("+4.9 mo").
    static func valueWidth(_ inner: Rect) -> Int { inner.width >= 50 ? 8 : 6 }

    /// The bar column's width.
    static func barWidth(_ inner: Rect) -> Int { inner.width - nameWidth(inner) - valueWidth(inner) - 2 }

    /// Draws the box with `title`; the inside, or nil where it is too small for rows.
    static func box(_ rect: Rect, title: String, into screen: inout Screen) -> Rect? {
        screen.box(rect, title: title)
        let inner = rect.inset(1)
        guard inner.height > 0, inner.width > 20 else { return nil }
        return inner
    }

    /// Writes `lines` at the bottom of `inner`.
    static func footnote(_ lines: [String], _ inner: Rect, into screen: inout Screen) {
        for (i, line) in lines.enumerated() {
            screen.write(line, x: inner.x, y: inner.maxY - lines.count + i, role: .muted, clip: inner)
        }
    }
}

/// One bar row of the tornado or the waterfall.
struct MovesRow {
    var name: String
    var from: Double
    var to: Double
    var value: String
    var note: String?
    var style = Style(.foreground)
    /// Words instead of a bar (the start of a policy that is the status quo).
    var blank: String?

    /// Draws one bar row (and its note under it, when there is room).
    func draw(
        y: Int, _ inner: Rect, nameWidth: Int, scale: BarScale, notes: Bool, into screen: inout Screen
    ) {
        screen.write(Format.pad(name, nameWidth), x: inner.x, y: y, style: style, clip: inner)
        if let blank {
            screen.write(blank, x: inner.x + nameWidth + 1, y: y, role: .muted, clip: inner)
        } else {
            scale.draw(from: from, to: to, x0: inner.x + nameWidth + 1, y: y, into: &screen)
        }
        let valueWidth = MovesLayout.valueWidth(inner)
        let text = Format.pad(value + (inner.width >= 50 ? " mo" : ""), valueWidth, right: true)
        screen.write(text, x: inner.maxX - valueWidth, y: y, role: .foreground, flags: .bold, clip: inner)
        if notes, let note, y + 1 < inner.maxY {
            screen.write(note, x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
        }
    }
}

/// Horizontal bars on a shared scale, for the tornado and the waterfall, with a centre
/// line at zero (today's value in the tornado).
struct BarScale {
    let low: Double
    let high: Double
    let width: Int

    init(values: [Double], width: Int) {
        low = min(0, values.min() ?? 0)
        high = max(0, values.max() ?? 0)
        self.width = width
    }

    /// The column (0…width−1 boundary, as a position between cells) of value v.
    func column(_ v: Double) -> Int {
        guard high > low else { return 0 }
        return Int(((v - low) / (high - low) * Double(width)).rounded())
    }

    /// Draws a bar from a to b in row y from x0: the part above zero light, below dark (neutral
    /// colours, not the futures'), with the centre line at zero.
    func draw(from a: Double, to b: Double, x0: Int, y: Int, into screen: inout Screen) {
        let c0 = column(min(a, b)), c1 = column(max(a, b))
        let zero = column(0)
        for c in 0..<width {
            let x = x0 + c
            if c >= c0 && c < c1 {
                screen[x, y] = Cell("█", Style(c >= zero ? .accent : .muted))
            } else if c == zero || (zero == width && c == width - 1) {
                // Where the bar ends at "now" the line is the marker of now, drawn as bold
                // as inside a bar; elsewhere it is a faint guide.
                screen[x, y] =
                    c0 < c1 && (c0 == zero || c1 == zero) ? Cell("┃", Style(.foreground)) : Cell("│", Style(.grid))
            }
        }
        if c0 == c1 {
            // A change too small for a cell still shows as a thin mark.
            let c = min(width - 1, c0)
            screen[x0 + c, y] = Cell(b >= a ? "▕" : "▏", Style(.muted))
        }
        // The centre line stays visible through the bar.
        if zero > 0, zero < width, zero >= c0, zero < c1 { screen[x0 + zero, y] = Cell("┃", Style(.foreground)) }
    }
}

/// A signed number of months without unit, with a real minus sign: "+1.2", "−0.4", and
/// "0.0" for a change that rounds to nothing.
func signedMonths(_ x: Double) -> String {
    let text = String(format: "%.1f", abs(x))
    if text == "0.0" { return "0.0" }
    return (x < 0 ? "−" : "+") + text
}
