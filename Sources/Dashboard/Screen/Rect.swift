/// A rectangle of cells: origin at the top left, x to the right, y downwards.
public struct Rect: Sendable, Equatable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell (px, py) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The top `n` rows and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (
            Rect(x: x, y: y, width: width, height: h),
            Rect(x: x, y: y + h, width: width, height: height - h)
        )
    }

    /// The bottom `n` rows and the rest (rest first).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (
            Rect(x: x, y: y, width: width, height: height - h),
            Rect(x: x, y: maxY - h, width: width, height: h)
        )
    }

    /// The left `n` columns and the rest.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (
            Rect(x: x, y: y, width: w, height: height),
            Rect(x: x + w, y: y, width: width - w, height: height)
        )
    }

    /// The right `n` columns and the rest (rest first).
    public func splitRight(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (
            Rect(x: x, y: y, width: width - w, height: height),
            Rect(x: maxX - w, y: y, width: w, height: height)
        )
    }

    /// One row of the rectangle (relative index), clipped to it.
    public func row(_ i: Int) -> Rect {
        Rect(x: x, y: y + i, width: width, height: i >= 0 && i < height ? 1 : 0)
    }
}
