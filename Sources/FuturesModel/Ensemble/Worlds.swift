import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The uniform numbers behind an ensemble's draws, for the first `count` members of one
/// seed: `values[i·count + m]` = `CounterRandom.uniform(seed, m, i)` (assumption i, member
/// m), column by column. Immutable once made; shared through `DrawCache`.
final class UniformTable: @unchecked Sendable {
    let seed: UInt64
    /// Members held: a whole number of `Worlds.granule`s.
    let count: Int
    let values: UnsafeMutableBufferPointer<Double>

    init(seed: UInt64, count: Int) {
        precondition(count % Worlds.granule == 0)
        self.seed = seed
        self.count = count
        let columns = AssumptionID.allCases.count
        values = PageMemory.allocate(Double.self, count: columns * count)
        let out = values.baseAddress!
        // CounterRandom.uniform, eight members at a time: the same integer arithmetic and
        // the same rounding, so the same bits.
        typealias U = SIMD8<UInt64>
        let lanes = U(0, 1, 2, 3, 4, 5, 6, 7)
        for i in 0..<columns {
            for first in stride(from: 0, to: count, by: 8) {
                let member = U(repeating: UInt64(first)) &+ lanes
                let h = Self.mix(Self.mix(seed &+ member &* 0xD1B5_4A32_D192_ED03) &+ UInt64(i))
                let x = (SIMD8<Double>(h &>> 11) + 0.5) * 0x1p-53
                UnsafeMutableRawPointer(out + i * count + first).storeBytes(of: x, as: SIMD8<Double>.self)
            }
        }
    }

    deinit { PageMemory.deallocate(values) }

    var bytes: Int { values.count * MemoryLayout<Double>.stride }

    /// `CounterRandom.mix`, lane by lane.
    @inline(__always)
    static func mix(_ z0: SIMD8<UInt64>) -> SIMD8<UInt64> {
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}

/// The worlds of one ensemble: every member's drawn assumptions (bit for bit those of
/// `MemberDraws`), and the lever-independent constants the kernels derive from them, each
/// a column of `count` members (padding members past the ensemble's own are drawn too,
/// like any other). Immutable once made; shared through `DrawCache`, so that moving a lever
/// neither redraws nor recomputes them.
package final class Worlds: @unchecked Sendable {
    typealias V8 = SIMD8<Double>

    /// Columns are padded to a multiple of this (the widest kernel block).
    static let granule = 16

    /// The derived columns after the ten drawn ones.
    enum Derived: Int, CaseIterable {
        /// gU = log10(us_compute_growth)/12 and gA = log10(algorithmic_progress)/12.
        case gU, gA
        /// 1/(gU + gA).
        case invPace
        /// 10^gU, the monthly growth of world chip supply.
        case mGrowth
        /// B at t = 0: distillation_efficiency · log10(1/r0).
        case b0
        /// log10(china_domestic_growth).
        case logDomesticGrowth
        /// china_price_advantage^β_price (= 10^(β_price·log10 china_price_advantage)), the
        /// member's part of the price factor; the levers' part is one number a scenario.
        case pricePower
    }

    let base: Assumptions
    let seed: UInt64
    let uncertainty: Double
    package let count: Int
    /// `AssumptionID.allCases.count + Derived.allCases.count` columns of `count`.
    let values: UnsafeMutableBufferPointer<Double>

    /// The members held are `first ..< first + count` of the ensemble: member `first + m`
    /// is at index m of every column. 0 for the cache's worlds, which start at member 0.
    let first: Int
    /// Whether `values` are pages of their own (`PageMemory`) or from malloc.
    private let pageBacked: Bool

    /// Draws `count` members (a multiple of `granule`) of `draws` from their uniforms.
    convenience init(_ draws: MemberDraws, uncertainty: Double, uniforms: UniformTable, count: Int) {
        self.init(draws, uncertainty: uncertainty, uniforms: uniforms, first: 0, count: count, pageBacked: true)
    }

    /// Draws members `first ..< first + count` (`first` and `count` multiples of `granule`) of
    /// `draws`: a worker's chunk of one batch's worlds (`WorldsEngine`), from malloc unless
    /// `pageBacked` (large and long-lived: the cache's). With `reference` (worlds of the same
    /// seed and uncertainty from member 0, covering the chunk), a column whose assumption is
    /// the reference's, and a derived one whose inputs are, is copied from it: the same
    /// inputs through the same operations, so the same bits, without the square roots and
    /// logarithms. Worlds drawn around settings that differ in one assumption (paired draws)
    /// then compute one column.
    init(
        _ draws: MemberDraws, uncertainty: Double, uniforms: UniformTable, first: Int, count: Int,
        pageBacked: Bool, reference: Worlds? = nil
    ) {
        precondition(
            count % Self.granule == 0 && first % Self.granule == 0 && uniforms.count >= first + count
                && uniforms.seed == draws.seed)
        base = draws.base
        seed = draws.seed
        self.uncertainty = uncertainty
        self.count = count
        self.first = first
        self.pageBacked = pageBacked
        let drawnColumns = AssumptionID.allCases.count
        let total = (drawnColumns + Derived.allCases.count) * count
        if pageBacked {
            values = PageMemory.allocate(Double.self, count: total)
        } else {
            values = .allocate(capacity: total)
        }
        let out = values.baseAddress!
        typealias V = SIMD8<Double>
        // Which columns the reference holds as they would be drawn here.
        let ref =
            reference.flatMap { r -> Worlds? in
                r.seed == seed && r.uncertainty.bitPattern == uncertainty.bitPattern && r.first == 0
                    && r.count >= first + count ? r : nil
            }
        let same = AssumptionID.allCases.map { id in
            ref.map { $0.base[id].bitPattern == draws.base[id].bitPattern } ?? false
        }
        let copy = { (from: UnsafePointer<Double>, to: UnsafeMutablePointer<Double>) in
            to.update(from: from + first, count: count)
        }
        for i in 0..<drawnColumns {
            if same[i], let ref {
                copy(ref.column(AssumptionID(rawValue: i)!), out + i * count)
                continue
            }
            let low = V(repeating: draws.low[i]), mode = V(repeating: draws.mode[i])
            let high = V(repeating: draws.high[i])
            let u = uniforms.values.baseAddress! + i * uniforms.count + first
            for m in stride(from: 0, to: count, by: 8) {
                let x = Self.triangular(low: low, mode: mode, high: high, u: Self.load(u + m))
                Self.store(x, out + i * count + m)
            }
        }
        // The lever-independent constants, with the kernels' vector math.
        let column = { (id: AssumptionID) in UnsafePointer(out + id.rawValue * count) }
        let derived = { (d: Derived) in out + (drawnColumns + d.rawValue) * count }
        let logR = LibM.log10(Constants.kUS0 / Constants.kCN0)
        let isSame = { (id: AssumptionID) in same[id.rawValue] }
        // The pace constants from US compute growth and algorithmic progress.
        if let ref, isSame(.usComputeGrowth) && isSame(.algorithmicProgress) {
            for d in [Derived.gU, .gA, .invPace, .mGrowth] { copy(ref.column(d), derived(d)) }
        } else {
            for m in stride(from: 0, to: count, by: 8) {
                let gU = FastMath.log10(Self.load(column(.usComputeGrowth) + m)) * (1.0 / 12)
                let gA = FastMath.log10(Self.load(column(.algorithmicProgress) + m)) * (1.0 / 12)
                Self.store(gU, derived(.gU) + m)
                Self.store(gA, derived(.gA) + m)
                Self.store(1 / (gU + gA), derived(.invPace) + m)
                Self.store(FastMath.exp10(gU), derived(.mGrowth) + m)
            }
        }
        if let ref, isSame(.distillationEfficiency) {
            copy(ref.column(.b0), derived(.b0))
        } else {
            for m in stride(from: 0, to: count, by: 8) {
                Self.store(Self.load(column(.distillationEfficiency) + m) * logR, derived(.b0) + m)
            }
        }
        if let ref, isSame(.chinaDomesticGrowth) {
            copy(ref.column(.logDomesticGrowth), derived(.logDomesticGrowth))
        } else {
            for m in stride(from: 0, to: count, by: 8) {
                Self.store(
                    FastMath.log10(Self.load(column(.chinaDomesticGrowth) + m)), derived(.logDomesticGrowth) + m)
            }
        }
        if let ref, isSame(.chinaPriceAdvantage) {
            copy(ref.column(.pricePower), derived(.pricePower))
        } else {
            for m in stride(from: 0, to: count, by: 8) {
                let logPrice = FastMath.log10(Self.load(column(.chinaPriceAdvantage) + m))
                Self.store(FastMath.exp10(logPrice * Constants.betaPrice), derived(.pricePower) + m)
            }
        }
    }

    /// Every column (drawn, then derived) of members `first ..< first + count` drawn around
    /// `assumptions`, copying what it can from the cached worlds around `reference` when
    /// given: what the worlds engine's workers do, for tests that the copies are the bits.
    package static func chunkColumns(
        _ assumptions: Assumptions, settings: EnsembleSettings, first: Int, count: Int, reference: Assumptions?
    ) -> [[Double]] {
        let padded = DrawCache.padded(first + count)
        let worlds = Worlds(
            MemberDraws(assumptions, settings: settings), uncertainty: settings.uncertainty,
            uniforms: DrawCache.shared.uniforms(seed: settings.seed, count: padded), first: first, count: count,
            pageBacked: false,
            reference: reference.map {
                DrawCache.shared.worlds(
                    $0,
                    settings: EnsembleSettings(members: padded, seed: settings.seed, uncertainty: settings.uncertainty))
            })
        return (0..<(AssumptionID.allCases.count + Derived.allCases.count)).map { c in
            Array(worlds.values[(c * count)..<((c + 1) * count)])
        }
    }

    deinit {
        if pageBacked { PageMemory.deallocate(values) } else { values.deallocate() }
    }

    var bytes: Int { values.count * MemoryLayout<Double>.stride }

    /// The drawn values of one assumption, a column of `count` members.
    @inline(__always)
    func column(_ id: AssumptionID) -> UnsafePointer<Double> {
        UnsafePointer(values.baseAddress! + id.rawValue * count)
    }

    @inline(__always)
    func column(_ d: Derived) -> UnsafePointer<Double> {
        UnsafePointer(values.baseAddress! + (AssumptionID.allCases.count + d.rawValue) * count)
    }

    /// One member's drawn assumptions.
    package func assumptions(member: Int) -> Assumptions {
        Assumptions(AssumptionID.allCases.map { column($0)[member] })
    }

    /// The drawn assumptions of eight members, in table order, one lane per member (the
    /// Double kernel's `drawn`); `members[lane]` may repeat.
    func lanes(_ members: SIMD8<Int>) -> [Vec] {
        AssumptionID.allCases.map { id in
            let c = column(id)
            var v = Vec()
            for lane in 0..<8 { v[lane] = c[members[lane]] }
            return v
        }
    }

    /// The drawn assumptions of the block of eight members from `first`.
    func block(firstMember first: Int) -> [Vec] {
        AssumptionID.allCases.map { Self.load(column($0) + first) }
    }

    /// `CounterRandom.triangular`, lane by lane: the same operations in the same order, so
    /// the same bits.
    @inline(__always)
    static func triangular(low: V8, mode: V8, high: V8, u: V8) -> V8 {
        let width = high - low
        let isLeft = u * width .< mode - low
        let left = u * width * (mode - low)
        let right = (1 - u) * width * (high - mode)
        let root = left.replacing(with: right, where: .!isLeft).squareRoot()
        let x = high.replacing(with: low, where: isLeft) + (-root).replacing(with: root, where: isLeft)
        return mode.replacing(with: x, where: width .> 0)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD8<Double> { load(UnsafePointer(p)) }

    @inline(__always)
    static func store(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
    }
}

/// The process's cache of uniforms, by (seed, members), and of worlds, by (assumptions,
/// seed, uncertainty, members): a lever move or a second view of the same worlds
/// (the ensemble, levers across worlds) draws nothing. An entry with more members serves a
/// smaller ensemble of the same seed (a member's draws depend only on (seed, member)).
/// Thread-safe; bounded: a few entries of each kind, least recently used first out, and
/// nothing larger than `bounds.bytes` is kept. An entry that a new one covers (the same draws
/// for fewer members: the dashboard's first band of 1,000 before its 10,000) goes when
/// the new one comes, so the slots hold distinct worlds.
///
/// What it holds: a uniform table is 10 doubles a member (80 kB per 1,000 members), worlds
/// 17 doubles a member (136 kB per 1,000). With the dashboard's 10,000 members that is at
/// most 3 × 0.8 MB of tables and 6 × 1.36 MB of worlds, 10.6 MB, in pages of their own
/// (`PageMemory`) that go back to the system when an entry goes.
package final class DrawCache: @unchecked Sendable {
    package static let shared = DrawCache()

    /// How much the cache keeps: the most uniform tables and worlds, and the most bytes of
    /// each kind. The dashboard's `Runtime` sets them with its other bounds.
    package struct Bounds: Sendable, Equatable {
        package var tables = 3
        package var worlds = 6
        package var bytes = 24 << 20

        package init(tables: Int = 3, worlds: Int = 6, bytes: Int = 24 << 20) {
            self.tables = tables
            self.worlds = worlds
            self.bytes = bytes
        }
    }

    /// The bounds in force; smaller ones take effect as entries come.
    package var bounds: Bounds {
        get { lock.withLock { limits } }
        set { lock.withLock { limits = newValue } }
    }

    package init() {}

    private let lock = Lock()
    private var limits = Bounds()
    private var tables: [UniformTable] = []
    private var worlds: [Worlds] = []

    /// Members rounded up to whole granules.
    static func padded(_ members: Int) -> Int {
        (members + Worlds.granule - 1) / Worlds.granule * Worlds.granule
    }

    /// The worlds of an ensemble of `settings` around `base`, from the cache or drawn now.
    package func worlds(_ base: Assumptions, settings: EnsembleSettings) -> Worlds {
        let count = Self.padded(settings.members)
        let hit = lock.withLock { () -> Worlds? in
            guard
                let i = worlds.firstIndex(where: {
                    $0.seed == settings.seed && $0.uncertainty == settings.uncertainty && $0.count >= count
                        && $0.base == base
                })
            else { return nil }
            let w = worlds.remove(at: i)
            worlds.append(w)
            return w
        }
        if let hit { return hit }
        let made = Worlds(
            MemberDraws(base, settings: settings), uncertainty: settings.uncertainty,
            uniforms: uniforms(seed: settings.seed, count: count), count: count)
        lock.withLock {
            Self.keep(made, in: &worlds, max: limits.worlds, bytes: limits.bytes) {
                $0.seed == made.seed && $0.uncertainty == made.uncertainty && $0.count <= made.count
                    && $0.base == made.base
            }
        }
        return made
    }

    /// The uniforms of `seed` for at least `count` members.
    func uniforms(seed: UInt64, count: Int) -> UniformTable {
        let hit = lock.withLock { () -> UniformTable? in
            guard let i = tables.firstIndex(where: { $0.seed == seed && $0.count >= count }) else { return nil }
            let t = tables.remove(at: i)
            tables.append(t)
            return t
        }
        if let hit { return hit }
        let made = UniformTable(seed: seed, count: count)
        lock.withLock {
            Self.keep(made, in: &tables, max: limits.tables, bytes: limits.bytes) {
                $0.seed == seed && $0.count <= count
            }
        }
        return made
    }

    /// The members of each entry kept, least recently used first (tests, measurements).
    package var members: (tables: [Int], worlds: [Int]) {
        lock.withLock { (tables.map(\.count), worlds.map(\.count)) }
    }

    /// Empties the cache (tests and benchmarks that time a cold start).
    package func removeAll() {
        lock.withLock {
            tables = []
            worlds = []
        }
    }

    /// Appends `entry` as the most recently used in place of the entries it `covers`, then
    /// drops the least recently used until at most `max` entries and `bytes` remain; an
    /// entry above `bytes` is not kept.
    private static func keep<T: Sized>(
        _ entry: T, in list: inout [T], max: Int, bytes: Int, covers: (T) -> Bool
    ) {
        guard entry.bytes <= bytes else { return }
        list.removeAll(where: covers)
        list.append(entry)
        while list.count > max || list.reduce(0, { $0 + $1.bytes }) > bytes { list.removeFirst() }
    }
}

/// A cache entry's size in bytes.
protocol Sized: AnyObject { var bytes: Int { get } }
extension UniformTable: Sized {}
extension Worlds: Sized {}
