/// Random and mutated inputs for parser fuzz tests. Every case is a pure function of
/// (seed, index), so a failure names the two numbers that reproduce it.
public struct Fuzzer: Sendable {
    /// Valid inputs to mutate and splice.
    public var seeds: [[UInt8]]
    /// Words of the input language (keys, ids, commands), inserted whole.
    public var dictionary: [[UInt8]]

    public init(seeds: [String], dictionary: [String]) {
        self.seeds = seeds.map { Array($0.utf8) }
        self.dictionary = (dictionary + Self.edgeNumbers + Self.oddText).map { Array($0.utf8) }
    }

    /// Numbers at the edges of what a parser might accept.
    public static let edgeNumbers = [
        "1e309", "-1e309", "-0", "-0.0", "nan", "NaN", "inf", "-inf", "infinity", "0x1p3", "0x10", "1e-400",
        "4.9e-324", "1.7976931348623157e308", "99999999999999999999", "-1", "+1", "1_000", ".5", "5.", "1e",
        "1e+", "0.1e+5", "1e-5", "00000000001", "18446744073709551616", "9223372036854775808", "-9223372036854775809",
        "100%", "%", "1e3%", "0.5%",
    ]

    /// Text that has broken parsers before: quotes, escapes, separators, odd Unicode.
    public static let oddText = [
        "\"", "'", "\\", "\\\"", "\"\"\"", "'''", "=", "==", "[", "]", "[[", "]]", "{", "}", ",", ".", "#", "-", "+",
        ":", "@", "x", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{1B}[2J", "\u{85}", "\u{2028}", "\u{FEFF}",
        "\u{202E}", "e\u{301}", "👍🏽", "\u{10FFFF}", "ms", "s", "tf1:", "tf2:", "+h", "+a", "%",
    ]

    /// Case `index` of the run with `seed`: random bytes, language soup, or a mutated seed.
    public func input(seed: UInt64, index: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD134_2543_DE82_EF95))
        switch rng.below(20) {
        case 0..<3: return randomBytes(&rng)
        case 3..<5: return soup(&rng)
        default:
            var bytes = rng.pick(seeds)
            for _ in 0..<(1 + rng.below(rng.chance(0.2) ? 20 : 5)) { mutate(&bytes, &rng) }
            return bytes
        }
    }

    /// Uniform bytes, or bytes biased towards the ASCII punctuation parsers care about;
    /// now and then very long.
    func randomBytes(_ rng: inout SeededGenerator) -> [UInt8] {
        let length = rng.chance(0.02) ? rng.below(20_000) : rng.below(300)
        let biased = rng.chance(0.5)
        let alphabet = Array("=[]\"'\\#.,:-+%@ \n\t0123456789eEx".utf8)
        return (0..<length).map { _ in
            biased && rng.chance(0.7) ? rng.pick(alphabet) : UInt8.random(in: 0...255, using: &rng)
        }
    }

    /// Dictionary words and separators in random order.
    func soup(_ rng: inout SeededGenerator) -> [UInt8] {
        var out: [UInt8] = []
        for _ in 0..<rng.below(60) {
            out += rng.pick(dictionary)
            if rng.chance(0.5) { out.append(rng.pick(Array(" \n=,-+:\"".utf8))) }
        }
        return out
    }

    /// One mutation: a bit flip, an insert or delete, a duplicated or spliced chunk, a
    /// dictionary word, a number replaced by an edge value, a long line, bad UTF-8.
    public func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let at = rng.below(bytes.count + 1)
        switch rng.below(12) {
        case 0:
            if !bytes.isEmpty { bytes[rng.below(bytes.count)] ^= 1 << UInt8(rng.below(8)) }
        case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
        case 2:
            if !bytes.isEmpty { bytes.remove(at: rng.below(bytes.count)) }
        case 3:
            let (lo, hi) = chunk(bytes.count, &rng)
            bytes.insert(contentsOf: bytes[lo..<hi], at: min(at, bytes.count))
        case 4:
            let (lo, hi) = chunk(bytes.count, &rng)
            bytes.removeSubrange(lo..<hi)
        case 5:
            let other = rng.pick(seeds)
            let cut = rng.below(other.count + 1)
            bytes = Array(bytes[..<min(at, bytes.count)]) + Array(other[cut...])
        case 6, 7: bytes.insert(contentsOf: rng.pick(dictionary), at: at)
        case 8: replaceNumber(&bytes, &rng)
        case 9:
            // A very long line now and then (long inputs are slow, so not too often).
            let filler = rng.pick(Array("a9 =\"[".utf8))
            let length = rng.chance(0.2) ? 1000 + rng.below(8000) : 1 + rng.below(200)
            bytes.insert(contentsOf: [UInt8](repeating: filler, count: length), at: at)
        case 10:
            bytes.insert(
                contentsOf: rng.pick([[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0x80]]), at: at)
        default:
            // Duplicate or drop a whole line.
            let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            var list = Array(lines)
            let i = rng.below(list.count)
            if rng.chance(0.5) { list.insert(list[i], at: i) } else { list.remove(at: i) }
            bytes = Array(list.joined(separator: [10]))
        }
    }

    func chunk(_ count: Int, _ rng: inout SeededGenerator) -> (Int, Int) {
        let lo = rng.below(count + 1)
        return (lo, min(count, lo + rng.below(64)))
    }

    /// Replaces one run of digits (with its point and exponent) by an edge value.
    func replaceNumber(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let starts = bytes.indices.filter { isNumeric(bytes[$0]) && ($0 == 0 || !isNumeric(bytes[$0 - 1])) }
        guard !starts.isEmpty else { return }
        let start = rng.pick(starts)
        var end = start
        while end < bytes.count, isNumeric(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: Array(rng.pick(Self.edgeNumbers).utf8))
    }

    func isNumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || b == 46 || b == 101 || b == 45 }

    /// The bytes as the parsers see them: the text itself when it is UTF-8, else with the
    /// bad sequences replaced (the CLI rejects such files before parsing; the parsers must
    /// still survive any String).
    public static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The number of lines of `text` as the parsers count them (split on "\n").
    public static func lineCount(_ text: String) -> Int { text.utf8.count { $0 == 10 } + 1 }

    /// An FNV-1a hash, for fixture names.
    public static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The input as a printable, escaped Swift-like literal (at most `limit` bytes shown).
    public static func escaped(_ bytes: [UInt8], limit: Int = 400) -> String {
        var out = ""
        for b in bytes.prefix(limit) {
            switch b {
            case 10: out += "\\n"
            case 92: out += "\\\\"
            case 32..<127: out.append(Character(Unicode.Scalar(b)))
            default: out += "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16)
            }
        }
        return bytes.count > limit ? out + "…(\(bytes.count) bytes)" : out
    }
}
