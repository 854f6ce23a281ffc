import Terminal
import TestSupport
import Testing

/// Seeded random escape sequences: none ever decodes to a printable key, every one is taken
/// whole, and the answer for a sequence never depends on what comes after it.
@Suite("Escape decoder fuzz")
struct EscapeDecoderFuzzTests {
    static let cases = 100_000

    /// A grammar-valid CSI or SS3 sequence (without its ESC): introducer, parameter bytes,
    /// intermediate bytes, final byte.
    static func sequence(_ rng: inout SeededGenerator) -> [UInt32] {
        var s: [UInt32] = [rng.chance(0.7) ? 0x5B : 0x4F]
        let digitsOnly = rng.chance(0.5)
        for _ in 0..<rng.below(8) {
            s.append(digitsOnly ? rng.pick([0x30, 0x31, 0x32, 0x35, 0x39, 0x3B]) : UInt32(0x30 + rng.below(16)))
        }
        for _ in 0..<(rng.chance(0.8) ? 0 : 1 + rng.below(2)) { s.append(UInt32(0x20 + rng.below(16))) }
        s.append(UInt32(0x40 + rng.below(0x3F)))
        return s
    }

    /// Random input: mostly ASCII (controls included), some ESCs, some other scalars.
    static func scalars(_ rng: inout SeededGenerator, count: Int) -> [UInt32] {
        (0..<count).map { _ in
            switch rng.below(10) {
            case 0: 0x1B
            case 1: UInt32(0x80 + rng.below(0x780))
            case 2: rng.pick([0x5B, 0x4F, 0x5D, 0x50, 0x07, 0x5C, 0x3B, 0x7E])
            default: UInt32(rng.below(0x80))
            }
        }
    }

    /// Whether `key` is one a printable or Ctrl key would give: never the answer for a sequence.
    static func isTyped(_ key: TerminalKey?) -> Bool {
        switch key {
        case .character?, .ctrl?: true
        default: false
        }
    }

    @Test("grammar-valid CSI and SS3 sequences are taken whole and never type a character")
    func validSequences() {
        var rng = SeededGenerator(seed: 13)
        for index in 0..<Self.cases {
            let sequence = Self.sequence(&rng)
            let tail = Self.scalars(&rng, count: 3 + rng.below(6))
            let result = EscapeDecoder.decode(sequence + tail, atEnd: rng.chance(0.5))
            guard case .complete(let key, let consumed) = result else {
                Issue.record("case \(index): \(sequence) + \(tail) is incomplete")
                return
            }
            // Two old forms take a little more: X10 mouse reports, the Linux console's F-keys.
            let extra = sequence == [0x5B, 0x4D] ? 3 : (sequence == [0x5B, 0x5B] ? 1 : 0)
            #expect(!Self.isTyped(key), "case \(index): \(sequence) gives \(String(describing: key))")
            if consumed != sequence.count + extra, extra != 1 || consumed != sequence.count {
                Issue.record("case \(index): \(sequence) + \(tail) took \(consumed)")
                return
            }
            var reader = KeyReader()
            var input = ([0x1B] + sequence + [UInt32](repeating: 0x20, count: extra))[...]
            let step = reader.next { _ in input.popFirst().map { .character($0) } }
            if case .character? = step { Issue.record("case \(index): the reader typed \(String(describing: step))") }
            #expect(input.isEmpty && !reader.hasPending, "case \(index): \(sequence) was not read whole")
        }
    }

    @Test("random input after ESC never types a character, and its answer does not change with more input")
    func randomInput() {
        var rng = SeededGenerator(seed: 2028)
        for index in 0..<Self.cases {
            let scalars = Self.scalars(&rng, count: rng.below(14))
            let final = EscapeDecoder.decode(scalars, atEnd: true)
            guard case .complete(let key, let consumed) = final else {
                Issue.record("case \(index): \(scalars) incomplete at the end")
                return
            }
            #expect(!Self.isTyped(key), "case \(index): \(scalars) gives \(String(describing: key))")
            #expect((0...scalars.count).contains(consumed), "case \(index)")
            #expect((consumed == 0) == (key == .escape), "case \(index): \(scalars) took \(consumed)")
            let early = EscapeDecoder.decode(scalars, atEnd: false)
            if early != .incomplete {
                #expect(early == final, "case \(index): \(scalars) decided before its end differs")
                let more = EscapeDecoder.decode(scalars + Self.scalars(&rng, count: 4), atEnd: false)
                #expect(more == early, "case \(index): \(scalars) changed with what followed it")
            }
        }
    }
}
