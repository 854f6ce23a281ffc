import FuturesModel

/// One slider row: marker, name, track, value and response sparkline.
public struct SliderRow: Sendable, Equatable {
    public var id: ParameterID
    public var value: Double
    public var selected: Bool
    /// The horizon lead across the parameter's range (any number of samples ≥ 2).
    public var response: [Double]

    public init(id: ParameterID, value: Double, selected: Bool, response: [Double]) {
        self.id = id
        self.value = value
        self.selected = selected
        self.response = response
    }

    /// Column widths for a row `width` wide.
    public struct Columns: Sendable, Equatable {
        public let name: Int, track: Int, value: Int, spark: Int

        public init(width: Int) {
            spark = width >= 50 ? 11 : 6
            track = width >= 50 ? 10 : 7
            value = 9
            name = max(0, width - (1 + 1 + track + 1 + value + 1 + spark))
        }

        /// Offset of the track from the row's start.
        public var trackOffset: Int { 1 + name + 1 }
    }

    /// The position of the value in its range, 0…1.
    var fraction: Double {
        let spec = id.spec
        return (value - spec.min) / (spec.max - spec.min)
    }

    /// Draws in the first row of `rect`.
    public func render(in rect: Rect, into screen: inout Screen) {
        let c = Columns(width: rect.width)
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
        Sparkline(samples: response, caret: fraction).render(in: spark, into: &screen)
    }
}
