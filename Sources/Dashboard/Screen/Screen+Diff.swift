/// What to paint to turn the last screen shown into the next one (ratatui's
/// `Buffer::diff`): which cells changed, or all of them when the terminal is repainted
/// whole. The cells themselves are the new screen's.
public struct ScreenDiff: Sendable, Equatable {
    /// Whether the terminal is cleared and every cell painted (no last screen, or one of
    /// another size).
    public let full: Bool
    /// The row-major indices of the cells to paint, in order: every cell when `full`.
    public let changed: [Int]

    public init(full: Bool, changed: [Int]) {
        self.full = full
        self.changed = changed
    }
}

extension Screen {
    /// The diff from `previous` (the screen shown last; nil when unknown) to this screen:
    /// the cells that differ, or every cell when there is no previous screen of this size.
    public func diff(from previous: Screen?) -> ScreenDiff {
        guard let previous, previous.width == width, previous.height == height else {
            return ScreenDiff(full: true, changed: Array(cells.indices))
        }
        return ScreenDiff(full: false, changed: cells.indices.filter { cells[$0] != previous.cells[$0] })
    }
}
