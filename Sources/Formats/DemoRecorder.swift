import Dashboard

/// Collects key presses with their timing and writes them as `.demo` text: a pure value,
/// with the time passed in by the caller.
public struct DemoRecorder: Sendable, Equatable {
    /// Each press and the milliseconds since the previous one (or since the start).
    public private(set) var presses: [(key: Key, delay: Int)] = []
    private var last: Int?

    public init() {}

    /// Notes `key` pressed at `now` milliseconds (any clock, as long as it only grows).
    public mutating func record(_ key: Key, at now: Int) {
        let delay = max(0, now - (last ?? 0))
        last = now
        presses.append((key, delay))
    }

    /// The script: repeated keys with the same delay (to 10 ms) become one `key NAME COUNT @DELAY`.
    public var text: String {
        var lines = ["# Recorded by twofutures record"]
        var i = 0
        while i < presses.count {
            let key = presses[i].key
            let delay = Self.rounded(presses[i].delay)
            var n = 1
            while i + n < presses.count, presses[i + n].key == key, Self.rounded(presses[i + n].delay) == delay {
                n += 1
            }
            lines.append("key \(DemoParser.name(of: key))\(n > 1 ? " \(n)" : "") @\(delay)ms")
            i += n
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A delay to the nearest 10 ms, capped at 10 minutes.
    static func rounded(_ ms: Int) -> Int { min(600_000, (ms + 5) / 10 * 10) }

    public static func == (a: DemoRecorder, b: DemoRecorder) -> Bool {
        a.last == b.last && a.presses.map(\.key) == b.presses.map(\.key)
            && a.presses.map(\.delay) == b.presses.map(\.delay)
    }
}
