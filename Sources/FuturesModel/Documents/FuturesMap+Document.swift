import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension FuturesMap {
    /// The `twofutures map` document of MODEL.md §5, keys in the order shown there; with
    /// `worlds` (`--members N`, the same grid) also `members`, `seed`, `uncertainty` and the
    /// four Summary grids.
    public func json(pretty: Bool = true, worlds: WorldsMap? = nil) -> String {
        precondition(worlds.map { $0.x == x && $0.y == y } ?? true, "the worlds map has another grid")
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.head(scenario)
        for (key, axis) in [("x", x), ("y", y)] {
            w.beginObject(key)
            w.value("id", axis.id)
            if axis.parameter == .policyStart {
                w.integers("values", axis.values.map { Int($0) })
            } else {
                w.numbers("values", axis.values)
            }
            w.endObject()
        }
        w.beginArray("lead_months")
        for row in leadMonths { w.numbers(nil, row) }
        w.endArray()
        w.beginArray("future")
        for row in futures { w.strings(nil, row.map(\.rawValue)) }
        w.endArray()
        if let worlds {
            w.value("members", worlds.settings.members)
            w.value("seed", worlds.settings.seed)
            w.value("uncertainty", worlds.settings.uncertainty)
            for (k, id) in Summary.ids.enumerated() {
                w.beginArray(id)
                for row in worlds.cells { w.numbers(nil, row.map { $0.values[k] }) }
                w.endArray()
            }
        }
        w.endObject()
        return w.text + "\n"
    }

    /// One line per point, rows of Y from low to high and X from low to high within each:
    /// X's value, Y's value (columns named by their ids), lead_months, future; with
    /// `worlds`, the point's Summary too (median_lead, p_future1, p_future2, p_china_markets).
    public func csv(worlds: WorldsMap? = nil) -> String {
        precondition(worlds.map { $0.x == x && $0.y == y } ?? true, "the worlds map has another grid")
        var lines = [
            "\(x.id),\(y.id),lead_months,future" + (worlds == nil ? "" : "," + Summary.ids.joined(separator: ","))
        ]
        let futures = futures
        for j in y.values.indices {
            for i in x.values.indices {
                var cells = [
                    Self.number(x.values[i], x.parameter), Self.number(y.values[j], y.parameter),
                    JSONWriter.number(leadMonths[j][i]), futures[j][i].rawValue,
                ]
                if let worlds { cells += worlds.cells[j][i].values.map(JSONWriter.number) }
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The map drawn in text: `#` Future 1, `.` contested, `-` Future 2, Y from its high
    /// end at the top to its low end at the bottom, X from low to high, with axis labels in
    /// the parameters' own units, and where the scenario as set lies. With `worlds` (the
    /// same grid), a second map follows: P(Future 1) at each point across its worlds, in
    /// tenths (`.` in no world, `0` below 10 %, `5` from 50 % to 60 %, `#` 95 % or more).
    public func table(worlds: WorldsMap? = nil) -> String {
        precondition(worlds.map { $0.x == x && $0.y == y } ?? true, "the worlds map has another grid")
        let futures = futures
        var lines = ["TwoFutures (\(Constants.modelVersion)): an illustrative model, not a forecast"]
        lines.append(
            "MAP OF FUTURES in \(monthLabel(scenario.horizon)): \(x.parameter.spec.name) across, "
                + "\(y.parameter.spec.name) up; everything else as set")
        lines.append("# Future 1 (lead ≥ 12 mo)   . contested   - Future 2 (lead ≤ 3 mo)")
        lines.append("")
        lines += grid { i, j in Self.symbol(futures[j][i]) }
        lines.append("")
        let here = Simulation.outcome(scenario)
        lines.append(
            "As set: \(x.parameter.spec.name) \(label(scenario[x.parameter], x.parameter)), "
                + "\(y.parameter.spec.name) \(label(scenario[y.parameter], y.parameter)): lead "
                + "\(Format.outcome(here.leadMonths, .leadMonths)), "
                + (here.future == .contested ? "contested" : here.future.title))
        if let worlds {
            let s = worlds.settings
            lines.append("")
            lines.append(
                "P(FUTURE 1) ACROSS \(s.members) WORLDS A POINT (uncertainty \(s.uncertainty), seed \(s.seed)), "
                    + "not a forecast")
            lines.append(". in no world   0-9 its tenths (0 under 10 %, 5 for 50-60 %)   # 95 % or more")
            lines.append("")
            lines += grid { i, j in Self.tenths(worlds.cells[j][i].pFuture1) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The grid's lines: Y's name, a row per Y value from high to low (labels at the top,
    /// middle and bottom rows) holding `symbol(i, j)` for each X value, the X axis and its name.
    private func grid(_ symbol: (Int, Int) -> Character) -> [String] {
        let nx = x.values.count, ny = y.values.count
        let labelled = Set([ny - 1, (ny - 1) / 2, 0])
        let width = labelled.map { label(y.values[$0], y.parameter).count }.max() ?? 0
        var lines = [y.parameter.spec.name]
        for j in stride(from: ny - 1, through: 0, by: -1) {
            let tick = labelled.contains(j) ? label(y.values[j], y.parameter) : ""
            lines.append(Format.pad(tick, width, right: true) + " |" + String((0..<nx).map { symbol($0, j) }))
        }
        let indent = String(repeating: " ", count: width + 2)
        lines.append(String(repeating: " ", count: width) + " +" + String(repeating: "-", count: nx))
        lines.append(indent + xTicks())
        let name = x.parameter.spec.name
        lines.append(indent + String(repeating: " ", count: max(0, nx - name.count)) + name)
        return lines
    }

    /// A probability's character on the worlds map: `.` for none of the worlds, its tenth
    /// `0`…`9`, or `#` from 95 %.
    static func tenths(_ p: Double) -> Character {
        p == 0 ? "." : p >= 0.95 ? "#" : Character(String(min(9, Int((p * 10).rounded(.down)))))
    }

    /// X's labels under the first, middle and last columns (left-aligned, centred,
    /// right-aligned); a label that would touch the one before it is left out.
    private func xTicks() -> String {
        let nx = x.values.count
        var line = [Character](repeating: " ", count: nx)
        var used = -2  // the last column written
        for (i, align) in [(0, 0), ((nx - 1) / 2, 1), (nx - 1, 2)] {
            let text = Array(label(x.values[i], x.parameter))
            let start = align == 0 ? i : align == 1 ? i - text.count / 2 : i - text.count + 1
            guard start > used + 1, start >= 0 else { continue }
            if start + text.count > line.count {
                line += [Character](repeating: " ", count: start + text.count - line.count)
            }
            line.replaceSubrange(start..<(start + text.count), with: text)
            used = start + text.count - 1
        }
        return String(line).droppingTrailingSpaces()
    }

    /// A value in its parameter's own unit: "70 %", "2027-01", "3.3 ×/yr".
    private func label(_ value: Double, _ id: ParameterID) -> String { Format.value(value, id.spec) }

    /// The map's character for a future.
    static func symbol(_ future: Future) -> Character {
        switch future {
        case .future1: "#"
        case .contested: "."
        case .future2: "-"
        }
    }

    /// A CSV value: whole months for `policy_start`, the shortest round-trip form otherwise.
    private static func number(_ x: Double, _ id: ParameterID) -> String {
        id == .policyStart ? String(Int(x)) : JSONWriter.number(x)
    }
}
