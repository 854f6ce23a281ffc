/// A finished frame for the terminal: a grid of cells, each one character wide, with a
/// style. The terminal layer knows nothing else about what it draws.
public struct TerminalFrame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, `width × height` cells.
    public var cells: [TerminalCell]

    public init(width: Int, height: Int, cells: [TerminalCell]) {
        precondition(cells.count == width * height, "a frame needs width × height cells")
        self.width = width
        self.height = height
        self.cells = cells
    }

    public subscript(x: Int, y: Int) -> TerminalCell { cells[y * width + x] }
}

/// One cell: a character and how to draw it.
public struct TerminalCell: Equatable, Sendable {
    public var character: Character
    /// An index into the palette's role colours.
    public var role: Int
    /// The role colour of the cell's background, or −1 for the palette's background.
    public var background: Int
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        _ character: Character, role: Int, background: Int = -1, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.character = character
        self.role = role
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// The colours a frame's roles map to, as 24-bit RGB; the terminal maps them to the
/// nearest colours it has. `nil` colours (or a terminal without colour) mean: use the
/// terminal's defaults, and let bold/dim/reverse carry the meaning.
public struct TerminalPalette: Equatable, Sendable {
    public var background: RGB?
    public var roles: [RGB?]

    public init(background: RGB?, roles: [RGB?]) {
        self.background = background
        self.roles = roles
    }

    /// No colours at all (NO_COLOR, monochrome terminals).
    public static func monochrome(roles: Int) -> TerminalPalette {
        TerminalPalette(background: nil, roles: Array(repeating: nil, count: roles))
    }
}
