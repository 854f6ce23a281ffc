/// Reads what follows an ESC in terminal input with the ECMA-48 grammar, and says which key
/// it means. Every sequence is taken whole: one it does not know means no key at all, never
/// its characters one by one (the `1` of `ESC [ 1 ~` is not a keypress). Pure: no curses.
///
/// - `ESC [` parameter bytes (0x30–0x3F), intermediate bytes (0x20–0x2F), one final byte
///   (0x40–0x7E): a control sequence (CSI). Two old forms that carry more after the final byte
///   are read whole too: the X10 mouse report `ESC [ M b x y` and the Linux console's F1–F5,
///   `ESC [ [ A`…`E`.
/// - `ESC O`, the same grammar: a single shift (SS3), as in `ESC O H`.
/// - `ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X`: a string (OSC, DCS, APC, PM, SOS) up to BEL,
///   ST (`ESC \`) or C1 ST; a terminal's answer to a query can arrive this way. Ignored.
/// - `ESC` and any other character: Alt plus that key. Ignored.
/// - `ESC` alone (nothing follows, or another ESC does): the Escape key.
///
/// Keys are mapped in `EscapeDecoder+Keys.swift`.
public enum EscapeDecoder {
    /// What a run of input after an ESC is.
    public enum Result: Equatable, Sendable {
        /// A whole sequence: the key it means (nil: ignore it) and how many of the scalars it
        /// took. The scalars after those are input of their own.
        case complete(TerminalKey?, consumed: Int)
        /// The start of a sequence that needs more input to end.
        case incomplete
    }

    /// The most scalars a sequence may have: a longer one is dropped, as far as it was read.
    public static let maximumLength = 4096

    /// Decodes `scalars`, the input that followed an ESC. `atEnd` says that no more will come
    /// (none arrived in time): a truncated sequence is then dropped whole, and a lone ESC is
    /// the Escape key. Never `.incomplete` when `atEnd`.
    public static func decode(_ scalars: [UInt32], atEnd: Bool) -> Result {
        guard let first = scalars.first else { return atEnd ? .complete(.escape, consumed: 0) : .incomplete }
        let result: Result
        switch first {
        case 0x1B: return .complete(.escape, consumed: 0)
        case 0x5B: result = controlSequence(scalars, introducer: .csi)
        case 0x4F: result = controlSequence(scalars, introducer: .ss3)
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58: result = controlString(scalars)
        default: return .complete(nil, consumed: 1)
        }
        if result == .incomplete, atEnd || scalars.count >= maximumLength {
            return .complete(nil, consumed: scalars.count)
        }
        return result
    }

    /// The character that follows ESC in a control sequence.
    enum Introducer { case csi, ss3 }

    /// `[` or `O`, parameter bytes, intermediate bytes, a final byte. A parameter byte after an
    /// intermediate one makes the sequence malformed: it is still read to its final byte, and
    /// ignored. A character outside 0x20–0x7E cannot be part of it: the sequence ends before
    /// that character, which is input of its own (an ESC there starts the next sequence).
    private static func controlSequence(_ s: [UInt32], introducer: Introducer) -> Result {
        var parametersEnd: Int?
        var malformed = false
        var i = 1
        while i < s.count {
            switch s[i] {
            case 0x30...0x3F:
                if parametersEnd != nil { malformed = true }
            case 0x20...0x2F:
                if parametersEnd == nil { parametersEnd = i }
            case 0x40...0x7E:
                let end = parametersEnd ?? i
                if introducer == .csi, i == 1 { return bareControlSequence(s) }
                if malformed { return .complete(nil, consumed: i + 1) }
                let key = key(
                    introducer, parameters: s[1..<end], intermediates: s[end..<i], final: s[i])
                return .complete(key, consumed: i + 1)
            default:
                return .complete(nil, consumed: i)
            }
            i += 1
        }
        return .incomplete
    }

    /// `ESC [` and a final byte at once. Two of these carry more: X10 mouse reports
    /// (`ESC [ M` and three characters: button, column, row) and the Linux console's
    /// F1–F5 (`ESC [ [` and `A`…`E`).
    private static func bareControlSequence(_ s: [UInt32]) -> Result {
        switch s[1] {
        case 0x4D:
            return s.count >= 5 ? .complete(nil, consumed: 5) : .incomplete
        case 0x5B:
            guard s.count >= 3 else { return .incomplete }
            switch s[2] {
            case 0x41...0x45: return .complete(.function(Int(s[2]) - 0x40), consumed: 3)
            case 0x20...0x7E: return .complete(nil, consumed: 3)
            default: return .complete(nil, consumed: 2)
            }
        default:
            return .complete(key(.csi, parameters: [], intermediates: [], final: s[1]), consumed: 2)
        }
    }

    /// A control string, ignored: its text runs to BEL, C1 ST (0x9C) or ST (`ESC \`). An ESC
    /// followed by anything else ends the string before it (and starts the next sequence).
    private static func controlString(_ s: [UInt32]) -> Result {
        var i = 1
        while i < s.count {
            switch s[i] {
            case 0x07, 0x9C:
                return .complete(nil, consumed: i + 1)
            case 0x1B:
                guard i + 1 < s.count else { return .incomplete }
                return .complete(nil, consumed: s[i + 1] == 0x5C ? i + 2 : i)
            default:
                i += 1
            }
        }
        return .incomplete
    }
}
