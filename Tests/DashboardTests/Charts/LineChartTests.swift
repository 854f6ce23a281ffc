import Dashboard
import FuturesModel
import Testing

/// The line chart: band, median, thresholds.
@Suite("Line chart")
struct LineChartTests {
    @Test("the band is a filled background, the median a thin line inside it, thresholds under the lines")
    func chart() {
        var screen = Screen(width: 70, height: 20)
        let run = Simulation.run(Scenario())
        var chart = LineChart(
            title: "Frontier lead, months",
            series: [
                ChartSeries(label: "You", shortLabel: "You", values: run[.leadMonths], role: .policy, priority: 4)
            ],
            band: (Fixture.ensemble.p10[0], Fixture.ensemble.p90[0]), median: Fixture.ensemble.p50[0],
            thresholds: [12, 3], horizon: 36, unit: .months)
        chart.render(in: screen.area, into: &screen)
        let cells = screen.cells
        #expect(cells.contains { $0.style.background == .band }, "the band fills cells")
        #expect(!cells.contains { $0.role == .band && $0.character != " " }, "no stipple dots")
        #expect(cells.contains { $0.role == .muted && $0.character != "╌" && $0.character != " " }, "the median")
        #expect(screen.text.contains("F1 ≥ 12 mo") && screen.text.contains("F2 ≤ 3 mo"), "\(screen.text)")
        // The F2 rule runs on across the plot wherever no line crosses it (after 2027 too).
        let row = (0..<20).first { screen.line($0).contains("F2 ≤ 3 mo") }!
        #expect(screen.line(row).filter { $0 == "╌" }.count > 30, "\(screen.line(row))")
        // Without colour the band is a light shade.
        chart.shadeBand = true
        var plain = Screen(width: 70, height: 20)
        chart.render(in: plain.area, into: &plain)
        #expect(plain.text.contains("░") && !plain.cells.contains { $0.style.background != nil })
    }
}
