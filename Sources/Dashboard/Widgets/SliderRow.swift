import FuturesModel

/// One slider row: marker, name, track, value and response sparkline.
public struct SliderRow: Sendable, Equatable {
    public var id: ParameterID
    public var value: Double
    public var selected: Bool
    /// The horizon lead across the parameter's range (any number of samples ≥ 2).
    public var response: [Double]
    /// The lead range every row's sparkline shares, so that heights compare across rows
    /// (nil: this row's own range).
    public var scale: ClosedRange<Double>?
    /// Whether the sparkline is another scenario's (across worlds, while the new one computes): dimmed.
    public var stale = false

    public init(
        id: ParameterID, value: Double, selected: Bool, response: [Double], scale: ClosedRange<Double>? = nil
    ) {
        self.scale = scale
        self.id = id
        self.value = value
        self.selected = selected
        self.response = response
    }

    /// The position of the value in its range, 0…1.
    var fraction: Double {
        let spec = id.spec
        return (value - spec.min) / (spec.max - spec.min)
    }

    /// Draws in the first row of `rect`.
    public func render(in rect: Rect, into screen: inout Screen) {
        let c = SliderColumns(width: rect.width)
        let y = rect.y
        var x = rect.x
        screen.write(selected ? "▸" : " ", x: x, y: y, role: .accent, flags: .bold, clip: rect)
        x += 1
        let name = Format.pad(Labels.fitting(id, width: c.name), c.name)
        screen.write(
            name, x: x, y: y, style: selected ? Style(.selection, [.reverse, .bold]) : Style(.foreground),
            clip: rect)
        x += c.name + 1
        let knob = Int((fraction * Double(c.track - 1)).rounded())
        for i in 0..<c.track {
            let cell: Cell =
                i < knob
                ? Cell("━", Style(.accent))
                : i == knob
                    ? Cell("●", Style(selected ? .selection : .accent, .bold))
                    : Cell("─", Style(.grid))
            if rect.contains(x: x + i, y: y) { screen[x + i, y] = cell }
        }
        x += c.track + 1
        let text = Format.value(value, id.spec)
        screen.write(Format.pad(text, c.value, right: true), x: x, y: y, style: Style(.foreground, .bold), clip: rect)
        x += c.value + 1
        let spark = Rect(x: x, y: y, width: min(c.spark, rect.maxX - x), height: 1)
        Sparkline(samples: response, caret: fraction, scale: scale).render(in: spark, into: &screen)
        if stale {
            for i in 0..<max(0, spark.width) where screen.area.contains(x: spark.x + i, y: y) {
                screen[spark.x + i, y].style.flags.insert(.dim)
            }
        }
    }
}

/// A one-row sparkline of block characters with a caret cell (accent, bold) at a position.
public struct Sparkline: Sendable, Equatable {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Samples spread evenly across the parameter's range.
    public var samples: [Double]
    /// Where the current value sits, 0…1 across the range.
    public var caret: Double?
    /// Spans smaller than this draw flat: the parameter barely moves the outcome.
    public var flatBelow: Double
    /// The value range the bar heights span (nil: the samples' own range).
    public var scale: ClosedRange<Double>?
    /// Whether the sparkline is another scenario's (across worlds, while the new one computes): dimmed.
    public var stale = false

    public init(samples: [Double], caret: Double?, flatBelow: Double = 0.05, scale: ClosedRange<Double>? = nil) {
        self.samples = samples
        self.caret = caret
        self.flatBelow = flatBelow
        self.scale = scale
    }

    /// Draws in the first row of `rect`, resampling to its width.
    public func render(in rect: Rect, into screen: inout Screen) {
        let n = rect.width
        guard n > 0, samples.count > 1, let ownLo = samples.min(), let ownHi = samples.max() else { return }
        let flat = ownHi - ownLo < flatBelow
        let lo = min(scale?.lowerBound ?? ownLo, ownLo), hi = max(scale?.upperBound ?? ownHi, ownHi)
        for i in 0..<n {
            let t = n == 1 ? 0 : Double(i) / Double(n - 1) * Double(samples.count - 1)
            let v = interpolate(samples, t)
            // A flat row stands at its height on the shared scale, in a muted colour, so that
            // a slider that does nothing still shows where its lead sits among the others.
            let level = hi > lo ? max(0, min(7, Int(((v - lo) / (hi - lo) * 7).rounded()))) : 0
            screen[rect.x + i, rect.y] = Cell(Self.blocks[level], Style(flat ? .muted : .policy))
        }
        if let caret {
            // The current value: the same block in the accent colour, bold (not reversed, which
            // would read as a selection; without colours it is reversed all the same).
            let i = Int((max(0, min(1, caret)) * Double(n - 1)).rounded())
            screen[rect.x + i, rect.y].style = Style(.accent, screen.mono ? [.reverse, .bold] : [.bold])
        }
    }
}
