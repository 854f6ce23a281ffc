import Dashboard
import FuturesModel
import Testing

/// The tornado panel (what moves the lead).
@Suite("Tornado panel")
struct TornadoTests {
    @Test("the tornado: all six policy rows, then assumptions by swing, a centre line, neutral colours")
    func tornado() {
        let analysis = Analysis(Scenario(levers: Preset.future1.levers))
        for (width, height) in [(37, 8), (56, 13), (56, 40)] {
            var screen = Screen(width: width, height: height)
            TornadoPanel(analysis: analysis).render(in: screen.area, into: &screen)
            let text = screen.text
            for row in analysis.sensitivity where row.kind != .assumption {
                #expect(text.contains(Labels.fitting(row.parameter, width: width >= 52 ? 20 : 15)), "\(row.id)")
            }
            #expect(text.contains("┃") || text.contains("│"))
            #expect(!screen.cells.contains { $0.character == "█" && ($0.role == .future1 || $0.role == .future2) })
            if height >= 13 { #expect(text.contains("ASSUMPTIONS")) }
        }
        // The sections are sorted by |swing| each.
        let policy = analysis.sensitivity.filter { $0.kind != .assumption }.map { abs($0.swing.leadMonths) }
        #expect(policy == policy.sorted(by: >))
    }

    @Test("the start's tornado row says it changes nothing while the levers are the status quo")
    func timingRowAtStatusQuo() {
        for (levers, blank) in [(Preset.statusQuo.levers, true), (Preset.future1.levers, false)] {
            let analysis = Analysis(Scenario(levers: levers))
            var screen = Screen(width: 56, height: 13)
            TornadoPanel(analysis: analysis).render(in: screen.area, into: &screen)
            let row = (0..<13).map(screen.line).first { $0.contains("Policy starts") } ?? ""
            #expect(row.contains("no effect (status quo)") == blank, "\(row)")
            #expect(row.hasSuffix(" mo│"), "the unit at wide widths: \(row)")
        }
    }
}
