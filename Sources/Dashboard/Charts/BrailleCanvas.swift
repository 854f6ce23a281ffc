/// A canvas of braille dots, 2×4 per cell (the ratatui/btop technique). A cell shows one
/// colour: the role of the highest-priority line with a dot in it. Underneath, in layers:
/// rules (threshold lines, dashed) show in cells that no line touches, and the band is a
/// filled background behind whatever the cell shows.
public struct BrailleCanvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var dots: [UInt8]
    private var band: [Bool]
    private var rules: [Role?]
    private var roles: [Role]
    private var priorities: [Int]
    private var flags: [CellFlags]

    /// A canvas of `width`×`height` cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        let n = self.width * self.height
        dots = Array(repeating: 0, count: n)
        band = Array(repeating: false, count: n)
        rules = Array(repeating: nil, count: n)
        roles = Array(repeating: .foreground, count: n)
        priorities = Array(repeating: Int.min, count: n)
        flags = Array(repeating: [], count: n)
    }

    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// The bit of the dot at (column 0–1, row 0–3) inside a cell (Unicode braille order).
    static func bit(_ dx: Int, _ dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }

    /// Sets one dot of a line with `role`; higher `priority` wins the cell's colour.
    public mutating func set(x: Int, y: Int, role: Role, priority: Int, flags: CellFlags = []) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * width + x / 2
        dots[i] |= Self.bit(x % 2, y % 4)
        if priority > priorities[i] {
            priorities[i] = priority
            roles[i] = role
            self.flags[i] = flags
        }
    }

    /// Puts cell (cx, cy) in the band: its background is filled.
    public mutating func setBand(cx: Int, cy: Int) {
        guard cx >= 0, cy >= 0, cx < width, cy < height else { return }
        band[cy * width + cx] = true
    }

    /// Draws a rule (a threshold) across row `cy` in `role`, under the lines.
    public mutating func setRule(row cy: Int, role: Role) {
        guard cy >= 0, cy < height else { return }
        for cx in 0..<width { rules[cy * width + cx] = role }
    }

    /// How a line's dots are laid.
    public enum Pattern: Sendable, Equatable {
        /// Every dot.
        case solid
        /// Two dots on, two off: reads differently without colour.
        case dashed
        /// One dot on, two off: a thin line (the ensemble's median).
        case dotted
    }

    /// Draws a straight line between two dots (Bresenham) in `pattern`; `phase` carries the
    /// pattern on from one segment of a polyline to the next.
    public mutating func line(
        from a: (Int, Int), to b: (Int, Int), role: Role, priority: Int, flags: CellFlags = [],
        pattern: Pattern = .solid, phase: inout Int
    ) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            let on =
                switch pattern {
                case .solid: true
                case .dashed: phase % 4 < 2
                case .dotted: phase % 3 == 0
                }
            if on { set(x: x0, y: y0, role: role, priority: priority, flags: flags) }
            phase += 1
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy {
                err += dy
                x0 += sx
            }
            if e2 <= dx {
                err += dx
                y0 += sy
            }
        }
    }

    /// Whether any line dot lies in cell (cx, cy).
    public func hasLine(_ cx: Int, _ cy: Int) -> Bool { dots[cy * width + cx] != 0 }

    /// The cell at (cx, cy): line dots in their role, else a rule, else the band, else
    /// nil; drawn as braille dots, half blocks, or one ASCII character per line role. The
    /// band is the cell's background; `shadeBand` (no colours) draws it as a light shade.
    public func cell(_ cx: Int, _ cy: Int, glyphs: GlyphStyle = .braille, shadeBand: Bool = false) -> Cell? {
        let i = cy * width + cx
        let background: Role? = band[i] && !shadeBand ? .band : nil
        // A rule shows through a cell that only the thinnest line (priority ≤ 0) touches.
        if let rule = rules[i], dots[i] == 0 || priorities[i] <= 0 {
            return Cell("╌", Style(rule, [], background: background))
        }
        if dots[i] != 0 {
            let c: Character
            switch glyphs {
            case .braille: c = Self.character(dots[i])
            case .block: c = Self.block(dots[i])
            case .ascii: c = Self.ascii(roles[i])
            }
            return Cell(c, Style(roles[i], flags[i], background: background))
        }
        if band[i] {
            if shadeBand { return Cell(glyphs == .ascii ? ":" : "░", Style(.band)) }
            return Cell(" ", Style(.band, background: .band))
        }
        return nil
    }

    /// Half blocks: the upper half for dots in rows 0–1, the lower for rows 2–3.
    static func block(_ bits: UInt8) -> Character {
        let upper = bits & 0x1B != 0, lower = bits & 0xE4 != 0
        return upper && lower ? "█" : (upper ? "▀" : "▄")
    }

    /// One character per line, so that lines differ without colour or braille.
    static func ascii(_ role: Role) -> Character {
        switch role {
        case .future1: "o"
        case .future2: "x"
        case .policy: "#"
        case .muted: "+"
        default: "*"
        }
    }

    static func character(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
    }

    /// Copies every non-empty cell into `screen` with its top left at (x, y).
    public func render(at x: Int, _ y: Int, into screen: inout Screen, shadeBand: Bool = false) {
        for cy in 0..<height {
            for cx in 0..<width {
                if let c = cell(cx, cy, glyphs: screen.glyphs, shadeBand: shadeBand) { screen[x + cx, y + cy] = c }
            }
        }
    }
}
