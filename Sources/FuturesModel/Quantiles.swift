/// Percentiles by linear interpolation between order statistics (NumPy's default), found
/// with a histogram selection: one pass counts values per bin, a second gathers only the
/// bins that hold the wanted ranks, which are then sorted. The bins come from the range of
/// a strided sample, and values outside it fall into the end bins; binning is monotone, so
/// the result is exact (it equals sorting the whole array) whatever the data.
/// One selector per worker thread: it owns scratch memory and is not for concurrent use.
final class QuantileSelector {
    static let binCount = 4096
    private let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: binCount)
    private var gathered = UnsafeMutableBufferPointer<Double>.allocate(capacity: 1024)
    private var binOf = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 0)

    init() {}

    deinit {
        histogram.deallocate()
        gathered.deallocate()
        binOf.deallocate()
    }

    /// The quantiles `qs` (ascending, in [0, 1]) of `values`, which is left unchanged.
    func quantiles(_ values: UnsafeMutableBufferPointer<Double>, _ qs: [Double]) -> [Double] {
        let n = values.count
        precondition(n > 0)
        // Ranks wanted: floor(q(n−1)) and the next one, for each q (ascending).
        var ranks = [Int]()
        for q in qs {
            let k = Int(q * Double(n - 1))
            ranks.append(k)
            ranks.append(Swift.min(k + 1, n - 1))
        }
        guard let (lo, scale) = binning(values) else { return qs.map { _ in values[0] } }

        let bins = Self.binCount
        let top = Double(bins - 1)
        let magic = 4_503_599_627_370_496.0  // 2^52: adding it puts round(y) in the low bits
        if binOf.count < n {
            binOf.deallocate()
            binOf = .allocate(capacity: n)
        }
        // Pass 1: each value's bin (a branch-free map the compiler vectorises), then counts.
        let x = values.baseAddress!, binPtr = binOf.baseAddress!
        for i in 0..<n {
            var y = (x[i] - lo) * scale
            y = y < 0 ? 0 : y
            y = y > top ? top : y
            binPtr[i] = UInt16(truncatingIfNeeded: (y + magic).bitPattern)
        }
        histogram.update(repeating: 0, count: bins)
        for i in 0..<n { histogram[Int(binPtr[i])] &+= 1 }

        // The bin of each rank and its offset inside the bin; the distinct bins, ascending.
        var rankBin = [Int](repeating: 0, count: ranks.count)
        var rankOffset = [Int](repeating: 0, count: ranks.count)
        var slots = [Int]()
        var below = 0, b = 0
        for (i, r) in ranks.enumerated() {
            while below + Int(histogram[b]) <= r {
                below += Int(histogram[b])
                b += 1
            }
            rankBin[i] = b
            rankOffset[i] = r - below
            if slots.last != b { slots.append(b) }
        }

        // Gather the chosen bins into consecutive segments, then sort each. Chunks of 32
        // values are first tested against every chosen bin at once (a compare the compiler
        // vectorises); only chunks with a hit are walked value by value.
        var start = [Int](), total = 0
        for bin in slots {
            start.append(total)
            total += Int(histogram[bin])
        }
        if gathered.count < total {
            gathered.deallocate()
            gathered = .allocate(capacity: total)
        }
        // Up to six bins are tested at once; with more (more than 3 quantiles), every chunk
        // is walked.
        var target = [UInt16](repeating: UInt16.max, count: Swift.max(6, slots.count))
        for (s, bin) in slots.enumerated() { target[s] = UInt16(bin) }
        let testAll = slots.count > 6
        let t0 = target[0], t1 = target[1], t2 = target[2], t3 = target[3], t4 = target[4], t5 = target[5]
        var fill = start
        fill.withUnsafeMutableBufferPointer { fill in
            let g = gathered.baseAddress!
            var chunk = 0
            while chunk < n {
                let end = Swift.min(n, chunk + 32)
                var hit = testAll
                for i in chunk..<end {
                    let b = binPtr[i]
                    hit = hit || (b == t0) || (b == t1) || (b == t2) || (b == t3) || (b == t4) || (b == t5)
                }
                if hit {
                    for i in chunk..<end {
                        let b = binPtr[i]
                        for s in 0..<slots.count where target[s] == b {
                            g[fill[s]] = x[i]
                            fill[s] += 1
                        }
                    }
                }
                chunk = end
            }
        }
        for (s, bin) in slots.enumerated() {
            var segment = UnsafeMutableBufferPointer(rebasing: gathered[start[s]..<(start[s] + Int(histogram[bin]))])
            segment.sort()
        }

        func value(_ i: Int) -> Double {
            let s = slots.firstIndex(of: rankBin[i])!
            return gathered[start[s] + rankOffset[i]]
        }
        return qs.enumerated().map { j, q in
            let h = q * Double(n - 1)
            let frac = h - Double(ranks[2 * j])
            let a = value(2 * j), b = value(2 * j + 1)
            return a + frac * (b - a)
        }
    }

    /// The bins' origin and scale, from a strided sample widened by a quarter of its range
    /// each side; the full range when the sample is flat. Nil when all values are equal.
    private func binning(_ values: UnsafeMutableBufferPointer<Double>) -> (Double, Double)? {
        let n = values.count
        let step = Swift.max(1, n / 64)
        var lo = values[0], hi = values[0]
        for i in stride(from: 0, to: n, by: step) {
            let x = values[i]
            lo = x < lo ? x : lo
            hi = x > hi ? x : hi
        }
        if hi > lo {
            let margin = (hi - lo) / 4
            lo -= margin
            hi += margin
        } else {
            for x in values {
                lo = x < lo ? x : lo
                hi = x > hi ? x : hi
            }
            if !(hi > lo) { return nil }
        }
        return (lo, Double(Self.binCount) / (hi - lo))
    }
}

/// Percentiles of a sample, as NumPy's default (linear interpolation between order
/// statistics).
public enum Percentiles {
    /// The quantiles `qs` (ascending, each in [0, 1]) of a non-empty sample.
    public static func linear(_ values: [Double], _ qs: [Double]) -> [Double] {
        precondition(!values.isEmpty, "percentiles of an empty sample")
        var copy = values
        return copy.withUnsafeMutableBufferPointer { QuantileSelector().quantiles($0, qs) }
    }

    /// The quantiles `qs` of each non-empty row, found with one selector reused for every
    /// row (as the ensemble does).
    public static func linear(rows: [[Double]], _ qs: [Double]) -> [[Double]] {
        let selector = QuantileSelector()
        return rows.map { row in
            precondition(!row.isEmpty, "percentiles of an empty sample")
            var copy = row
            return copy.withUnsafeMutableBufferPointer { selector.quantiles($0, qs) }
        }
    }
}
