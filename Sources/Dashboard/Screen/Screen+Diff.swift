/// What to paint to turn the last screen shown into the next one (ratatui's
/// `Buffer::diff`): the changed cells, or every cell when the terminal is repainted whole.
public struct ScreenUpdate: Sendable, Equatable {
    /// One cell to paint.
    public struct Change: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var cell: Cell

        public init(x: Int, y: Int, cell: Cell) {
            self.x = x
            self.y = y
            self.cell = cell
        }
    }

    public let width: Int
    public let height: Int
    /// Whether the terminal is cleared and every cell painted (no last screen, or one of
    /// another size).
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

extension Screen {
    /// The update from `previous` (the screen shown last; nil when unknown) to this screen:
    /// the cells that differ, or every cell when there is no previous screen of this size.
    public func diff(from previous: Screen?) -> ScreenUpdate {
        guard let previous, previous.width == width, previous.height == height else {
            return ScreenUpdate(width: width, height: height, full: true, changes: cells.indices.map(change))
        }
        let changed = cells.indices.filter { cells[$0] != previous.cells[$0] }
        return ScreenUpdate(width: width, height: height, full: false, changes: changed.map(change))
    }

    /// The cell at row-major index `i`, as a change.
    private func change(_ i: Int) -> ScreenUpdate.Change {
        ScreenUpdate.Change(x: i % width, y: i / width, cell: cells[i])
    }
}
