import Dashboard
import FuturesModel
import Testing

/// The stacked chart of China's sources.
@Suite("Stacked chart")
struct StackedChartTests {
    @Test("China's sources: shares in eighths on two colours, four colours of their own")
    func sources() {
        let analysis = Analysis(Scenario())
        var screen = Screen(width: 40, height: 16)
        let months = analysis.policy[.chinaImports].count
        let layers = [SeriesID.chinaDomestic, .chinaImports, .chinaSmuggled, .chinaOffshore].enumerated().map {
            StackLayer(
                label: ["domestic", "imports", "smuggled", "offshore"][$0.offset], values: analysis.policy[$0.element],
                role: [Role.domestic, .imports, .smuggled, .offshore][$0.offset], fill: "█")
        }
        #expect(months == 37)
        StackedChart(title: "China's compute by source (share)", layers: layers, horizon: 36)
            .render(in: screen.area, into: &screen)
        let partial = screen.cells.filter { "▁▂▃▄▅▆▇".contains($0.character) }
        #expect(!partial.isEmpty, "boundaries in eighths")
        #expect(partial.allSatisfy { $0.style.background != nil && $0.style.background != $0.role })
        let roles = Set(screen.cells.map(\.role))
        #expect(roles.isSuperset(of: [.domestic, .imports, .smuggled, .offshore]))
        #expect(!roles.contains(.future1) && !roles.contains(.future2))
        #expect(screen.text.contains("(share)") && screen.text.contains("offshore") && screen.text.contains("domestic"))
        for theme in Theme.builtIn {
            let colors = [Role.domestic, .imports, .smuggled, .offshore, .future1, .future2].map { theme.colors[$0]! }
            #expect(Set(colors).count == 6, "\(theme.name): the sources' colours are their own")
        }
    }
}
