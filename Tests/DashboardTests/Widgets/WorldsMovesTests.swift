import Dashboard
import Foundation
import FuturesModel
import Testing

/// "What moves it" and the sparklines across worlds, from a computed `WorldsAnalysis`.
@Suite("What moves it across worlds")
struct WorldsMovesTests {
    /// The Future 1 preset across 400 worlds (seed 7, one thread).
    static let worlds = WorldsAnalysis.compute(
        Scenario(levers: Preset.future1.levers), settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!

    static func frame(_ panel: (Rect, inout Screen) -> Void, width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        panel(screen.area, &screen)
        return screen
    }

    static func tornado(width: Int, height: Int, current: Bool = true) -> Screen {
        frame(
            { TornadoPanel(source: .acrossWorlds(worlds, current: current)).render(in: $0, into: &$1) },
            width: width, height: height)
    }

    /// The signed whole points in "F1 +23 pts" / "F2 −4": (future, points).
    static func delta(_ line: String) -> (String, Int)? {
        guard let r = line.range(of: #"F[12] (\+|−)?\d+"#, options: .regularExpression) else { return nil }
        let parts = line[r].split(separator: " ")
        let number = parts[1].replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: "")
        return (String(parts[0]), Int(number)!)
    }

    @Test("the tornado across worlds: policy rows then assumptions, each by |swing of the median lead|")
    func tornadoRows() {
        let screen = Self.tornado(width: 56, height: 40)
        let lines = (0..<screen.height).map(screen.line)
        let names = lines.compactMap { line in
            ParameterID.all.first { line.hasPrefix("│" + Labels.fitting($0, width: 20)) }
        }
        let policy = Self.worlds.sensitivity.filter { $0.kind != .assumption }.map(\.parameter)
        let assumptions = Self.worlds.sensitivity.filter { $0.kind == .assumption }.map(\.parameter)
        #expect(names == policy + assumptions, "\(names)")
        let swings = Self.worlds.sensitivity.filter { $0.kind != .assumption }.map { abs($0.swing.medianLead) }
        #expect(swings == swings.sorted(by: >))
        #expect(screen.text.contains("Median lead at 2029-01"))
        // Neutral bars, never the futures' colours.
        #expect(!screen.cells.contains { $0.character == "█" && ($0.role == .future1 || $0.role == .future2) })
    }

    @Test("each tornado row's ΔP is the larger of ΔP(F1) and ΔP(F2): the difference of the percents its note shows")
    func tornadoDeltas() throws {
        let screen = Self.tornado(width: 56, height: 40)
        var checked = 0
        for row in Self.worlds.sensitivity {
            let label = "│" + Labels.fitting(row.parameter, width: 20)
            let line = try #require((0..<screen.height).map(screen.line).first { $0.hasPrefix(label) })
            let (future, points) = try #require(Self.delta(line), "\(line)")
            let f1 = row.high.pFuture1 - row.low.pFuture1, f2 = row.high.pFuture2 - row.low.pFuture2
            let larger = abs(f2) > abs(f1) ? ("F2", f2) : ("F1", f1)
            #expect(future == larger.0, "\(row.id): \(line)")
            // The two ends as the note and the outcome bar round them ("P(F2) 56→3 %" is −53).
            let shown = { (p: Double) in Int(String(format: "%.0f", p * 100))! }
            let ends = future == "F2" ? (row.low.pFuture2, row.high.pFuture2) : (row.low.pFuture1, row.high.pFuture1)
            #expect(points == shown(ends.1) - shown(ends.0), "\(row.id): \(line)")
            #expect(abs(Double(points) - larger.1 * 100) <= 1, "\(row.id): \(line)")
            #expect(line.contains(" pts│") || line.contains(" pt│"), "the unit at wide widths: \(line)")
            checked += 1
        }
        #expect(checked == 16)
    }

    @Test("the tornado's axis: month labels ascending, in the bars' range, under a rule with ticks")
    func tornadoAxis() throws {
        for (width, height) in [(56, 40), (56, 13), (40, 10)] {
            let screen = Self.tornado(width: width, height: height)
            let lines = (0..<screen.height).map(screen.line)
            let axis = try #require(lines.first { $0.contains("months") }, "\(width)×\(height)\n\(screen.text)")
            let labels = axis.dropFirst(1 + (width >= 52 ? 20 : 15)).split(separator: " ")
                .compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "│"))) }
            #expect(labels.count >= 2, "\(axis)")
            #expect(labels == labels.sorted() && Set(labels).count == labels.count, "\(axis)")
            let ends =
                Self.worlds.sensitivity.flatMap { [$0.low.medianLead, $0.high.medianLead] }
                + [Self.worlds.summary.medianLead]
            #expect(labels.allSatisfy { $0 >= ends.min()! - 1e-9 && $0 <= ends.max()! + 1e-9 }, "\(axis)")
            if height >= 13 { #expect(lines.contains { $0.contains("┬") }, "the tick rule") }
        }
    }

    @Test("the tornado of another scenario is dimmed; with none yet it computes, and shows no central numbers")
    func tornadoStaleAndWaiting() {
        let stale = Self.tornado(width: 56, height: 20, current: false)
        #expect(stale.cells.allSatisfy { $0.flags.contains(.dim) })
        #expect(!Self.tornado(width: 56, height: 20).cells.allSatisfy { $0.flags.contains(.dim) })
        let waiting = Self.frame(
            { TornadoPanel(source: .acrossWorlds(nil, current: false)).render(in: $0, into: &$1) }, width: 56,
            height: 20)
        #expect(waiting.text.contains("computing across worlds…"))
        #expect(!waiting.text.contains(" mo") && !waiting.text.contains("pts"))
    }

    @Test("the attribution across worlds: each lever's Shapley points of the chosen probability, its months beside")
    func attribution() throws {
        let a = Self.worlds.attribution
        for verdict in Summary.Verdict.allCases {
            let screen = Self.frame(
                {
                    AttributionPanel(source: .acrossWorlds(Self.worlds, current: true), verdict: verdict)
                        .render(in: $0, into: &$1)
                }, width: 56, height: 20)
            let lines = (0..<screen.height).map(screen.line)
            #expect(
                lines[0].contains(
                    ["P(F1)", "P(F2)", "P(China mkts)"][verdict == .future1 ? 0 : verdict == .future2 ? 1 : 2]))
            for lever in LeverID.allCases {
                let line = try #require(lines.first { $0.hasPrefix("│" + Labels.fitting(.lever(lever), width: 20)) })
                #expect(line.contains(Explanation.points(a[lever][verdict]) + " "), "\(verdict) \(lever): \(line)")
                #expect(line.hasSuffix(signedMonths(a[lever].medianLead) + " mo│"), "\(line)")
            }
            let mine = try #require(lines.first { $0.hasPrefix("│Your policy") })
            #expect(mine.contains(Format.percent(Self.worlds.summary[verdict])), "\(mine)")
            #expect(mine.contains(Format.outcome(Self.worlds.summary.medianLead, .leadMonths)), "\(mine)")
            let base = try #require(lines.first { $0.hasPrefix("│Future 2 levers") })
            #expect(base.contains(Format.percent(a.baseSummary[verdict])), "\(base)")
        }
        // The shares add up: the base plus the levers' points is your policy's probability.
        for verdict in Summary.Verdict.allCases {
            let sum = a.baseSummary[verdict] + LeverID.allCases.map { a[$0][verdict] }.reduce(0, +)
            #expect(abs(sum - Self.worlds.summary[verdict]) < 1e-9)
        }
    }

    @Test("f shows the attribution, then cycles P(F1) → P(F2) → P(China's markets); the hint is in the table")
    func attributionKey() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("f")))
        #expect(state.view.moves == .attribution && state.view.attributionVerdict == .future1)
        reduce(&state, .keyPressed(.char("f")))
        #expect(state.view.attributionVerdict == .future2)
        reduce(&state, .keyPressed(.char("f")))
        #expect(state.view.attributionVerdict == .chinaMarkets)
        reduce(&state, .keyPressed(.char("f")))
        #expect(state.view.attributionVerdict == .future1)
        #expect(KeyTable.command(for: .char("f"), in: .normal) == .cycleAttribution)
    }

    @Test("across worlds the sparklines are the median lead across each range; as set, the central run's")
    func sparklines() {
        let scenario = Self.worlds.scenario
        let analysis = Analysis(scenario)
        func sparks(_ source: MovesSource) -> [String] {
            var screen = Screen(width: 56, height: 24)
            SliderPanel(scenario: scenario, selection: 0, source: source).render(in: screen.area, into: &screen)
            return (0..<24).map { String(screen.line($0).suffix(12).prefix(11)) }
        }
        let worlds = sparks(.acrossWorlds(Self.worlds, current: true))
        let asSet = sparks(.asSet(analysis))
        #expect(worlds != asSet)
        // The export-controls row: the median lead rises over its range, so does its sparkline.
        let curve = Self.worlds.response[0].medianLead
        #expect(curve.last! > curve.first!)
        let row = worlds[2]
        let blocks = Array("▁▂▃▄▅▆▇█")
        let first = blocks.firstIndex(of: row.first!)!, last = blocks.firstIndex(of: row.last!)!
        #expect(last > first, "\(row)")
        // The top border names what they are.
        var screen = Screen(width: 56, height: 24)
        SliderPanel(scenario: scenario, selection: 0, source: .acrossWorlds(Self.worlds, current: true))
            .render(in: screen.area, into: &screen)
        #expect(screen.line(0).contains("median lead"))
        // Waiting for the first result across worlds: no sparkline at all, never the central run's.
        var waiting = Screen(width: 56, height: 24)
        SliderPanel(scenario: scenario, selection: 0, source: .acrossWorlds(nil, current: false))
            .render(in: waiting.area, into: &waiting)
        #expect(!waiting.text.contains { "▁▂▃▄▅▆▇█".contains($0) })
    }

    @Test("the levers-across-worlds notes keep every number at the 200×60 panel's width")
    func acrossWorldsNotes() {
        let result = Robustness.run(
            Scenario(levers: Preset.future1.levers), settings: EnsembleSettings(members: 200, seed: 7), threads: 1)!
        let panel = AcrossWorldsPanel(scenario: result.scenario, robustness: result)
        for row in result.rows {
            let note = panel.note(row, width: 52)
            #expect(note.count <= 52 && note.contains("pivotal") && note.hasSuffix("%"), "\(note)")
        }
    }
}
