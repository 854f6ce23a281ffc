import Foundation

/// A linear map from values to rows or dots, and "nice" tick values (1, 2, 5 × 10^k).
public struct Axis: Sendable, Equatable {
    public var low: Double
    public var high: Double

    /// An axis covering `values`, padded by 5 % of the span on both ends.
    public init(covering values: [Double], padding: Double = 0.05) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if hi - lo < 1e-9 {
            lo -= 0.5
            hi += 0.5
        }
        let pad = (hi - lo) * padding
        low = lo - pad
        high = hi + pad
    }

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The position of `v` on a scale of `n` steps, 0 at the top (`high`) and n−1 at the bottom.
    public func position(_ v: Double, steps n: Int) -> Int {
        guard n > 1 else { return 0 }
        let f = (high - v) / (high - low)
        return Swift.min(n - 1, Swift.max(0, Int((f * Double(n - 1)).rounded())))
    }

    /// About `count` evenly spaced round values inside the axis.
    public func ticks(count: Int) -> [Double] {
        guard count > 0, high > low else { return [] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var v = ceil(low / step) * step
        var out: [Double] = []
        while v <= high + 1e-9 {
            out.append(abs(v) < 1e-12 ? 0 : v)
            v += step
        }
        return out
    }
}
