import Foundation
import FuturesModel
import Testing

/// MODEL.md §4 "Markets": who holds the developing markets at the horizon, in every
/// outcome, and P(China's markets) in every ensemble (§5 JSON).
@Suite("Markets")
struct MarketsTests {
    @Test("markets is us at adoption ≥ 0.5 and china below it (MODEL.md §4), the threshold a fixed parameter")
    func threshold() {
        #expect(Markets(adoption: 0.5) == .us)
        #expect(Markets(adoption: 0.5.nextDown) == .china)
        #expect(Markets(adoption: 0.495) == .china)
        #expect(Markets(adoption: 0.85) == .us && Markets(adoption: 0) == .china && Markets(adoption: 1) == .us)
        let fixed = FixedParameter.all.filter { $0.symbol == "M" }
        #expect(fixed.count == 1 && fixed.first?.value == 0.5 && fixed.first?.source.contains("Global South") == true)
    }

    /// The status quo with China's price advantage set so that adoption at the horizon is
    /// `target` (bisection; adoption falls as the price advantage grows).
    static func scenario(adoption target: Double) -> Scenario {
        var s = Scenario()
        var (lo, hi) = (1.0, 50.0)
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            s.assumptions.chinaPriceAdvantage = mid
            if Simulation.outcome(s).adoption >= target { lo = mid } else { hi = mid }
        }
        s.assumptions.chinaPriceAdvantage = lo
        return s
    }

    @Test("a run ending at adoption 0.495 loses the markets, one at 0.505 keeps them")
    func nearTheThreshold() {
        let below = Simulation.outcome(Self.scenario(adoption: 0.495))
        #expect(abs(below.adoption - 0.495) < 1e-9 && below.markets == .china)
        let above = Simulation.outcome(Self.scenario(adoption: 0.505))
        #expect(abs(above.adoption - 0.505) < 1e-9 && above.markets == .us)
    }

    @Test("outcome.markets follows future in the JSON, china_markets follows the futures' probabilities")
    func json() throws {
        let s = Self.scenario(adoption: 0.495)
        let settings = EnsembleSettings(members: 999, seed: 4, uncertainty: 0.5)
        let ensemble = try #require(Ensemble.run(s, settings: settings))
        let text = RunDocument(analysis: Analysis(s), ensemble: ensemble).json()
        let future = Simulation.outcome(s).future.rawValue
        #expect(text.contains("\"future\": \"\(future)\",\n    \"markets\": \"china\"\n  }"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let probability = try #require((doc["ensemble"] as? [String: Any])?["probability"] as? [String: Double])
        #expect(probability.keys.sorted() == ["china_markets", "contested", "future1", "future2"])
        #expect(abs((probability["china_markets"] ?? -1) - ensemble.probability.chinaMarkets) < 1e-12)
        #expect(text.contains("\"china_markets\": \(ensemble.probability.chinaMarkets)\n"))
        // Members straddle the threshold around a central run just below it.
        #expect(ensemble.probability.chinaMarkets > 0.2 && ensemble.probability.chinaMarkets < 0.8)
        #expect(text.contains("\"future2\": \(ensemble.probability.future2),\n      \"china_markets\": "))
    }

    @Test("with uncertainty 0 every member is the central run: P(China's markets) is 0 or 1")
    func zeroUncertainty() throws {
        for target in [0.495, 0.505] {
            let s = Self.scenario(adoption: target)
            let e = try #require(Ensemble.run(s, settings: EnsembleSettings(members: 37, seed: 1, uncertainty: 0)))
            #expect(e.probability.chinaMarkets == (Simulation.outcome(s).markets == .china ? 1 : 0))
        }
    }

    @Test("P(China's markets) is the fraction of members whose adoption at the horizon is below 0.5")
    func countsMembers() throws {
        let s = Scenario()
        let settings = EnsembleSettings(members: 301, seed: 9, uncertainty: 1)
        let e = try #require(
            Ensemble.run(s, settings: settings, threads: 2, workspace: nil, precision: .double))
        let china = (0..<settings.members).filter { i in
            var member = s
            member.assumptions = Ensemble.draw(s.assumptions, member: i, settings: settings)
            return Simulation.outcome(member).markets == .china
        }.count
        #expect(e.probability.chinaMarkets == Double(china) / Double(settings.members))
        #expect(china > 0, "the status quo at r = 1 has members that lose the markets")
    }
}
