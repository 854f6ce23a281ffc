/// A one-row sparkline of block characters with a caret cell (reversed) at a position.
public struct Sparkline: Sendable, Equatable {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Samples spread evenly across the parameter's range.
    public var samples: [Double]
    /// Where the current value sits, 0…1 across the range.
    public var caret: Double?
    /// Spans smaller than this draw flat: the parameter barely moves the outcome.
    public var flatBelow: Double

    public init(samples: [Double], caret: Double?, flatBelow: Double = 0.05) {
        self.samples = samples
        self.caret = caret
        self.flatBelow = flatBelow
    }

    /// Draws in the first row of `rect`, resampling to its width.
    public func render(in rect: Rect, into screen: inout Screen) {
        let n = rect.width
        guard n > 0, samples.count > 1, let lo = samples.min(), let hi = samples.max() else { return }
        let flat = hi - lo < flatBelow
        for i in 0..<n {
            let t = n == 1 ? 0 : Double(i) / Double(n - 1) * Double(samples.count - 1)
            let v = interpolate(samples, t)
            let level = flat ? 0 : Int(((v - lo) / (hi - lo) * 7).rounded())
            screen[rect.x + i, rect.y] = Cell(Self.blocks[level], Style(flat ? .muted : .policy))
        }
        if let caret {
            let i = Int((max(0, min(1, caret)) * Double(n - 1)).rounded())
            screen[rect.x + i, rect.y].style = Style(.accent, [.reverse, .bold])
        }
    }
}
