import Dashboard
import FuturesModel
import Testing

/// The legend under the charts.
@Suite("Legend")
struct LegendTests {
    @Test("the legend says what F1, F2, You and the band are, at every width")
    func legend() {
        for width in [37, 64, 90, 144] {
            var screen = Screen(width: width, height: 1)
            Legend(shadeBand: false, ensemble: true).render(in: screen.area, into: &screen)
            let line = screen.line(0)
            #expect(line.contains("F1") && line.contains("F2") && line.contains("You"), "\(width): \(line)")
            #expect(
                line.contains("80") && (line.contains("essay") || line.contains("policies")) && line.contains("┄")
                    && line.contains("median"),
                "\(width): \(line)")
            #expect(!line.hasSuffix("…"))
        }
    }

    @Test("without colour the legend says how the lines differ; in ASCII, which character draws which")
    func legendWithoutColour() {
        var screen = Screen(width: 100, height: 1)
        Legend(shadeBand: true, ensemble: true).render(in: screen.area, into: &screen)
        #expect(screen.line(0).contains("F2 (dashed)") && screen.line(0).contains("You (bold)"), "\(screen.line(0))")
        var ascii = Screen(width: 100, height: 1)
        ascii.glyphs = .ascii
        Legend(shadeBand: true, ensemble: true).render(in: ascii.area, into: &ascii)
        let line = ascii.line(0)
        #expect(line.contains("o F1") && line.contains("x F2") && line.contains("# You") && line.contains("+ median"))
    }
}
