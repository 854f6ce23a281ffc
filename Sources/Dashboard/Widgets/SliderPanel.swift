import FuturesModel

/// The left panel: POLICY LEVERS, ASSUMPTIONS, and what the selected slider means.
public struct SliderPanel: Sendable, Equatable {
    public var scenario: Scenario
    public var selection: Int
    /// One response curve per parameter, in `ParameterID.all` order.
    public var responses: [[Double]]

    public init(scenario: Scenario, selection: Int, responses: [[Double]]) {
        self.scenario = scenario
        self.selection = selection
        self.responses = responses
    }

    /// The panel's rows before the description: border, 5 levers, separator, 9 assumptions, separator.
    public static let fixedRows = 1 + LeverID.allCases.count + 1 + AssumptionID.allCases.count + 1

    /// The screen row of parameter `index` inside a panel drawn at `rect`.
    public static func row(of index: Int, in rect: Rect) -> Int {
        index < LeverID.allCases.count ? rect.y + 1 + index : rect.y + 2 + index
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let levers = selection < LeverID.allCases.count
        let on = Style(.accent, .bold), off = Style(.muted, .bold)
        screen.box(rect, title: "POLICY LEVERS", titleStyle: levers ? on : off)
        let inner = rect.inset(1)
        // One scale for every sparkline: a tall ramp means a large effect on the lead.
        let all = responses.flatMap { $0 }
        let scale = (all.min() ?? 0)...(max(all.max() ?? 1, (all.min() ?? 0) + 1e-9))
        for (i, id) in ParameterID.all.enumerated() {
            let y = Self.row(of: i, in: rect)
            guard y < rect.maxY - 1 else { break }
            SliderRow(id: id, value: scenario[id], selected: i == selection, response: responses[i], scale: scale)
                .render(in: Rect(x: inner.x, y: y, width: inner.width, height: 1), into: &screen)
        }
        let sepY = rect.y + 1 + LeverID.allCases.count
        screen.separator(rect, y: sepY, title: "ASSUMPTIONS", titleStyle: levers ? off : on)
        let aboutY = rect.y + Self.fixedRows - 1
        guard aboutY < rect.maxY - 2 else { return }
        let id = ParameterID.all[selection]
        let spec = id.spec
        screen.separator(rect, y: aboutY, title: spec.name, titleStyle: Style(.foreground, .bold))
        let range =
            "Range \(Format.value(spec.min, spec)) to \(Format.value(spec.max, spec)), default "
            + Format.value(spec.defaultValue, spec) + "."
        let available = rect.maxY - 1 - (aboutY + 1)
        var lines = wrap(capitalized(spec.meaning) + ".", width: inner.width)
        let curve = responses[selection]
        let effect =
            "Lead at \(monthLabel(scenario.horizon)): \(Format.outcome(curve.first ?? 0, .leadMonths)) at min, "
            + "\(Format.outcome(curve.last ?? 0, .leadMonths)) at max."
        for extra in [range, effect] {
            let more = wrap(extra, width: inner.width)
            if lines.count + more.count <= available { lines += more }
        }
        for (i, line) in lines.prefix(available).enumerated() {
            screen.write(line, x: inner.x, y: aboutY + 1 + i, role: .muted, clip: inner)
        }
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Greedy word wrap to `width` columns.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// Response curves for every slider: the horizon lead across each parameter's range.
enum ResponseCurves {
    static let samples = 11

    /// Levers come from the analysis; assumptions are swept here (11 runs each, cheap).
    static func all(_ analysis: Analysis) -> [[Double]] {
        let scenario = analysis.scenario
        let assumptions = AssumptionID.allCases.map { a -> [Double] in
            let spec = a.spec
            return (0..<samples).map { i in
                var s = scenario
                s.assumptions[a] = spec.min + (spec.max - spec.min) * Double(i) / Double(samples - 1)
                return Simulation.outcome(s).leadMonths
            }
        }
        return analysis.response + assumptions
    }
}
