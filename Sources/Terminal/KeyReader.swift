/// One unit of curses input: a character, or a key code curses decoded itself from terminfo
/// (`wget_wch` returning KEY_CODE_YES: KEY_HOME, KEY_MOUSE, KEY_RESIZE, …).
public enum CursesInput: Equatable, Sendable {
    case character(UInt32)
    case code(Int32)
}

/// What `KeyReader` made of the input: a character or a code to decode as before, a key from
/// an escape sequence, or a sequence that means nothing (read and dropped whole).
public enum KeyReaderStep: Equatable, Sendable {
    case character(UInt32)
    case code(Int32)
    case key(TerminalKey)
    case ignored
}

/// Puts escape sequences back together from curses input. Curses turns the sequences that
/// terminfo knows into key codes; any other arrives as ESC followed by its characters, one
/// by one. The reader collects those and has `EscapeDecoder` decode them whole, so that none
/// leaks its characters as keypresses. Pure: `read` is the only input.
public struct KeyReader: Sendable {
    /// Input read ahead and not yet used, oldest first.
    private var pending: [CursesInput] = []

    public init() {}

    /// The next step, or nil when no input is pending. `read(wait)` returns the next input,
    /// or nil when there is none: with `wait` false it must not wait at all; with `wait` true
    /// it may wait the escape delay first. It is asked to wait only inside a sequence, after
    /// its first character: curses has already waited its escape delay after the ESC, but
    /// the rest of a sequence may still be on its way (a mouse report split between reads).
    /// The first character after ESC is read without waiting: none there means a lone ESC,
    /// the Escape key. A key code after an ESC ends the sequence and stays pending.
    public mutating func next(read: (_ wait: Bool) -> CursesInput?) -> KeyReaderStep? {
        guard let first = take(read, wait: false) else { return nil }
        switch first {
        case .code(let code): return .code(code)
        case .character(let value) where value != 0x1B: return .character(value)
        case .character: break
        }
        var scalars: [UInt32] = []
        var atEnd = false
        while true {
            switch EscapeDecoder.decode(scalars, atEnd: atEnd) {
            case .complete(let key, let consumed):
                pending.insert(contentsOf: scalars[consumed...].map { .character($0) }, at: 0)
                return key.map { .key($0) } ?? .ignored
            case .incomplete:
                switch take(read, wait: !scalars.isEmpty) {
                case .character(let value): scalars.append(value)
                case .code(let code):
                    pending.insert(.code(code), at: 0)
                    atEnd = true
                case nil: atEnd = true
                }
            }
        }
    }

    /// Whether input read ahead is waiting to be used (the terminal's file descriptor may
    /// then have nothing to read, yet `next` has something to return).
    public var hasPending: Bool { !pending.isEmpty }

    /// The oldest input read ahead, else the next from `read`.
    private mutating func take(_ read: (Bool) -> CursesInput?, wait: Bool) -> CursesInput? {
        pending.isEmpty ? read(wait) : pending.removeFirst()
    }
}
