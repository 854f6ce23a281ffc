import Foundation

/// Horizontal bars on a shared scale, for the tornado and the waterfall.
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

    /// Draws a bar from a to b in row y from x0, coloured by direction, with a zero mark.
    func draw(from a: Double, to b: Double, x0: Int, y: Int, into screen: inout Screen) {
        let c0 = column(min(a, b)), c1 = column(max(a, b))
        let zero = column(0)
        let role: Role = b >= a ? .future1 : .future2
        for c in 0..<width {
            let x = x0 + c
            if c >= c0 && c < c1 {
                screen[x, y] = Cell("█", Style(role))
            } else if c == zero || (zero == width && c == width - 1) {
                screen[x, y] = Cell("│", Style(.grid))
            }
        }
        if c0 == c1 {
            // A change too small for a cell still shows as a thin mark.
            let c = min(width - 1, c0)
            screen[x0 + c, y] = Cell(b >= a ? "▕" : "▏", Style(role))
        }
    }
}

/// A signed number of months without unit, with a real minus sign: "+1.2", "−0.4".
func signedMonths(_ x: Double) -> String {
    (x < 0 ? "−" : "+") + String(format: "%.1f", abs(x))
}
