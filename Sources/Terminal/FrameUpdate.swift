/// What the terminal paints for one frame: the cells that changed since the last frame, or
/// every cell after clearing (`full`). The diff is made above the backends
/// (`Screen.diff`); backends only paint.
public struct FrameUpdate: Equatable, Sendable {
    /// One cell to paint.
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: TerminalCell

        public init(x: Int, y: Int, cell: TerminalCell) {
            self.x = x
            self.y = y
            self.cell = cell
        }
    }

    /// The frame's size in cells.
    public let width: Int
    public let height: Int
    /// Whether the screen is cleared first and every cell painted.
    public let full: Bool
    /// The cells to paint, in row-major order: every cell when `full`.
    public let changes: [Change]

    public init(width: Int, height: Int, full: Bool, changes: [Change]) {
        self.width = width
        self.height = height
        self.full = full
        self.changes = changes
    }
}

extension TerminalFrame {
    /// The frame a terminal shows after painting `update` over `previous` (nil: nothing
    /// shown yet); a full update needs no previous frame, any other one the previous frame
    /// of its size.
    public init(_ update: FrameUpdate, over previous: TerminalFrame?) {
        if update.full {
            self.init(
                width: update.width, height: update.height,
                cells: Array(repeating: TerminalCell(" ", role: 0), count: update.width * update.height))
        } else {
            guard let previous, previous.width == update.width, previous.height == update.height else {
                preconditionFailure("a partial update needs the previous frame of its size")
            }
            self = previous
        }
        for change in update.changes { cells[change.y * width + change.x] = change.cell }
    }
}
