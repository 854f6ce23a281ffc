#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// `printf`-style text through the C library's `vsnprintf`, always in the C locale (a
    /// point for the decimal separator, whatever the terminal's locale says): what
    /// Foundation's `String(format:)` gives for the formats used here (`%.1f`, `%02x`, `%%`),
    /// without linking full Foundation and its ICU data into the binary.
    public init(cFormat format: String, _ arguments: CVarArg...) {
        self = Self.formatted(format, arguments)
    }

    /// The text of `format` with `arguments`, in the C locale.
    static func formatted(_ format: String, _ arguments: [CVarArg]) -> String {
        let previous = uselocale(CLocale.c)
        defer { uselocale(previous) }
        var capacity = 64
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let needed = withVaList(arguments) { list in
                buffer.withUnsafeMutableBufferPointer { Int(vsnprintf($0.baseAddress, capacity, format, list)) }
            }
            if needed < 0 { return "" }
            if needed < capacity {
                return String(decoding: buffer.prefix(needed).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = needed + 1
        }
    }
}

/// The C locale, made once (a `locale_t` is safe to share; `uselocale` sets it per thread).
private enum CLocale {
    nonisolated(unsafe) static let c: locale_t = newlocale(LC_NUMERIC_MASK, "C", nil)!
}
