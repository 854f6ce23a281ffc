/// A grid of cells that widgets draw into and the terminal layer copies (ratatui's Buffer).
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The theme's glyph style: charts and boxes draw with it (see `asciified()`).
    public var glyphs: GlyphStyle = .braille
    /// Whether box and separator titles are bold (the theme's `bold_titles`).
    public var boldTitles = true
    /// Whether the terminal shows no colours (NO_COLOR or --no-color): widgets that mark
    /// something by colour alone mark it by reverse video instead.
    public var mono = false

    /// A screen filled with `fill` (a space by default; tests use "x" to show stray writes).
    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// A screen from text lines, in the plain style; shorter lines are padded with spaces.
    public init(lines: [String]) {
        let w = lines.map(\.count).max() ?? 0
        self.init(width: w, height: lines.count)
        for (y, line) in lines.enumerated() {
            for (x, c) in line.enumerated() { cells[y * w + x].character = c }
        }
    }

    /// The whole screen as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); reading outside gives a blank cell, writing outside is ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get { inBounds(x, y) ? cells[y * width + x] : Cell() }
        set { if inBounds(x, y) { cells[y * width + x] = newValue } }
    }

    func inBounds(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The characters of row y.
    public func line(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        return String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }

    /// Every row, joined by "\n": what snapshot tests compare.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }

    /// The first position of `needle` on the screen, if any.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let row = Array(line(y))
            let n = Array(needle)
            guard n.count <= row.count, !n.isEmpty else { continue }
            for x in 0...(row.count - n.count) where Array(row[x..<(x + n.count)]) == n {
                return (x, y)
            }
        }
        return nil
    }
}

extension Screen {
    /// The screen with every character outside ASCII replaced by a look-alike: what a
    /// theme with `glyphs = "ascii"` shows.
    public func asciified() -> Screen {
        var copy = self
        for i in copy.cells.indices where !copy.cells[i].character.isASCII {
            copy.cells[i].character = Self.asciiFallback(copy.cells[i].character)
        }
        return copy
    }

    /// An ASCII stand-in for one character.
    static func asciiFallback(_ c: Character) -> Character {
        if let mapped = asciiTable[c] { return mapped }
        if let scalar = c.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) { return "." }
        return "?"
    }

    static let asciiTable: [Character: Character] = [
        "─": "-", "━": "=", "╌": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "▸": ">", "●": "O", "→": ">", "←": "<", "↑": "^", "↓": "v", "⇄": "=", "⇧": "^", "×": "x", "≥": ">",
        "≤": "<", "−": "-", "–": "-", "—": "-", "±": "+", "…": ".", "·": ".", "’": "'", "‘": "'", "“": "\"",
        "”": "\"", "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "▓": "%",
        "▒": "+", "░": ":", "▀": "\"", "┬": "+", "┴": "+", "┼": "+", "▏": "|", "▕": "|", "§": "S", "Δ": "d", "≈": "~",
        "°": "o", "é": "e", "⁺": "+", "┃": "|", "╎": ":", "┄": "-", "↗": "/",
    ]
}

/// A semantic colour role: themes map each role to a terminal colour (DESIGN.md "Themes").
/// Four colour China's compute by source, distinct from the futures' colours; the last
/// two are the futures' colours halfway to the background, for the map's shading.
public enum Role: String, Sendable, Equatable, Hashable, CaseIterable {
    case background, foreground, muted, accent, future1, future2, policy, band, grid, selection, warning
    case domestic, imports, smuggled, offshore
    case future1Faint = "future1_faint", future2Faint = "future2_faint"

    /// Roles a theme file may leave out: the four sources take the built-in dark theme's
    /// colour, the faint ones their future's colour halfway to the background.
    public static let optional: Set<Role> = [.domestic, .imports, .smuggled, .offshore, .future1Faint, .future2Faint]

    /// For a faint role, the role it fades.
    public var fades: Role? {
        switch self {
        case .future1Faint: .future1
        case .future2Faint: .future2
        default: nil
        }
    }
}

/// Text attributes that work on every terminal, including monochrome ones.
public struct CellFlags: OptionSet, Sendable, Equatable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellFlags(rawValue: 1 << 0)
    public static let reverse = CellFlags(rawValue: 1 << 1)
    public static let dim = CellFlags(rawValue: 1 << 2)
}

/// How a cell is drawn: a role for the character, its flags, and optionally a role for
/// the cell's background (nil: the screen's background).
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    public var flags: CellFlags
    public var background: Role?

    public init(_ role: Role = .foreground, _ flags: CellFlags = [], background: Role? = nil) {
        self.role = role
        self.flags = flags
        self.background = background
    }

    public static let plain = Style()
}

/// One terminal cell: a single-column character and its style.
public struct Cell: Sendable, Equatable, Hashable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public var role: Role { style.role }
    public var flags: CellFlags { style.flags }
}
