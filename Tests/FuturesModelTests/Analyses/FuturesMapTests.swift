import Foundation
import FuturesModel
import TestSupport
import Testing

/// The map of futures (MODEL.md §4): its axes, every cell against a run of its own, the
/// rounding of `policy_start`, its sizes, and its documents.
@Suite("Map of futures")
struct FuturesMapTests {
    @Test("hand-checked points: Future 1 now, a year late, two years late; the status quo itself")
    func handChecked() {
        // X = policy_start at 0, 12, 24; Y = export_controls at 0, 0.1, …, 1 (row 9 is 90 %).
        let late = FuturesMap(
            Scenario(levers: Preset.future1.levers), x: .policyStart, y: .lever(.exportControls), nx: 3, ny: 11)
        #expect(late.x.values == [0, 12, 24])
        #expect(late.y.values[9] == 0.9)
        #expect(late.leadMonths[9].map { String(format: "%.1f", $0) } == ["14.9", "12.3", "8.9"])
        #expect(late.leadMonths[9][0] == Simulation.outcome(Scenario(levers: Preset.future1.levers)).leadMonths)
        #expect(late.futures[9] == [.future1, .future1, .contested])
        // The status quo at (50 %, 30 %) on an 11 × 11 map of export controls and anti-smuggling.
        let quo = FuturesMap(
            Scenario(), x: .lever(.exportControls), y: .lever(.smugglingEnforcement), nx: 11, ny: 11)
        #expect(quo.leadMonths[3][5] == Simulation.outcome(Scenario()).leadMonths)
        #expect(String(format: "%.1f", quo.leadMonths[3][5]) == "3.7")
    }

    @Test("every cell is the run with X = x_i and Y = y_j, bit for bit, and its future")
    func everyCell() throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<25 {
            let s = Scenario.random(using: &rng)
            let x = rng.pick(ParameterID.all)
            let y = rng.pick(ParameterID.all.filter { $0 != x })
            let (nx, ny) = (2 + rng.below(11), 2 + rng.below(11))
            let map = try #require(FuturesMap.compute(s, x: x, y: y, nx: nx, ny: ny, threads: 1 + rng.below(3)))
            #expect(map.leadMonths.count == ny && map.leadMonths.allSatisfy { $0.count == nx })
            for j in 0..<ny {
                for i in 0..<nx {
                    var point = s
                    point[x] = map.x.values[i]
                    point[y] = map.y.values[j]
                    let lead = Simulation.outcome(point).leadMonths
                    #expect(map.leadMonths[j][i] == lead, "\(x.spec.id)×\(y.spec.id) at (\(i), \(j))")
                    #expect(map.futures[j][i] == Future(lead: lead))
                }
            }
        }
    }

    @Test("axis values are lo + i·(hi − lo)/(n − 1) over the parameter's range, the last exactly hi")
    func axisValues() {
        for id in ParameterID.all where id != .policyStart {
            for n in Array(2...12) + [41, 200] {
                let axis = MapAxis(id, count: n)
                let (lo, hi) = (id.spec.min, id.spec.max)
                let formula = (0..<(n - 1)).map { lo + Double($0) * (hi - lo) / Double(n - 1) }
                #expect(Array(axis.values.dropLast()) == formula, "\(id.spec.id)")
                #expect(axis.values.first == lo && axis.values.last == hi, "\(id.spec.id) \(n)")
                #expect(axis.values.allSatisfy { id.spec.contains($0) }, "\(id.spec.id) \(n): out of range")
            }
        }
    }

    @Test("policy_start takes whole months, rounded half up")
    func policyStartRounding() {
        #expect(MapAxis(.policyStart, count: 7).values == [0, 4, 8, 12, 16, 20, 24])
        #expect(MapAxis(.policyStart, count: 10).values == [0, 3, 5, 8, 11, 13, 16, 19, 21, 24])
        // 49 points step half a month: 0.5 → 1, 1.5 → 2, 2.5 → 3 (half up, not to even).
        let halves = MapAxis(.policyStart, count: 49).values
        #expect(Array(halves.prefix(6)) == [0, 1, 1, 2, 2, 3])
        #expect(MapAxis(.policyStart, count: 2).values == [0, 24])
        // The JSON writes them as integers.
        let map = FuturesMap(Scenario(), x: .policyStart, y: .assumption(.controlsBackfire), nx: 7, ny: 2)
        #expect(map.json().contains("\"values\": [0, 4, 8, 12, 16, 20, 24]"))
        #expect(map.leadMonths[1][1] == Simulation.outcome(Scenario(policyStart: 4).with(backfire: 1)).leadMonths)
    }

    @Test("sizes 2 and 200, with the same cells on 1 and 2 threads")
    func sizes() throws {
        let s = Scenario(levers: Preset.future1.levers)
        let small = FuturesMap(s, x: .lever(.offshoreControls), y: .assumption(.controlLeakage), nx: 2, ny: 2)
        #expect(small.x.values == [0, 1] && small.y.values == [0, 1])
        let one = try #require(
            FuturesMap.compute(s, x: .assumption(.chinaPriceAdvantage), y: .policyStart, nx: 200, ny: 200, threads: 1))
        let two = try #require(
            FuturesMap.compute(s, x: .assumption(.chinaPriceAdvantage), y: .policyStart, nx: 200, ny: 200, threads: 2))
        #expect(one == two)
        #expect(one.json() == two.json())
        #expect(one.x.values.count == 200 && one.x.values.last == 50)
        var corner = s
        corner.assumptions.chinaPriceAdvantage = 50
        corner.policyStart = 24
        #expect(one.leadMonths[199][199] == Simulation.outcome(corner).leadMonths)
    }

    @Test("the table draws each row's futures, Y from high at the top, with labels in the parameters' units")
    func table() {
        let map = FuturesMap(
            Scenario(levers: Preset.future1.levers), x: .lever(.exportControls), y: .policyStart, nx: 30, ny: 9)
        let lines = map.table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("illustrative model, not a forecast"))
        let rows = lines.filter { $0.contains(" |") }
        #expect(rows.count == 9)
        let symbols: [Future: Character] = [.future1: "#", .contested: ".", .future2: "-"]
        for (k, line) in rows.enumerated() {
            let cells = String(line.split(separator: "|")[1])
            #expect(cells == String(map.futures[8 - k].map { symbols[$0]! }), "row \(k)")
        }
        #expect(rows.first!.hasPrefix("2028-01 |") && rows.last!.hasPrefix("2026-01 |"))
        let ticks = lines[lines.firstIndex { $0.contains(" +---") }! + 1]
        #expect(ticks.hasPrefix(String(repeating: " ", count: 9) + "0 %") && ticks.hasSuffix("100 %"), "\(ticks)")
        #expect(map.csv().split(separator: "\n").count == 1 + 30 * 9)
    }

    @Test("a cancelled map returns nil")
    func cancelled() {
        let map = FuturesMap.compute(
            Scenario(), x: .lever(.exportControls), y: .policyStart, nx: 5, ny: 5, isCancelled: { true })
        #expect(map == nil)
    }
}

extension Scenario {
    fileprivate func with(backfire: Double) -> Scenario {
        var s = self
        s.assumptions.controlsBackfire = backfire
        return s
    }
}
