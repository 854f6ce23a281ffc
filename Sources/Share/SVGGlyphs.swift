/// The glyphs an SVG draws as shapes rather than text: braille dots as circles, block
/// elements and shades as rectangles, box-drawing lines (light, heavy, dashed) as thin
/// rectangles that meet in the cell's centre. Fonts without these glyphs, or with a line
/// height other than the cell's, then still show unbroken charts and boxes.
enum SVGGlyphs {
    /// A shape's colour and opacity (dim text, shades).
    struct Fill: Hashable {
        var color: String
        var opacity: String?
    }

    /// Path data by fill, in the order the fills first appear (so the output is the same
    /// every time): one `<path>` element per fill.
    struct Paths {
        private var order: [Fill] = []
        private var data: [Fill: String] = [:]

        mutating func add(_ fill: Fill, _ d: String) {
            guard !d.isEmpty else { return }
            if data[fill] == nil { order.append(fill) }
            data[fill, default: ""] += d
        }

        var svg: String {
            var out = ""
            for fill in order {
                let opacity = fill.opacity.map { " fill-opacity=\"\($0)\"" } ?? ""
                out += "<path fill=\"\(fill.color)\"\(opacity) d=\"\(data[fill]!)\"/>\n"
            }
            return out
        }
    }

    static let w = Double(SVGWriter.cellWidth)
    static let h = Double(SVGWriter.cellHeight)
    /// Line thickness: light and heavy.
    static let light = 1.2
    static let heavy = 2.6
    static let dotRadius = 1.4

    /// Whether `c` is drawn as a shape.
    static func isShape(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x2800...0x28FF).contains(v) || (0x2580...0x259F).contains(v) || lines[v] != nil || dashes[v] != nil
    }

    /// Adds the shape of `c` in the cell at (`x`, `y`) pixels, if it has one.
    static func draw(_ c: Character, x: Int, y: Int, fill: Fill, into paths: inout Paths) {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return }
        let x = Double(x), y = Double(y)
        switch v {
        case 0x2800...0x28FF:
            paths.add(fill, braille(v - 0x2800, x: x, y: y))
        case 0x2591...0x2593:
            // Shades: the whole cell, a quarter, half or three quarters opaque.
            let shade = Fill(color: fill.color, opacity: ["0.25", "0.5", "0.75"][Int(v - 0x2591)])
            paths.add(shade, rect(x, y, w, h))
        case 0x2580...0x259F:
            paths.add(fill, block(v, x: x, y: y))
        default:
            if let arms = lines[v] {
                paths.add(fill, line(arms, x: x, y: y))
            } else if let dash = dashes[v] {
                paths.add(fill, dashed(dash, x: x, y: y))
            }
        }
    }

    /// The dots of braille pattern `bits` (dots 1–8 as bits 0–7): two columns of four.
    static func braille(_ bits: UInt32, x: Double, y: Double) -> String {
        // Dot n's column and row: 1 2 3 7 on the left, 4 5 6 8 on the right.
        let positions = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
        var d = ""
        for (bit, (column, row)) in positions.enumerated() where bits & (1 << UInt32(bit)) != 0 {
            let cx = x + (Double(column) + 0.5) * w / 2
            let cy = y + (Double(row) + 0.5) * h / 4
            let r = dotRadius
            d += "M\(number(cx - r)) \(number(cy))a\(number(r)) \(number(r)) 0 1 0 \(number(2 * r)) 0"
            d += "a\(number(r)) \(number(r)) 0 1 0 \(number(-2 * r)) 0"
        }
        return d
    }

    /// Block elements U+2580–U+259F (the shades are drawn by the caller).
    static func block(_ v: UInt32, x: Double, y: Double) -> String {
        switch v {
        case 0x2580: return rect(x, y, w, h / 2)
        case 0x2581...0x2588:
            let n = Double(v - 0x2580)
            return rect(x, y + h - n * h / 8, w, n * h / 8)
        case 0x2589...0x258F:
            return rect(x, y, Double(0x2590 - v) * w / 8, h)
        case 0x2590: return rect(x + w / 2, y, w / 2, h)
        case 0x2594: return rect(x, y, w, h / 8)
        case 0x2595: return rect(x + w * 7 / 8, y, w / 8, h)
        default:
            // Quadrants ▖▗▘▙▚▛▜▝▞▟: upper left, upper right, lower left, lower right.
            let quadrants: [UInt32: [Int]] = [
                0x2596: [2], 0x2597: [3], 0x2598: [0], 0x2599: [0, 2, 3], 0x259A: [0, 3], 0x259B: [0, 1, 2],
                0x259C: [0, 1, 3], 0x259D: [1], 0x259E: [1, 2], 0x259F: [1, 2, 3],
            ]
            return (quadrants[v] ?? []).map { q in
                rect(x + Double(q % 2) * w / 2, y + Double(q / 2) * h / 2, w / 2, h / 2)
            }.joined()
        }
    }

    /// A box-drawing character's arms: left, right, up, down, each 0 (none), 1 (light) or
    /// 2 (heavy).
    struct Arms {
        var left = 0, right = 0, up = 0, down = 0
    }

    static let lines: [UInt32: Arms] = [
        0x2500: Arms(left: 1, right: 1), 0x2501: Arms(left: 2, right: 2),
        0x2502: Arms(up: 1, down: 1), 0x2503: Arms(up: 2, down: 2),
        0x250C: Arms(right: 1, down: 1), 0x250F: Arms(right: 2, down: 2),
        0x2510: Arms(left: 1, down: 1), 0x2513: Arms(left: 2, down: 2),
        0x2514: Arms(right: 1, up: 1), 0x2517: Arms(right: 2, up: 2),
        0x2518: Arms(left: 1, up: 1), 0x251B: Arms(left: 2, up: 2),
        0x251C: Arms(right: 1, up: 1, down: 1), 0x2523: Arms(right: 2, up: 2, down: 2),
        0x2524: Arms(left: 1, up: 1, down: 1), 0x252B: Arms(left: 2, up: 2, down: 2),
        0x252C: Arms(left: 1, right: 1, down: 1), 0x2533: Arms(left: 2, right: 2, down: 2),
        0x2534: Arms(left: 1, right: 1, up: 1), 0x253B: Arms(left: 2, right: 2, up: 2),
        0x253C: Arms(left: 1, right: 1, up: 1, down: 1), 0x254B: Arms(left: 2, right: 2, up: 2, down: 2),
        0x256D: Arms(right: 1, down: 1), 0x256E: Arms(left: 1, down: 1),
        0x256F: Arms(left: 1, up: 1), 0x2570: Arms(right: 1, up: 1),
        0x2574: Arms(left: 1), 0x2575: Arms(up: 1), 0x2576: Arms(right: 1), 0x2577: Arms(down: 1),
        0x2578: Arms(left: 2), 0x2579: Arms(up: 2), 0x257A: Arms(right: 2), 0x257B: Arms(down: 2),
    ]

    /// Dashed lines: horizontal or not, how many dashes, heavy or not.
    static let dashes: [UInt32: (horizontal: Bool, count: Int, weight: Int)] = [
        0x2504: (true, 3, 1), 0x2505: (true, 3, 2), 0x2506: (false, 3, 1), 0x2507: (false, 3, 2),
        0x2508: (true, 4, 1), 0x2509: (true, 4, 2), 0x250A: (false, 4, 1), 0x250B: (false, 4, 2),
        0x254C: (true, 2, 1), 0x254D: (true, 2, 2), 0x254E: (false, 2, 1), 0x254F: (false, 2, 2),
    ]

    static func thickness(_ weight: Int) -> Double { weight == 2 ? heavy : light }

    /// The arms as rectangles from the cell's edges to its centre, overlapping there.
    static func line(_ arms: Arms, x: Double, y: Double) -> String {
        let cx = x + w / 2, cy = y + h / 2
        // How far an arm reaches past the centre: half the thickest crossing arm.
        let vertical = thickness(max(arms.up, arms.down)) / 2
        let horizontal = thickness(max(arms.left, arms.right)) / 2
        var d = ""
        if arms.left > 0 {
            let t = thickness(arms.left)
            d += rect(x, cy - t / 2, w / 2 + (arms.up + arms.down > 0 ? vertical : 0), t)
        }
        if arms.right > 0 {
            let t = thickness(arms.right)
            let start = cx - (arms.up + arms.down > 0 ? vertical : 0)
            d += rect(start, cy - t / 2, x + w - start, t)
        }
        if arms.up > 0 {
            let t = thickness(arms.up)
            d += rect(cx - t / 2, y, t, h / 2 + (arms.left + arms.right > 0 ? horizontal : 0))
        }
        if arms.down > 0 {
            let t = thickness(arms.down)
            let start = cy - (arms.left + arms.right > 0 ? horizontal : 0)
            d += rect(cx - t / 2, start, t, y + h - start)
        }
        return d
    }

    /// `count` dashes across the cell, each 60 % of its share, centred in it.
    static func dashed(_ dash: (horizontal: Bool, count: Int, weight: Int), x: Double, y: Double) -> String {
        let t = thickness(dash.weight)
        let length = dash.horizontal ? w : h
        let share = length / Double(dash.count)
        var d = ""
        for i in 0..<dash.count {
            let start = Double(i) * share + share * 0.2
            d +=
                dash.horizontal
                ? rect(x + start, y + h / 2 - t / 2, share * 0.6, t)
                : rect(x + w / 2 - t / 2, y + start, t, share * 0.6)
        }
        return d
    }

    /// A rectangle as path data.
    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> String {
        "M\(number(x)) \(number(y))h\(number(width))v\(number(height))h\(number(-width))z"
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12", "2.25", "-2.4").
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
