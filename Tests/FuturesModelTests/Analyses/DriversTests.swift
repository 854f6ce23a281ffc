import FuturesModel
import Testing

/// Drivers of the spread (MODEL.md §4): the correlation ratio over 10 bins of consecutive
/// members in the order of an assumption's values.
@Suite("Drivers of the spread")
struct DriversTests {
    @Test("ten bins of two: 660 / 665 of the variance of 0…19, whichever order the values come in")
    func tenBins() {
        let leads = (0..<20).map(Double.init)
        // Bin b holds members 2b and 2b+1, mean 2b + 0.5: Σ 2·(2b − 9)² = 660 over Σ (i − 9.5)² = 665.
        #expect(abs(Drivers.share(leads, values: leads) - 660.0 / 665.0) < 1e-12)
        // The members in another order, each with its own lead and value: the same bins.
        let order = [7, 3, 19, 0, 12, 5, 16, 1, 9, 14, 2, 18, 6, 11, 4, 17, 8, 13, 10, 15]
        let permuted = order.map { leads[$0] }
        #expect(abs(Drivers.share(permuted, values: permuted) - 660.0 / 665.0) < 1e-12)
        // With four bins it would be 625 / 665: the bin count is the model's.
        #expect(abs(Drivers.share(leads, values: leads) - 625.0 / 665.0) > 0.05)
    }

    @Test("ties go by member index; an uninformative draw explains nothing; a lead that does not vary gives 0")
    func edges() {
        let leads = (0..<20).map { Double($0 % 2) }
        // All values tied: the index order, where every bin holds one 0 and one 1.
        #expect(Drivers.share(leads, values: Array(repeating: 1, count: 20)) == 0)
        #expect(Drivers.share(Array(repeating: 3, count: 20), values: (0..<20).map(Double.init)) == 0)
    }

    @Test("at r = 0 no assumption is drawn, so every share is 0, in table order")
    func noSpread() {
        let drivers = Drivers.compute(Scenario(), settings: EnsembleSettings(members: 200, seed: 1, uncertainty: 0))
        #expect(drivers.map(\.assumption) == AssumptionID.allCases && drivers.allSatisfy { $0.share == 0 })
    }

    @Test("the same members as the ensemble: enforcement drives the spread of Future 1's lead (MODEL.md §6)")
    func future1() {
        let drivers = Drivers.compute(
            Scenario(levers: Preset.future1.levers), settings: EnsembleSettings(members: 20_000, seed: 1))
        #expect(drivers.first?.assumption == .enforcementEffectiveness)
        #expect(abs((drivers.first?.share ?? 0) - 0.39) < 0.03, "\(drivers.map { ($0.assumption, $0.share) })")
        #expect(drivers.count == AssumptionID.allCases.count)
        #expect(zip(drivers, drivers.dropFirst()).allSatisfy { $0.share >= $1.share })
    }
}
