import FuturesModel
import Testing

@Suite("Input parsing")
struct InputParserTests {
    @Test("values: numbers and lever percentages")
    func values() throws {
        let parsed = try InputParser.assignments("export_controls=70%,smuggling_enforcement=0.35,us_compute_growth=4")
        #expect(parsed.count == 3)
        #expect(parsed[0].0 == .lever(.exportControls) && abs(parsed[0].1 - 0.7) < 1e-15)
        #expect(parsed[1].1 == 0.35)
        #expect(parsed[2].0 == .assumption(.usComputeGrowth) && parsed[2].1 == 4)
    }

    @Test("out of range is an error, never clamped")
    func range() {
        #expect(throws: InputError("export_controls must be within 0…1 (or 0%…100%), got '1.4'")) {
            try InputParser.assignments("export_controls=1.4")
        }
        #expect(throws: InputError("us_compute_growth must be within 2.0…5.0 (×/yr), got '7'")) {
            try InputParser.assignments("us_compute_growth=7")
        }
        #expect(throws: InputError.self) { try InputParser.assignments("export_controls=101%") }
        #expect(throws: InputError.self) { try InputParser.assignments("export_controls=-0.1") }
    }

    @Test("unknown ids suggest the closest and list the valid ones")
    func unknownId() {
        do {
            _ = try InputParser.assignments("export_control=0.5")
            Issue.record("no error")
        } catch let error as InputError {
            #expect(error.message.hasPrefix("unknown id 'export_control'; did you mean 'export_controls'?"))
            for spec in ParameterTable.all { #expect(error.message.contains(spec.id)) }
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test(
        "malformed numbers are rejected", arguments: ["abc", "", "nan", "inf", "0x1p-1", "1e", "1.2.3", "--1", "5%%"])
    func malformed(raw: String) {
        #expect(throws: InputError.self) { try InputParser.value(raw, for: .lever(.exportControls)) }
    }

    @Test("percentages are for levers only")
    func percentOnAssumption() {
        #expect(throws: InputError.self) { try InputParser.value("50%", for: .assumption(.controlLeakage)) }
    }

    @Test("horizon, members, seed, uncertainty and preset validation")
    func options() throws {
        #expect(try InputParser.horizon("48") == 48)
        #expect(throws: InputError("--horizon must be a whole number of months within 12…120, got '5'")) {
            try InputParser.horizon("5")
        }
        #expect(throws: InputError.self) { try InputParser.horizon("121") }
        #expect(throws: InputError.self) { try InputParser.members("-1") }
        #expect(throws: InputError.self) { try InputParser.seed("x") }
        #expect(throws: InputError.self) { try InputParser.uncertainty("1.5") }
        #expect(try InputParser.preset("status-quo") == .statusQuo)
        #expect(try InputParser.preset("future1") == .future1)
        #expect(throws: InputError.self) { try InputParser.preset("future3") }
    }

    @Test("number accepts plain decimals")
    func numbers() {
        #expect(InputParser.number("0.25") == 0.25)
        #expect(InputParser.number("-3") == -3)
        #expect(InputParser.number(".5") == 0.5)
        #expect(InputParser.number("2.5e1") == 25)
        #expect(InputParser.number("1e-2") == 0.01)
    }
}
