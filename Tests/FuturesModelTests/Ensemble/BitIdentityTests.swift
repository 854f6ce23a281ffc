import Foundation
import FuturesModel
import TestSupport
import Testing

/// Results pinned bit for bit (Fixtures/bit-identity.json, recorded from the code before
/// the percentile speed-up and the one-root triangular draw). The inputs are regenerated
/// here from seeds; every result must equal its recorded UInt64 bit pattern.
@Suite("Bit identity")
struct BitIdentityTests {
    @Test("percentiles match the recorded bits, with a fresh selector and with one reused")
    func percentiles() throws {
        let fixture = try #require(try BitIdentity.load()["percentiles"] as? [String: [String]])
        let cases = BitIdentity.arrays()
        #expect(fixture.count == cases.count * BitIdentity.quantileSets.count)
        for (setName, qs) in BitIdentity.quantileSets {
            let reused = Percentiles.linear(rows: cases.map(\.values), qs)
            for (i, c) in cases.enumerated() {
                let key = "\(c.name) \(setName)"
                let want = try #require(fixture[key], "\(key) is missing from the fixture")
                #expect(Percentiles.linear(c.values, qs).map(BitIdentity.hex) == want, "\(key)")
                #expect(reused[i].map(BitIdentity.hex) == want, "\(key), reused selector")
            }
        }
    }

    @Test("uniform draws match the recorded bits")
    func uniform() throws {
        let fixture = try #require(try BitIdentity.load()["uniform"] as? [String: String])
        let cases = BitIdentity.uniformCases()
        #expect(fixture.count == cases.count)
        for (key, value) in cases {
            #expect(fixture[key] == BitIdentity.hex(value), "uniform \(key)")
        }
    }

    @Test("triangular draws match the recorded bits")
    func triangular() throws {
        let fixture = try #require(try BitIdentity.load()["triangular"] as? [String: String])
        let cases = BitIdentity.triangularCases()
        #expect(fixture.count == cases.count)
        for (key, value) in cases {
            #expect(fixture[key] == BitIdentity.hex(value), "triangular \(key)")
        }
    }
}

/// The inputs of the bit-identity fixture and their results from the current code.
enum BitIdentity {
    static let sizes = [1, 2, 3, 7, 64, 999, 1000, 4099, 10000, 20000]

    static let quantileSets: [(String, [Double])] = [
        ("p10,p50,p90", [0.1, 0.5, 0.9]), ("deciles", (0...10).map { Double($0) / 10 }), ("median", [0.5]),
        ("min,max", [0, 1]), ("four", [0.05, 0.25, 0.75, 0.95]), ("none", []),
    ]

    /// Shapes of synthetic samples: ties, duplicates, outliers, signed zeros, and values
    /// placed at the sample stride of the selector's binning (flat, narrow or spiked).
    enum Shape: String, CaseIterable {
        case uniform, ties, duplicates, constant, signedZeros, zerosAndOne, outliers, hugeOutliers
        case extremes, negative, sorted, descending, sampleFlat, sampleNarrow, sampleSpike, offset
        case bimodal, bell, lognormal, fewDistinct, integers
    }

    /// A value in [0, 1) from 53 random bits.
    static func unit(_ rng: inout SeededGenerator) -> Double { Double(rng.next() >> 11) * 0x1p-53 }

    /// A whole number in 0..<k.
    static func int(_ rng: inout SeededGenerator, _ k: Int) -> Int { Int(rng.next() % UInt64(k)) }

    /// A sample of `n` values of one shape; the same for the same (shape, n).
    static func values(_ shape: Shape, n: Int) -> [Double] {
        let shapeIndex = Shape.allCases.firstIndex(of: shape)!
        var rng = SeededGenerator(seed: UInt64(shapeIndex) << 32 | UInt64(n))
        let step = max(1, n / 64)  // the stride of the selector's binning sample
        func bell() -> Double { (0..<4).reduce(-2.0) { s, _ in s + unit(&rng) } }
        let xs = (0..<n).map { i -> Double in
            let u = unit(&rng)
            switch shape {
            case .uniform, .sorted, .descending: return -5 + 10 * u
            case .ties: return Double(int(&rng, 4))
            case .duplicates: return Double(int(&rng, 5) + int(&rng, 5)) * 0.5 - 2
            case .constant: return 4.25
            case .signedZeros: return u < 0.5 ? -0.0 : 0.0
            case .zerosAndOne: return [-0.0, 0.0, 1.0][int(&rng, 3)]
            case .outliers: return i % 97 == 0 ? 1e6 : u
            case .hugeOutliers: return int(&rng, 1000) == 0 ? (u < 0.5 ? -1e300 : 1e300) : 2 * u - 1
            case .extremes: return i % step == 0 ? (i / step % 2 == 0 ? 1.7e308 : -1.7e308) : u
            case .negative: return -exp(10 * u)
            case .sampleFlat: return i % step == 0 ? 7 : 100 * u
            case .sampleNarrow: return i % step == 0 ? u : 2000 * u - 1000
            case .sampleSpike: return i == 5 * step ? 1e9 : u
            case .offset: return 1e9 + 1e-6 * u
            case .bimodal: return (u < 0.5 ? -100 : 100) + bell()
            case .bell: return 0.3 + 0.05 * bell()
            case .lognormal: return exp(2 * bell())
            case .fewDistinct: return int(&rng, 1000) == 0 ? u : 1
            case .integers: return Double(int(&rng, 1000))
            }
        }
        switch shape {
        case .sorted: return xs.sorted()
        case .descending: return xs.sorted(by: >)
        default: return xs
        }
    }

    /// Every (shape, size) sample, named "shape n=size".
    static func arrays() -> [(name: String, values: [Double])] {
        Shape.allCases.flatMap { shape in sizes.map { n in ("\(shape.rawValue) n=\(n)", values(shape, n: n)) } }
    }

    /// `CounterRandom.uniform` over a grid, keyed "seed member index" (seed in hex).
    static func uniformCases() -> [String: Double] {
        var out: [String: Double] = [:]
        for seed: UInt64 in [0, 1, 42, 0x9E37_79B9_7F4A_7C15, 1 << 63, .max] {
            for member in [0, 1, 2, 4099, 9999, Int.max, -1] {
                for index in [0, 1, 8, 63, 1 << 40] {
                    let key = "\(String(seed, radix: 16)) \(member) \(index)"
                    out[key] = CounterRandom.uniform(seed: seed, member: member, index: index)
                }
            }
        }
        return out
    }

    /// `CounterRandom.triangular` over a grid of supports (degenerate, mode at either end,
    /// the model's assumptions at r = 0.5 and 1) and of u (0, 1 and near them), plus
    /// random ones; keyed by the hex bits of low, mode, high and u.
    static func triangularCases() -> [String: Double] {
        var supports: [(Double, Double, Double)] = [
            (0, 0, 0), (1, 1, 1), (0.5, 0.5, 0.5), (-2, -2, 3), (-2, 3, 3), (0, 0.25, 1), (0.01, 0.05, 0.2),
            (100, 250, 1000), (-1e-9, 0, 1e-9), (1e6, 1e6 + 1, 1e6 + 3),
        ]
        // The (default, min, max) of the nine assumptions when the fixture was recorded
        // (model 1), kept literal so that the recorded supports stay the same.
        let ranges: [(Double, Double, Double)] = [
            (3.3, 2.0, 5.0), (3.0, 1.5, 6.0), (1.3, 1.0, 3.0), (0.3, 0.0, 1.0), (0.7, 0.0, 1.0),
            (0.25, 0.0, 0.9), (0.7, 0.0, 1.0), (0.3, 0.0, 0.6), (10.0, 1.0, 50.0),
        ]
        for r in [0.5, 1.0] {
            for (x, min, max) in ranges {
                supports.append((x - r * (x - min), x, x + r * (max - x)))
            }
        }
        let us: [Double] = [
            0, 0x1p-54, 1e-300, 1e-12, 0.001, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.999, 1 - 0x1p-53, 1,
        ]
        var out: [String: Double] = [:]
        func add(_ low: Double, _ mode: Double, _ high: Double, _ u: Double) {
            let key = [low, mode, high, u].map(hex).joined(separator: " ")
            out[key] = CounterRandom.triangular(low: low, mode: mode, high: high, u: u)
        }
        for (low, mode, high) in supports {
            for u in us { add(low, mode, high, u) }
        }
        var rng = SeededGenerator(seed: 2024)
        for i in 0..<200 {
            let low = -10 + 20 * unit(&rng)
            let high = i % 10 == 0 ? low : low + 10 * unit(&rng)
            let mode = low + unit(&rng) * (high - low)
            add(low, mode, high, CounterRandom.uniform(seed: 7, member: i, index: 3))
        }
        return out
    }

    /// The 16 hex digits of a double's bit pattern.
    static func hex(_ x: Double) -> String {
        let digits = String(x.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fixture, as recorded.
    static func load() throws -> [String: Any] {
        guard
            let url = Bundle.module.url(forResource: "bit-identity", withExtension: "json", subdirectory: "Fixtures")
        else { throw FixtureError("fixture bit-identity.json is missing from the test bundle") }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }
}
