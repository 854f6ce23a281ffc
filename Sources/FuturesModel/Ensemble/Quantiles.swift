/// Percentiles by linear interpolation between order statistics (NumPy's default), found
/// with a histogram selection: one pass counts values per bin, a second gathers only the
/// bins that hold the wanted ranks, which are then sorted. The bins come from the range of
/// a strided sample, and values outside it fall into the end bins; binning is monotone, so
/// the result is exact (it equals sorting the whole array) whatever the data.
/// One selector per worker thread: it owns scratch memory and is not for concurrent use.
/// Rows of doubles or of floats (the Float32 ensemble's); the quantiles are doubles either
/// way (interpolated in double precision).
final class QuantileSelector<Value: QuantileValue> {
    static var binCount: Int { 4096 }
    /// Bins per group of the two-level rank search: group counts first, then bin counts.
    static var groupSize: Int { 64 }
    /// Values tested at once for a chosen bin (a 16-lane vector of bin numbers): a chunk
    /// with a hit is walked value by value, so small chunks walk less.
    static var chunk: Int { 16 }
    /// The slot of a bin that holds no wanted rank.
    static var noSlot: UInt16 { UInt16.max }

    private let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: binCount)
    private let groups = UnsafeMutablePointer<Int32>.allocate(capacity: binCount / groupSize)
    /// Each bin's slot (its index among the chosen bins); `noSlot` between calls.
    private let slotOf = UnsafeMutablePointer<UInt16>.allocate(capacity: binCount)
    private var binOf = Scratch<UInt16>()
    private var gathered = Scratch<Value>()
    /// Per wanted rank (two per quantile): its bin and its offset inside the bin.
    private var rankBin = Scratch<Int>(), rankOffset = Scratch<Int>()
    /// Per slot: its bin, where its segment starts in `gathered`, and the next free place.
    private var slotBin = Scratch<Int>(), start = Scratch<Int>(), fill = Scratch<Int>()
    private var targets = Scratch<SIMD16<UInt16>>()

    init() { slotOf.initialize(repeating: Self.noSlot, count: Self.binCount) }

    deinit {
        histogram.deallocate()
        groups.deallocate()
        slotOf.deallocate()
        binOf.buffer.deallocate()
        gathered.buffer.deallocate()
        for s in [rankBin, rankOffset, slotBin, start, fill] { s.buffer.deallocate() }
        targets.buffer.deallocate()
    }

    /// The quantiles `qs` (ascending, in [0, 1]) of `values`, which is left unchanged.
    func quantiles(_ values: UnsafeMutableBufferPointer<Value>, _ qs: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: Swift.max(qs.count, 1)) { out, count in
            quantiles(values, qs, into: out.baseAddress!)
            count = qs.count
        }
    }

    /// Writes the quantiles `qs` (ascending, in [0, 1]) of `values`, which is left
    /// unchanged, to `result[0..<qs.count]`. Allocates nothing once its scratch has grown.
    func quantiles(
        _ values: UnsafeMutableBufferPointer<Value>, _ qs: [Double], into result: UnsafeMutablePointer<Double>
    ) {
        let n = values.count
        precondition(n > 0)
        guard let (lo, scale) = binning(values) else {
            for j in qs.indices { result[j] = Double(values[0]) }
            return
        }
        let x = values.baseAddress!, bin = binOf.reserve(n)
        count(x, n, lo: lo, scale: scale, bin: bin)

        // The bin of each wanted rank, floor(q(n−1)) and the next one: whole groups of bins
        // are skipped first, then single bins. The distinct bins become slots. Each search
        // goes on from the last group found, or starts again from the first when the rank
        // lies below it (a quantile's first rank can be one below the last rank before it).
        let rankBin = rankBin.reserve(2 * qs.count), rankOffset = rankOffset.reserve(2 * qs.count)
        let slotBin = slotBin.reserve(2 * qs.count)
        var slots = 0, group = 0, belowGroup = 0
        for j in 0..<(2 * qs.count) {
            let q = qs[j / 2]
            precondition(q >= 0 && q <= 1, "quantiles must lie in [0, 1]")
            let k = Int(q * Double(n - 1))
            let r = j % 2 == 0 ? k : Swift.min(k + 1, n - 1)
            if r < belowGroup { (group, belowGroup) = (0, 0) }
            while belowGroup + Int(groups[group]) <= r {
                belowGroup += Int(groups[group])
                group += 1
            }
            var b = group * Self.groupSize, below = belowGroup
            while below + Int(histogram[b]) <= r {
                below += Int(histogram[b])
                b += 1
            }
            rankBin[j] = b
            rankOffset[j] = r - below
            if slotOf[b] == Self.noSlot {
                slotOf[b] = UInt16(slots)
                slotBin[slots] = b
                slots += 1
            }
        }

        // Gather the chosen bins into consecutive segments (in index order), then sort each.
        let start = start.reserve(slots), fill = fill.reserve(slots)
        var total = 0
        for s in 0..<slots {
            start[s] = total
            fill[s] = total
            total += Int(histogram[slotBin[s]])
        }
        let g = gathered.reserve(total)
        let t = targets.reserve(slots)
        for s in 0..<slots { t[s] = SIMD16(repeating: UInt16(slotBin[s])) }
        if slots > 4 {
            gather(x, n, bin: bin, into: g, fill: fill) { b in
                var hit = b .== t[0]
                for s in 1..<slots { hit = hit .| (b .== t[s]) }
                return hit
            }
        } else if slots > 0 {
            let t0 = t[0], t1 = t[slots > 1 ? 1 : 0], t2 = t[slots > 2 ? 2 : 0], t3 = t[slots > 3 ? 3 : 0]
            gather(x, n, bin: bin, into: g, fill: fill) { b in (b .== t0) .| (b .== t1) .| (b .== t2) .| (b .== t3) }
        }
        for s in 0..<slots {
            var segment = UnsafeMutableBufferPointer(start: g + start[s], count: Int(histogram[slotBin[s]]))
            segment.sort()
        }

        for (j, q) in qs.enumerated() {
            let h = q * Double(n - 1)
            let frac = h - Double(Int(h))
            let a = Double(g[start[Int(slotOf[rankBin[2 * j]])] + rankOffset[2 * j]])
            let b = Double(g[start[Int(slotOf[rankBin[2 * j + 1]])] + rankOffset[2 * j + 1]])
            result[j] = a + frac * (b - a)
        }
        for s in 0..<slots { slotOf[slotBin[s]] = Self.noSlot }
    }

    /// Each value's bin (a branch-free map the compiler vectorises), then the count of
    /// every bin and of every group of bins.
    private func count(
        _ x: UnsafeMutablePointer<Value>, _ n: Int, lo: Value, scale: Value, bin: UnsafeMutablePointer<UInt16>
    ) {
        let top = Value(Self.binCount - 1)
        let magic = Value.roundingMagic  // adding it puts round(y) in the low bits
        for i in 0..<n {
            var y = (x[i] - lo) * scale
            y = y < 0 ? 0 : y
            y = y > top ? top : y
            bin[i] = (y + magic).lowBits
        }
        histogram.update(repeating: 0, count: Self.binCount)
        for i in 0..<n { histogram[Int(bin[i])] &+= 1 }
        for c in 0..<(Self.binCount / Self.groupSize) {
            var sum: Int32 = 0
            for b in (c * Self.groupSize)..<((c + 1) * Self.groupSize) { sum &+= histogram[b] }
            groups[c] = sum
        }
    }

    /// Appends each value whose bin has a slot to that slot's segment, in index order.
    /// Chunks of values are first tested against every chosen bin at once with vector
    /// compares (`hit`); only chunks with a hit are walked value by value.
    @inline(__always)
    private func gather(
        _ x: UnsafeMutablePointer<Value>, _ n: Int, bin: UnsafeMutablePointer<UInt16>,
        into g: UnsafeMutablePointer<Value>, fill: UnsafeMutablePointer<Int>,
        hit: (SIMD16<UInt16>) -> SIMDMask<SIMD16<Int16>>
    ) {
        @inline(__always)
        func walk(_ range: Range<Int>) {
            for k in range {
                let s = Int(slotOf[Int(bin[k])])
                if s != Int(Self.noSlot) {
                    g[fill[s]] = x[k]
                    fill[s] += 1
                }
            }
        }
        let whole = n - n % Self.chunk
        for i in Swift.stride(from: 0, to: whole, by: Self.chunk) {
            // Lanes are 0 or 0xFFFF, so the sum of the 64-bit words is 0 only with no hit.
            let words = unsafeBitCast(
                hit(UnsafeRawPointer(bin + i).loadUnaligned(as: SIMD16<UInt16>.self)), to: SIMD4<UInt64>.self)
            if words.wrappedSum() == 0 { continue }
            walk(i..<(i + Self.chunk))
        }
        walk(whole..<n)
    }

    /// The bins' origin and scale, from a strided sample widened by a quarter of its range
    /// each side; the full range when the sample is flat. Nil when all values are equal.
    private func binning(_ values: UnsafeMutableBufferPointer<Value>) -> (Value, Value)? {
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
        return (lo, Value(Self.binCount) / (hi - lo))
    }
}

/// What the selector needs of its values beyond arithmetic: the constant that rounds a
/// number below 2^16 to an integer in the low bits of the significand, and those bits.
protocol QuantileValue: BinaryFloatingPoint, SendableMetatype {
    static var roundingMagic: Self { get }
    var lowBits: UInt16 { get }
}

extension Double: QuantileValue {
    /// 2^52.
    static var roundingMagic: Double { 4_503_599_627_370_496.0 }
    var lowBits: UInt16 { UInt16(truncatingIfNeeded: bitPattern) }
}

extension Float: QuantileValue {
    /// 2^23.
    static var roundingMagic: Float { 8_388_608 }
    var lowBits: UInt16 { UInt16(truncatingIfNeeded: bitPattern) }
}

/// A scratch buffer that grows to the largest size asked for and is then reused.
struct Scratch<Element> {
    var buffer = UnsafeMutableBufferPointer<Element>(start: nil, count: 0)

    /// Room for at least `count` elements (uninitialised or left from an earlier use).
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if buffer.count < Swift.max(count, 1) {
            buffer.deallocate()
            buffer = .allocate(capacity: Swift.max(count, 1))
        }
        return buffer.baseAddress!
    }
}

/// Percentiles of a sample, as NumPy's default (linear interpolation between order
/// statistics).
public enum Percentiles {
    /// The quantiles `qs` (ascending, each in [0, 1]) of a non-empty sample.
    public static func linear(_ values: [Double], _ qs: [Double]) -> [Double] {
        precondition(!values.isEmpty, "percentiles of an empty sample")
        var copy = values
        return copy.withUnsafeMutableBufferPointer { QuantileSelector<Double>().quantiles($0, qs) }
    }

    /// The quantiles `qs` of each non-empty row, found with one selector reused for every
    /// row (as the ensemble does).
    public static func linear(rows: [[Double]], _ qs: [Double]) -> [[Double]] {
        let selector = QuantileSelector<Double>()
        return rows.map { row in
            precondition(!row.isEmpty, "percentiles of an empty sample")
            var copy = row
            return copy.withUnsafeMutableBufferPointer { selector.quantiles($0, qs) }
        }
    }
}
