import Dashboard
import Foundation
import FuturesModel
import TestSupport
import Testing

/// One language on screen: across worlds (medians and probabilities over the worlds, the
/// central run as a muted "as set" reference) or as set (`w`), and what shows while the
/// worlds refine.
@Suite("Language")
struct LanguageTests {
    /// The Future 1 preset at `width`×`height` with its ensemble and the presets' ensembles
    /// (400 members, seed 7) delivered, optionally with `uncertainty`.
    static func future1(width: Int, height: Int, uncertainty: Double = Constants.defaultUncertainty) -> State {
        var state = State(width: width, height: height)
        state.results.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("1")))
        let settings = EnsembleSettings(members: 400, seed: 7, uncertainty: uncertainty)
        deliver(&state, settings)
        return state
    }

    /// Delivers the ensembles of `state`'s scenario and of the presets, and its results
    /// across worlds, as the worker would.
    static func deliver(_ state: inout State, _ settings: EnsembleSettings) {
        let e = Ensemble.run(state.scenario, settings: settings, threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(e))))
        let key = Job.futuresScenario(state.scenario)
        var f2 = key
        f2.levers = Preset.future2.levers
        let futures = FuturesEnsembles(
            future1: Ensemble.run(key, settings: settings, threads: 1)!,
            future2: Ensemble.run(f2, settings: settings, threads: 1)!)
        reduce(&state, .jobFinished(JobResult(.futures(key), .futures(futures))))
        if let worlds = WorldsAnalysis.compute(state.scenario, settings: settings, threads: 1) {
            reduce(&state, .jobFinished(JobResult(.worlds(state.scenario), .worlds(worlds))))
        }
    }

    /// The headline's median lead and its p10–p90 band, read off the outcome bar's first line.
    static func headline(_ line: String) -> (median: Double, low: Double, high: Double)? {
        let number = #"(−?\d+\.\d)"#
        let pattern = #"median(?: lead)? "# + number + #"(?: mo)? \((?:p10–p90 )?"# + number + "–" + number + #"\)"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
        else { return nil }
        let value = { (i: Int) in
            Double(String(line[Range(m.range(at: i), in: line)!]).replacingOccurrences(of: "−", with: "-"))!
        }
        return (value(1), value(2), value(3))
    }

    @Test("across worlds the headline's number is the median and lies inside its p10–p90 band, for random scenarios")
    func headlineInsideBand() throws {
        var rng = SeededGenerator(seed: 24)
        var scenarios = [Scenario(levers: Preset.future1.levers), Scenario()]
        for _ in 0..<10 { scenarios.append(Scenario.random(using: &rng)) }
        for scenario in scenarios {
            let analysis = Analysis(scenario)
            let e = Ensemble.run(scenario, settings: EnsembleSettings(members: 300, seed: 3), threads: 1)!
            for width in [80, 120, 200] {
                var screen = Screen(width: width, height: 2)
                OutcomeBar(analysis: analysis, ensemble: e, explanation: "", acrossWorlds: true)
                    .render(in: screen.area, into: &screen)
                let line = screen.line(0)
                let h = try #require(Self.headline(line), "\(width): \(line)")
                #expect(h.low <= h.median && h.median <= h.high, "\(width): \(line)")
                let lead = OutcomeID.leadMonths.rawValue
                #expect(abs(h.median - e.p50[lead][scenario.horizon]) <= 0.05, "\(width): \(line)")
                // The central run is there, muted and named as such.
                let central = String(format: "%.1f", analysis.outcome.leadMonths).replacingOccurrences(
                    of: "-", with: "−")
                #expect(line.contains("as set \(central)"), "\(width): \(line)")
                let at = try #require(screen.find("as set \(central)"))
                #expect(screen[at.x, at.y].role == .muted)
            }
        }
    }

    @Test("the Future 1 preset: the headline's median sits in its band, the central run's 14.9 does not")
    func future1Headline() throws {
        for (width, height) in [(80, 24), (120, 36), (200, 60)] {
            let state = Self.future1(width: width, height: height)
            let line = render(state, Analysis(state.scenario)).line(state.layout.outcome.y)
            let h = try #require(Self.headline(line), "\(line)")
            #expect(h.low <= h.median && h.median <= h.high && h.high < 14.9, "\(line)")
            #expect(line.contains("MOST LIKELY") && line.contains("as set 14.9"), "\(line)")
            // The markets' verdict, whole (never cut mid-word).
            let verdict = width >= 200 ? "Developing markets: US stack" : width >= 120 ? "markets: US" : "P(China mkt)"
            #expect(line.contains(verdict) && line.contains("%"), "\(line)")
            #expect(line.contains(width >= 120 ? "China's in 0 % of worlds" : "P(China mkt) 0%"), "\(line)")
        }
    }

    @Test("w with uncertainty 0 changes nothing but the status bar's name of the language")
    func uncertaintyZero() {
        for (width, height) in [(80, 24), (120, 36), (200, 60)] {
            var state = Self.future1(width: width, height: height, uncertainty: 0)
            let before = render(state, Analysis(state.scenario))
            reduce(&state, .keyPressed(.char("w")))
            #expect(state.view.language == .asSet)
            let after = render(state, Analysis(state.scenario))
            let status = state.layout.status.y
            for y in 0..<before.height where y != status {
                #expect(before.line(y) == after.line(y), "\(width)x\(height) row \(y)")
            }
            #expect(
                before.cells.filter { $0.style.flags.contains(.dim) }.count
                    == after.cells.filter { $0.style.flags.contains(.dim) }.count)
            #expect(before.line(status).hasSuffix(" across 400 worlds "), "\(before.line(status))")
            #expect(after.line(status).hasSuffix(" as set · 400 worlds "), "\(after.line(status))")
        }
        // With uncertainty the two languages differ: the headline, the lines, the legend.
        var state = Self.future1(width: 120, height: 36)
        let worlds = render(state, Analysis(state.scenario))
        reduce(&state, .keyPressed(.char("w")))
        let asSet = render(state, Analysis(state.scenario))
        let outcome = state.layout.outcome.y
        #expect(worlds.line(outcome).contains("MOST LIKELY") && asSet.line(outcome).contains("AS SET: FUTURE 1"))
        #expect(!worlds.line(outcome).contains("AS SET") && !asSet.line(outcome).contains("MOST LIKELY"))
        #expect(worlds.text.contains("as set") && !asSet.text.contains("┄ as set"))
        #expect(asSet.line(state.layout.outcome.y + 1).contains("As set: the central run"))
    }

    @Test("after a key the lines keep their worlds result, dimmed, and the marker counts the worlds in")
    func progressive() throws {
        var state = Self.future1(width: 120, height: 36)
        let settled = render(state, Analysis(state.scenario))
        #expect(settled.line(state.layout.status.y).contains("across 400 worlds"))
        let dimmed = { (s: Screen) in s.cells.filter { $0.style.flags.contains(.dim) && $0.role == .policy }.count }
        #expect(dimmed(settled) == 0)
        reduce(&state, .keyPressed(.char("2")))
        let analysis = Analysis(state.scenario)
        let moved = render(state, analysis)
        // The stale median is still drawn, dimmed; the central run moved at once.
        #expect(dimmed(moved) > 0)
        #expect(moved.line(state.layout.status.y).contains("across 400 worlds…"))
        let line = moved.line(state.layout.outcome.y)
        let before = settled.line(state.layout.outcome.y)
        let verdict = try #require(before.range(of: #"MOST LIKELY [A-Z0-9 ]+ · \d+ %"#, options: .regularExpression))
        #expect(line.contains(before[verdict]), "the previous worlds' verdict, dimmed: \(line)")
        let at = try #require(moved.find("MOST LIKELY"))
        #expect(moved[at.x, at.y].flags.contains(.dim))
        #expect(line.contains("as set \(String(format: "%.1f", analysis.outcome.leadMonths))"), "\(line)")
        // The new ensemble arrives: the scenario's lines and verdict are current again.
        Self.deliver(&state, EnsembleSettings(members: 400, seed: 7))
        let fresh = render(state, analysis)
        #expect(dimmed(fresh) == 0)
        #expect(fresh.line(state.layout.outcome.y).contains("FUTURE 2"))
        #expect(fresh.line(state.layout.status.y).contains("across 400 worlds"))
        #expect(!fresh.line(state.layout.status.y).contains("worlds…"))
    }

    @Test("the Future 1 preset across worlds and as set", arguments: [(80, 24), (120, 36), (200, 60)])
    func snapshots(size: (Int, Int)) {
        var state = Self.future1(width: size.0, height: size.1)
        let name = "\(size.0)x\(size.1)"
        assertSnapshot(render(state, Analysis(state.scenario)).text, named: "language-future1-worlds-\(name)")
        reduce(&state, .keyPressed(.char("w")))
        assertSnapshot(render(state, Analysis(state.scenario)).text, named: "language-future1-as-set-\(name)")
    }
}
