/// Which key a control sequence means: the forms xterm, rxvt, the Linux console, tmux and
/// screen send, for the keys `TerminalKey` has. Anything else (reports, private modes,
/// keys with Ctrl or Alt, kitty's `CSI … u`) is nil: no key.
///
/// | Key         | CSI (`ESC [`)                                | SS3 (`ESC O`) |
/// |-------------|----------------------------------------------|---------------|
/// | ↑ ↓ → ←     | `A` `B` `C` `D`, `1;1A`…                     | `A`…`D`       |
/// | ⇧↑ ⇧↓ ⇧→ ⇧← | `1;2A`…`1;2D`, rxvt `a`…`d`                  |               |
/// | Home        | `1~`, rxvt `7~`, `H`, `1;1H`                 | `H`           |
/// | End         | `4~`, rxvt `8~`, `F`, `1;1F`                 | `F`           |
/// | PgUp, PgDn  | `5~`, `6~`                                   |               |
/// | Delete      | `3~`                                         |               |
/// | ⇧Tab        | `Z`                                          |               |
/// | F1–F4       | `11~`…`14~`, `P`…`S`, Linux `[A`…`[D`        | `P`…`S`       |
/// | F5–F12      | `15~`, `17~`…`21~`, `23~`, `24~`, Linux `[E` |               |
/// | Enter       |                                              | `M` (keypad)  |
///
/// A `~` key may carry a modifier parameter of 1 (none), as in `5;1~`.
extension EscapeDecoder {
    /// The key of a control sequence, given its parts; nil for no key.
    static func key(
        _ introducer: Introducer, parameters: ArraySlice<UInt32>, intermediates: ArraySlice<UInt32>,
        final: UInt32
    ) -> TerminalKey? {
        guard intermediates.isEmpty, let numbers = numbers(parameters) else { return nil }
        switch introducer {
        case .csi: return csiKey(numbers, final: final)
        case .ss3: return numbers.isEmpty ? ss3Key(final: final) : nil
        }
    }

    /// A CSI key: `n ~` keys, cursor keys and the rest (see the table above).
    private static func csiKey(_ numbers: [Int?], final: UInt32) -> TerminalKey? {
        switch final {
        case 0x7E:  // ~
            guard numbers.count <= 2, let code = numbers.first ?? nil, unmodified(numbers) else { return nil }
            return tildeKey(code)
        case 0x41...0x44, 0x48, 0x46:  // A B C D, H, F: the first number, if any, is 1
            guard numbers.count <= 2, (numbers.first ?? nil) ?? 1 == 1 else { return nil }
            if numbers.count == 2, numbers[1] == 2 { return shifted(final) }
            return unmodified(numbers) ? ss3Key(final: final) : nil
        case 0x50...0x53:  // P Q R S, unmodified
            guard numbers.count <= 1, (numbers.first ?? nil) ?? 1 == 1 else { return nil }
            return .function(Int(final) - 0x4F)
        case 0x5A:  // Z
            return numbers.isEmpty ? .backTab : nil
        case 0x61...0x64:  // rxvt's a b c d
            return numbers.isEmpty ? shifted(final - 0x20) : nil
        default:
            return nil
        }
    }

    /// The keys of `ESC [ n ~`, by `n`.
    private static func tildeKey(_ code: Int) -> TerminalKey? {
        switch code {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23, 24: return .function(code - 12)
        default: return nil
        }
    }

    /// An SS3 key, also the unmodified cursor keys of CSI (same final bytes).
    private static func ss3Key(final: UInt32) -> TerminalKey? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(final) - 0x4F)
        case 0x4D: return .enter
        default: return nil
        }
    }

    /// Shift plus a cursor key (`A`…`D`); nil for Home and End, which have no shifted case.
    private static func shifted(_ final: UInt32) -> TerminalKey? {
        switch final {
        case 0x41: return .shiftUp
        case 0x42: return .shiftDown
        case 0x43: return .shiftRight
        case 0x44: return .shiftLeft
        default: return nil
        }
    }

    /// Whether the modifier (the second number, xterm's 1 + Shift 1 + Alt 2 + Ctrl 4) is
    /// absent or 1: no modifier.
    private static func unmodified(_ numbers: [Int?]) -> Bool {
        numbers.count < 2 || (numbers[1] ?? 1) == 1
    }

    /// The numbers of `n;n;…` (an empty one is nil: the default); nil when the parameters
    /// have anything else (a private marker such as `?` or `<`, or `:` sub-parameters).
    private static func numbers(_ parameters: ArraySlice<UInt32>) -> [Int?]? {
        if parameters.isEmpty { return [] }
        var numbers: [Int?] = []
        var current: Int?
        for p in parameters {
            switch p {
            case 0x30...0x39: current = min((current ?? 0) * 10 + Int(p - 0x30), 100_000)
            case 0x3B:
                numbers.append(current)
                current = nil
            default: return nil
            }
        }
        numbers.append(current)
        return numbers
    }
}
