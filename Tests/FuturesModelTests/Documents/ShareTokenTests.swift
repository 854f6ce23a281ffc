import FuturesModel
import TestSupport
import Testing

@Suite("Share tokens and goal-seek")
struct ShareTokenTests {
    @Test("presets give short whole-percent tokens")
    func presetTokens() throws {
        #expect(ShareToken.encode(Scenario()) == "tf2:50-30-20-30-20")
        #expect(ShareToken.encode(Scenario(levers: Preset.future1.levers)) == "tf2:90-85-85-85-75")
        var s = Scenario()
        s.horizon = 48
        s.assumptions.controlLeakage = 0.9
        s.levers.exportControls = 0.123
        #expect(ShareToken.encode(s) == "tf2:0.123-30-20-30-20+h48+a4=0.9")
        #expect(try ShareToken.decode("tf2:0.123-30-20-30-20+h48+a4=0.9") == s)
        s.policyStart = 12
        s.assumptions.enforcementEffectiveness = 0.5
        #expect(ShareToken.encode(s) == "tf2:0.123-30-20-30-20+h48+s12+a4=0.9+a5=0.5")
        #expect(try ShareToken.decode("tf2:0.123-30-20-30-20+h48+s12+a4=0.9+a5=0.5") == s)
    }

    @Test("tf1 tokens still read: start 0, version 1's assumption indices, and their version says so")
    func version1Tokens() throws {
        let (scenario, version) = try ShareToken.read("tf1:70-35-30-30-20+h48+a4=0.9+a5=0.5+a8=20.5")
        #expect(version == 1)
        #expect(scenario.policyStart == 0)
        #expect(scenario.horizon == 48)
        #expect(scenario.assumptions.controlLeakage == 0.9)
        // Version 1's index 5 was distillation efficiency, and 8 the price advantage.
        #expect(scenario.assumptions.distillationEfficiency == 0.5)
        #expect(scenario.assumptions.chinaPriceAdvantage == 20.5)
        #expect(scenario.assumptions.enforcementEffectiveness == 1)
        #expect(ShareToken.encode(scenario) == "tf2:70-35-30-30-20+h48+a4=0.9+a6=0.5+a9=20.5")
        #expect(try ShareToken.read(ShareToken.encode(scenario)).version == 2)
    }

    @Test("token → scenario → token round-trips exactly for random scenarios")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 6)
        for i in 0..<2000 {
            var s = Scenario.random(using: &rng)
            // Mix in whole percents, defaults, exact ends and tiny values.
            if i % 3 == 0 { s.levers.smugglingEnforcement = Double(i % 101) / 100 }
            if i % 5 == 0 { s.assumptions = Assumptions() }
            if i % 7 == 0 { s.levers.offshoreControls = 1e-7 * Double(i % 10) }
            if i % 11 == 0 { s.assumptions.controlsBackfire = 3e-6 }
            let token = ShareToken.encode(s)
            let back = try ShareToken.decode(token)
            #expect(back == s, "\(token)")
            #expect(ShareToken.encode(back) == token)
        }
    }

    @Test(
        "bad tokens get a clear error",
        arguments: [
            ("tf3:50-30-20-30-20", "version tf3 is not supported"),
            ("tf2:50-30-20-30-20+s25", "policy start '25'"),
            ("tf2:50-30-20-30-20+s1.5", "policy start '1.5'"),
            ("tf2:50-30-20-30-20+s3+s4", "policy start is given twice"),
            ("tf1:50-30-20-30-20+s3", "unknown part 's3'"),
            ("tf2:50-30-20-30-20+a10=1", "unknown assumption index '10'"),
            ("tf1:50-30-20-30", "expected 5 lever values"),
            ("tf1:50-30-20-30-101", "export_promotion: '101'"),
            ("tf1:50-30-20-30-1.5", "export_promotion: '1.5'"),
            ("tf1:50-30-20-30-20+h500", "horizon '500'"),
            ("tf1:50-30-20-30-20+a9=1", "unknown assumption index '9'"),
            ("tf1:50-30-20-30-20+a4=2", "control_leakage: '2' must be a number within"),
            ("tf1:50-30-20-30-20+x", "unknown part 'x'"),
            ("tf1:50-30-20-30-20+h40+h40", "horizon is given twice"),
            ("hello", "is not a share token"),
        ])
    func badTokens(token: String, expected: String) {
        do {
            _ = try ShareToken.decode(token)
            Issue.record("accepted \(token)")
        } catch let error as InputError {
            #expect(error.message.contains(expected), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("goal-seek matches brute force over 0…1 in steps of 0.001")
    func seekAgainstBruteForce() {
        let scenarios = [Scenario(), Scenario(levers: Preset.future2.levers)]
        for base in scenarios {
            for lever in LeverID.allCases {
                let result = GoalSeek.seek(lever, in: base)
                var brute: Double? = nil
                var best = -Double.infinity
                for i in 0...1000 {
                    let lead = Simulation.outcome(base.withLever(lever, Double(i) / 1000)).leadMonths
                    best = max(best, lead)
                    if brute == nil, lead >= 12 { brute = Double(i) / 1000 }
                }
                if let brute {
                    let value = try? #require(result.value, "\(lever) found by brute force at \(brute)")
                    if let value {
                        #expect(abs(value - brute) <= 0.001 + 1e-12, "\(lever): \(value) vs \(brute)")
                        #expect(result.leadMonths >= 12)
                    }
                } else {
                    #expect(result.value == nil, "\(lever)")
                    #expect(result.leadMonths <= best + 1e-9 && result.leadMonths >= best - 0.5)
                }
            }
        }
    }

    @Test("goal-seek on P(Future 1) matches brute force over 0…1 in steps of 0.001")
    func probabilitySeekAgainstBruteForce() {
        let settings = EnsembleSettings(members: 400, seed: 7, uncertainty: 0.5)
        let bases = [Scenario(levers: Preset.future1.levers), Scenario()]
        for (base, lever) in [
            (bases[0], LeverID.exportControls), (bases[0], .smugglingEnforcement), (bases[1], .exportControls),
        ] {
            let p = { (v: Double) in
                Ensemble.run(base.withLever(lever, v), settings: settings, threads: 1)!.probability.future1
            }
            // The brute-force curve, up to where it first reaches the highest target.
            var curve: [Double] = []
            for i in 0...1000 where (curve.last ?? 0) < 0.9 { curve.append(p(Double(i) / 1000)) }
            for target in [0.25, 0.5, 0.9] {
                let result = GoalSeek.seekProbability(
                    lever, in: base, probability: target, settings: settings, threads: 1)
                let reached = try? #require(result.probability)
                if let i = curve.firstIndex(where: { $0 >= target }) {
                    let brute = Double(i) / 1000
                    let value = result.value ?? -1
                    #expect(abs(value - brute) <= 0.001 + 1e-12, "\(lever) \(target): \(value) vs \(brute)")
                    #expect((reached?.achieved ?? 0) >= target)
                    #expect(reached?.achieved == p(value))
                } else {
                    #expect(result.value == nil, "\(lever) \(target)")
                    #expect(reached?.achieved == curve.max())
                }
            }
        }
    }

    @Test("a non-monotone lever: the scan finds the first window, not where bisection over 0…1 would go")
    func nonMonotone() {
        // Reaches 12 only within 0.30…0.40 (a lever that backfires beyond it), then again near 1.
        let lead = { (v: Double) -> Double in
            if v >= 0.3 && v <= 0.4 { return 12 + (v - 0.3) }
            return v >= 0.95 ? 13 : 6
        }
        let found = GoalSeek.search(targetLead: 12, lead: lead)
        let value = found.value ?? -1
        #expect(value >= 0.3 && value <= 0.3 + 0.001)
        #expect(found.lead >= 12)
        let never = GoalSeek.search(targetLead: 12) { v in 9.8 * (1 - (v - 0.5) * (v - 0.5)) }
        #expect(never.value == nil)
        #expect(abs(never.lead - 9.8) < 1e-9)
    }

    @Test("an out-of-reach lever reports the best lead; a reachable one its threshold")
    func seekMessages() {
        let out = SeekResult(lever: .exportControls, targetLead: 12, value: nil, leadMonths: 9.84)
        #expect(out.message == "Future 1 is out of reach with this lever alone (max lead 9.8 months)")
        let hit = SeekResult(lever: .smugglingEnforcement, targetLead: 12, value: 0.641, leadMonths: 12.01)
        #expect(hit.message.hasSuffix("≥ 64.1 % reaches Future 1 (lead 12.0 months)"))
        // Already there at 0: the future1 preset.
        let zero = GoalSeek.seek(.exportPromotion, in: Scenario(levers: Preset.future1.levers), targetLead: 0)
        #expect(zero.value == 0)
        let settings = EnsembleSettings(members: 2000, seed: 1, uncertainty: 0.5)
        var p = SeekResult(
            lever: .exportControls, targetLead: 12, value: 0.8063, leadMonths: 13.06,
            probability: ProbabilityTarget(target: 0.5, achieved: 0.502, bestValue: 0.8063, settings: settings))
        #expect(
            p.message
                == "Export controls ≥ 80.6 % gives P(Future 1) ≥ 50 % (50.2 %; 2000 members, seed 1; lead 13.1 months)")
        p.value = nil
        p.probability?.achieved = 0.31
        p.probability?.bestValue = 1
        #expect(
            p.message
                == "P(Future 1) ≥ 50 % is out of reach with this lever alone (best 31 %, at Export controls 100.0 %; 2000 members, seed 1)"
        )
    }
}
