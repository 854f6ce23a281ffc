import FuturesModel

/// The selected parameter under the charts: what it means, its range, and where its
/// default comes from (its source line from MODEL.md §2, shortened to fit; in full where
/// there is room, as at 200×60).
public struct AboutBox: Sendable, Equatable {
    public var id: ParameterID
    public var scenario: Scenario
    /// The parameter's response curve (the lead at its range's ends); empty while the one
    /// across worlds computes.
    public var curve: [Double]
    /// Whether `curve` is the median lead across worlds (else the central run's, as set).
    public var acrossWorlds = false

    /// A lens just applied (`v`): its argument and source instead of the slider's.
    public var lens: Lens?

    public init(id: ParameterID, scenario: Scenario, curve: [Double], lens: Lens? = nil) {
        self.lens = lens
        self.id = id
        self.scenario = scenario
        self.curve = curve
    }

    /// The lines, each at most `width` wide, in at most `rows` rows: the name with its
    /// meaning and range first, then the source, then the lead at the range's ends; each
    /// shortened with "…" when rows are short.
    func lines(width: Int, rows: Int) -> [(text: String, role: Role)] {
        if let lens { return lensLines(lens, width: width, rows: rows) }
        let spec = id.spec
        if rows == 1 {
            // One row (80×24): the source line, since the slider's name says what it is.
            let line = "\(spec.name) · Source: \(spec.source)."
            return [(line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…", .muted)]
        }
        let parts: [(String, Role)] = [
            (
                "\(spec.name): \(spec.meaning). Range \(Format.value(spec.min, spec)) to "
                    + "\(Format.value(spec.max, spec)), default \(Format.value(spec.defaultValue, spec)).", .foreground
            ),
            ("Source: \(spec.source).", .muted),
            (
                curve.isEmpty
                    ? ""
                    : (acrossWorlds ? "Median lead" : "Lead, as set,")
                        + " at \(monthLabel(scenario.horizon)): \(Format.outcome(curve.first ?? 0, .leadMonths)) at "
                        + "\(Format.value(spec.min, spec)), \(Format.outcome(curve.last ?? 0, .leadMonths)) at "
                        + "\(Format.value(spec.max, spec)).", .muted
            ),
        ]
        let wrapped = parts.map { wrap($0.0, width: width) }
        // The meaning and the source a line each first, then the rest of their lines, then
        // the lead at the ends while rows last.
        var counts = wrapped.map { _ in 0 }
        var left = rows
        for i in 0..<2 where left > 0 {
            counts[i] = 1
            left -= 1
        }
        // The source line whole first, then the rest of the meaning.
        for i in [1, 0] {
            let more = min(left, wrapped[i].count - counts[i])
            counts[i] += more
            left -= more
        }
        if left > 0 { counts[2] = min(left, wrapped[2].count) }
        var out: [(text: String, role: Role)] = []
        for (i, lines) in wrapped.enumerated() where counts[i] > 0 {
            out += Self.clipped(lines, to: counts[i], width: width).map { ($0, parts[i].1) }
        }
        return out
    }

    /// The first `count` of `lines`, the last of them cut to end in "…" when lines are left out.
    static func clipped(_ lines: [String], to count: Int, width: Int) -> [String] {
        var shown = Array(lines.prefix(count))
        if count < lines.count, let last = shown.last {
            shown[shown.count - 1] = String(last.prefix(max(0, width - 1))) + "…"
        }
        return shown
    }

    /// The lens's name and argument, then its source, wrapped into `rows`.
    func lensLines(_ lens: Lens, width: Int, rows: Int) -> [(text: String, role: Role)] {
        let argument = wrap("Lens \(lens.name): \(lens.argument)", width: width)
        let source = wrap("Source: \(lens.source)", width: width)
        let first = rows <= 1 ? 1 : max(1, min(argument.count, rows - min(source.count, rows / 2)))
        var out = Self.clipped(argument, to: first, width: width).map { ($0, Role.foreground) }
        let left = rows - out.count
        if left > 0 { out += Self.clipped(source, to: left, width: width).map { ($0, Role.muted) } }
        return out
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        for (i, line) in lines(width: rect.width - 1, rows: rect.height).enumerated() {
            screen.write(line.text, x: rect.x + 1, y: rect.y + i, role: line.role, clip: rect)
        }
    }
}
