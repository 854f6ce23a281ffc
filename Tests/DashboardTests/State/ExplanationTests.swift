import Dashboard
import FuturesModel
import Testing

/// The one-line explanation of a lens change (Explanation.lens).
@Suite("Explanation of a lens")
struct ExplanationTests {
    static let statusQuo = Scenario()

    static func under(_ lens: Lens, _ scenario: Scenario = statusQuo) -> Scenario {
        var s = scenario
        s.assumptions = lens.assumptions
        return s
    }

    @Test("the explanation names each change with its old and new value, then the lead")
    func explanation() {
        let backfire = Explanation.lens(.backfire, before: Self.statusQuo, after: Self.under(.backfire))
        #expect(
            backfire
                == "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.30→0.90: lead −0.7 mo "
                + "(central run now Future 2)")
        let back = Explanation.lens(.essay, before: Self.under(.backfire), after: Self.statusQuo)
        #expect(
            back.hasPrefix("Lens The essay's view: China chip growth 1.80→1.30, Controls backfire 0.90→0.30: lead +0.7")
        )
        #expect(
            Explanation.lens(.price, before: Self.under(.price), after: Self.under(.price))
                == "Lens Price wins: no assumption changed")
    }

    @Test("with a width the explanation fits: the flip of the central run goes first, then short labels, then +N more")
    func explanationWidth() {
        let after = Self.under(.allCritics)
        let full = Explanation.lens(.allCritics, before: Self.statusQuo, after: after)
        #expect(
            full.contains("Enforcement eff 1.00→0.50") && full.hasSuffix(": lead −3.7 mo (central run now Future 2)"))
        for width in [40, 60, 80, 100, 140, 200] {
            let line = Explanation.lens(.allCritics, before: Self.statusQuo, after: after, width: width)
            #expect(
                line.count <= width
                    || line == "Lens All the critics at once: 7 assumptions: lead −3.7 mo")
            #expect(line.hasPrefix("Lens All the critics at once: ") && !line.contains("\n"))
        }
        #expect(
            Explanation.lens(.allCritics, before: Self.statusQuo, after: after, width: 100)
                == "Lens All the critics at once: China chips 1.30→1.80, Ctrl backfire 0.30→0.90, +5 more: lead −3.7 mo"
        )
        // Where the flip does not fit beside the changes, the changes come first.
        #expect(
            Explanation.lens(.backfire, before: Self.statusQuo, after: Self.under(.backfire), width: 106)
                == "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.30→0.90: lead −0.7 mo"
        )
    }
}
