import Dashboard
import FuturesModel
import Testing

/// The map of futures across worlds (the default language): each point the Summary of
/// its worlds, shaded by P(Future 1) / P(Future 2), the point in its own numbers' colour.
@Suite("Map across worlds")
struct WorldsMapChartTests {
    /// The role a point across worlds should be drawn in (the legend's scale).
    static func expectedRole(_ s: Summary) -> Role {
        if s.pFuture1 >= 0.5 { return s.pFuture1 >= 0.9 ? .future1 : .future1Faint }
        if s.pFuture2 >= 0.5 { return s.pFuture2 >= 0.9 ? .future2 : .future2Faint }
        return .grid
    }

    /// The Future 1 preset with the map open across worlds and its map delivered, and,
    /// with `worlds`, the scenario's own results across worlds (what the outcome bar shows).
    static func state(width: Int, height: Int, worlds: Bool = true) -> State {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: width, height: height)
        reduce(&state, .keyPressed(.char("m")))
        state = Fixture.withMap(state)
        if worlds {
            let analysis = WorldsAnalysis.compute(
                state.scenario, settings: EnsembleSettings(members: 200, seed: 7), threads: 1)!
            reduce(&state, .jobFinished(JobResult(.worlds(state.scenario), .worlds(analysis))))
        }
        return state
    }

    @Test("each cell is shaded by its point's P(F1) or P(F2); the point sits in the colour of its own numbers")
    func cells() throws {
        let state = Self.state(width: 120, height: 36)
        let request = try #require(state.mapRequest)
        #expect(request.acrossWorlds)
        let map = try #require(state.results.worldsMap?.map)
        #expect(map.scenario == state.scenario && map.x.parameter == request.x && map.y.parameter == request.y)
        let screen = Fixture.frame(state)
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: map.y.parameter).plot
        let nx = map.x.values.count, ny = map.y.values.count, rows = plot.height * 2
        #expect(nx * ny <= Job.worldsMapPoints && nx < plot.width)
        // Pixel (c, r from the top) samples the grid's nearest point.
        let summary = { (c: Int, r: Int) -> Summary in
            let i = Int((Double(c) * Double(nx - 1) / Double(plot.width - 1)).rounded())
            let j = Int((Double(rows - 1 - r) * Double(ny - 1) / Double(rows - 1)).rounded())
            return map.cells[j][i]
        }
        var checked = 0
        var roles = Set<Role>()
        for cy in stride(from: 0, to: plot.height, by: 3) {
            for cx in stride(from: 0, to: plot.width, by: 5) {
                let cell = screen[plot.x + cx, plot.y + cy]
                guard cell.character == "▀", cell.role != .foreground, cell.style.background != .foreground else {
                    continue
                }
                #expect(cell.role == Self.expectedRole(summary(cx, 2 * cy)), "\(cx),\(cy)")
                #expect(cell.style.background == Self.expectedRole(summary(cx, 2 * cy + 1)), "\(cx),\(cy)")
                roles.insert(cell.role)
                checked += 1
            }
        }
        #expect(checked > 50 && roles.count >= 3, "\(checked) cells, roles \(roles)")
        // The point: drawn at the scenario's values, on the colour of the outcome bar's numbers.
        let you = try #require(state.results.worlds?.analysis.summary)
        let cells = (plot.y..<plot.maxY).flatMap { y in (plot.x..<plot.maxX).map { (x: $0, y: y) } }
        let point = try #require(cells.first { screen[$0.x, $0.y].character == "●" })
        #expect(point.x == plot.x + Int((0.9 * Double(plot.width - 1)).rounded()))
        #expect(point.y == plot.y + Int((0.15 * Double(plot.height - 1)).rounded()))
        #expect(screen[point.x, point.y].style.background == Self.expectedRole(you))
        // The legend: the probability scale and the point's own P(F1), the outcome bar's.
        let text = screen.text
        let f1 = "\(Int((you.pFuture1 * 100).rounded())) %"
        #expect(text.contains("P(Future 1) \(f1)") || text.contains("P(F1) \(f1)"), "\(f1)")
        #expect(
            text.contains("P(F2) ≥ 90 %") && text.contains("neither") && text.contains("P(F1) ≥ 50 %")
                && text.contains("Map across worlds"))
        assertSnapshot(text, named: "map-across-worlds-future1-120x36")
    }

    @Test("the map across worlds at 80×24 and 200×60, without colour in characters, and while it computes")
    func sizes() throws {
        let small = Self.state(width: 80, height: 24)
        let smallText = Fixture.frame(small).text
        #expect(smallText.contains("Map across worlds") && smallText.contains("F1 · 90 50 – 50 90 %"))
        assertSnapshot(smallText, named: "map-across-worlds-future1-80x24")
        let large = Self.state(width: 200, height: 60)
        let largeText = Fixture.frame(large).text
        #expect(largeText.contains("Where Future 1 lives across worlds: Export controls × Anti-smuggling"))
        #expect(largeText.contains("Across worlds, 100 a point: P(Future 2) ≥ 90 %"))
        #expect(largeText.contains("where P(Future 1) crosses 50 %"))
        assertSnapshot(largeText, named: "map-across-worlds-future1-200x60")
        // Without colour: one row per cell, the scale's characters.
        var mono = small
        mono.view.noColor = true
        mono = Fixture.withMap(mono)
        let monoText = Fixture.frame(mono).text
        #expect(!Fixture.frame(mono).cells.contains { $0.character == "▀" })
        for c in ["#", "@", "-"] { #expect(monoText.contains(c), "\(c)") }
        // Before any map: computing, no cells; a central map is never shown in its place.
        var waiting = State(scenario: Scenario(levers: Preset.future1.levers), width: 120, height: 36)
        reduce(&waiting, .keyPressed(.char("m")))
        let request = try #require(waiting.mapRequest)
        let central = FuturesMap(request.scenario, x: request.x, y: request.y, nx: request.nx, ny: request.ny)
        reduce(&waiting, .jobFinished(JobResult(.map(request), .map(central))))
        let frame = Fixture.frame(waiting)
        let plot = MapGeometry(in: try #require(waiting.layout.charts.first?.rect), y: request.y).plot
        #expect(frame.text.contains("computing the map across worlds…"))
        #expect(!(plot.y..<plot.maxY).contains { y in (plot.x..<plot.maxX).contains { frame[$0, y].character == "▀" } })
    }

    @Test("w switches the map to the central run and back; the point's numbers follow the language")
    func language() throws {
        var state = Self.state(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("w")))
        #expect(state.mapRequest?.acrossWorlds == false)
        state = Fixture.withMap(state)
        let asSet = Fixture.frame(state).text
        let lead = String(format: "%.1f", Analysis(state.scenario).outcome.leadMonths)
        #expect(asSet.contains("Map as set") && asSet.contains("you: lead \(lead) mo"), "\(asSet)")
        #expect(!asSet.contains("P(F1)") && !asSet.contains("P(Future 1)"))
        reduce(&state, .keyPressed(.char("w")))
        #expect(state.mapRequest?.acrossWorlds == true && state.jobs.contains { $0.kind == .map })
        #expect(Fixture.frame(state).text.contains("computing the map across worlds…"))
    }

    @Test("a map across worlds computes a coarse grid first, then the plot's scaled to at most 1,600 points")
    func grids() {
        for (nx, ny) in [(56, 46), (136, 94), (37, 20), (8, 6), (200, 200)] {
            let grids = Job.worldsMapGrids(nx: nx, ny: ny)
            let full = grids.last!
            #expect(full.nx * full.ny <= Job.worldsMapPoints && full.nx <= nx && full.ny <= ny, "\(nx)×\(ny)")
            #expect(full.nx * full.ny > Job.worldsMapPoints / 2 || (full.nx == nx && full.ny == ny), "\(nx)×\(ny)")
            // The aspect stays within a point.
            #expect(abs(Double(full.nx) / Double(full.ny) - Double(nx) / Double(ny)) * Double(full.ny) <= 1.5)
            if full.nx * full.ny > Job.firstWorldsMapPoints {
                #expect(grids.count == 2 && grids[0].nx * grids[0].ny * 4 <= full.nx * full.ny, "\(nx)×\(ny)")
            } else {
                #expect(grids.count == 1)
            }
            #expect(grids.allSatisfy { FuturesMap.sizes.contains($0.nx) && FuturesMap.sizes.contains($0.ny) })
        }
    }
}
