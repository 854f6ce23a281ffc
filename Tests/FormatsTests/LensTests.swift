import Dashboard
import Formats
import Foundation
import FuturesModel
import Testing

/// Lens files: the shipped seven agree with `Lens.builtIn`, each bad file gets one exact
/// line, and the catalog orders and overrides as the README says.
@Suite("Lenses")
struct LensTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("../../Lenses").standardized.path
    static let fixtures = root.appendingPathComponent("Fixtures/lenses").path

    /// A lens file read and parsed here (Storage's `LensStore` reads them for the program).
    static func parse(_ path: String) throws -> Result<Lens, LensError> {
        LensParser.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
    }

    /// `lens` as compiled in: without the file it was read from.
    static func unfiled(_ lens: Lens) -> Lens {
        var copy = lens
        copy.file = nil
        return copy
    }

    @Test("the shipped files are the seven of Lens.builtIn, value for value and word for word")
    func shippedAgree() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.shipped).filter { $0.hasSuffix(".toml") }
        #expect(Set(names) == Set(Lens.builtIn.map { "\($0.id).toml" }))
        for builtIn in Lens.builtIn {
            let path = "\(Self.shipped)/\(builtIn.id).toml"
            let lens = try Self.parse(path).get()
            #expect(lens.file == path)
            #expect(Self.unfiled(lens) == builtIn, "\(builtIn.id).toml differs from Lens.builtIn")
        }
    }

    /// MODEL.md §2's lens table (version 3, normative), copied here as data: id, name and
    /// the assumptions each lens sets, in the order §4 "Answer" runs them. Copied rather
    /// than parsed from `shared/MODEL.md`, which lies outside the repository; when that
    /// table changes, change this copy with it.
    static let modelTable: [(id: String, name: String, values: [AssumptionID: Double])] = [
        ("essay", "The essay's view", [:]),
        ("backfire", "Controls backfire", [.controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8]),
        ("leaky", "Leaky borders", [.controlLeakage: 0.95, .enforcementEffectiveness: 0.5]),
        (
            "distillation", "Distillation can't be stopped",
            [.distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15]
        ),
        ("price", "Price wins", [.chinaPriceAdvantage: 30]),
        // "the four rows above together"
        (
            "all-critics", "All the critics at once",
            [
                .controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8, .controlLeakage: 0.95,
                .enforcementEffectiveness: 0.5, .distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15,
                .chinaPriceAdvantage: 30,
            ]
        ),
        (
            "optimist", "Compute decides",
            [
                .researchComputeElasticity: 0.5, .algorithmicProgress: 2.5, .distillationEfficiency: 0.15,
                .controlLeakage: 0.5,
            ]
        ),
    ]

    @Test("Lens.builtIn and the shipped Lenses/*.toml are MODEL.md §2's table, value for value")
    func table() throws {
        #expect(Lens.builtIn.map(\.id) == Self.modelTable.map(\.id), "the lenses or their order")
        for (row, builtIn) in zip(Self.modelTable, Lens.builtIn) {
            let shipped = try Self.parse("\(Self.shipped)/\(row.id).toml").get()
            for lens in [builtIn, shipped] {
                #expect(lens.id == row.id)
                #expect(lens.name == row.name, "\(row.id): name")
                #expect(lens.values == row.values, "\(row.id): \(lens.assignments)")
                var want = Assumptions()
                for (id, value) in row.values { want[id] = value }
                #expect(lens.assumptions == want, "\(row.id): the assumptions it leaves out take their defaults")
            }
        }
        // "All the critics at once" is the four critics' rows together.
        let critics = Self.modelTable[1...4].reduce(into: [AssumptionID: Double]()) {
            $0.merge($1.values) { a, _ in a }
        }
        #expect(Self.modelTable[5].values == critics)
    }

    static let assumptionList =
        "us_compute_growth, algorithmic_progress, china_domestic_growth, controls_backfire, control_leakage, "
        + "enforcement_effectiveness, distillation_efficiency, countermeasure_feasibility, "
        + "research_compute_elasticity, china_price_advantage"

    @Test(
        "each kind of bad file gets one exact FILE:LINE line",
        arguments: [
            (
                "unknown-assumption",
                "7: assumptions.control_leakag: unknown assumption 'control_leakag'; did you mean "
                    + "'control_leakage'? Assumptions: \(assumptionList)"
            ),
            ("far-assumption", "6: assumptions.sparkle: unknown assumption 'sparkle'; assumptions: \(assumptionList)"),
            ("out-of-range", "6: assumptions.controls_backfire: controls_backfire must be within 0.0…1.0, got '1.5'"),
            ("lever", "6: assumptions.export_controls: export_controls is a lever; a lens sets only assumptions"),
            (
                "policy-start",
                "6: assumptions.policy_start: policy_start is the policy's start; a lens sets only assumptions"
            ),
            ("not-a-number", "6: assumptions.control_leakage: must be a number within 0.0…1.0"),
            ("missing-name", "1: name: missing"),
            ("missing-argument", "1: argument: missing"),
            ("missing-source", "1: source: missing"),
            ("empty-name", "1: name: must not be empty"),
            ("unknown-key", "4: description: unknown key (expected name, argument, source, [assumptions])"),
            ("levers-table", "5: levers: unknown key (expected name, argument, source, [assumptions])"),
        ])
    func badFiles(file: String, message: String) throws {
        let text = try String(contentsOfFile: "\(Self.fixtures)/bad/\(file).toml", encoding: .utf8)
        guard case .failure(let error) = LensParser.parse(text, path: "Lenses/\(file).toml") else {
            Issue.record("\(file) parsed")
            return
        }
        #expect(error.description == "Lenses/\(file).toml:\(message)")
        #expect(!error.description.contains("\n"))
    }

    @Test("a syntax error names the file and line; a file name that is no id is refused at line 1")
    func syntaxAndID() throws {
        let text = try String(contentsOfFile: "\(Self.fixtures)/bad/syntax.toml", encoding: .utf8)
        guard case .failure(let error) = LensParser.parse(text, path: "Lenses/syntax.toml") else {
            Issue.record("parsed")
            return
        }
        #expect(error.description.hasPrefix("Lenses/syntax.toml:5: syntax error: "))
        let good = "name = \"x\"\nargument = \"y\"\nsource = \"z\"\n"
        #expect(LensCatalog.id(path: "/a/b/all-critics.toml") == "all-critics")
        guard case .failure(let bad) = LensParser.parse(good, path: "/a/My Lens.toml") else {
            Issue.record("'My Lens' taken as an id")
            return
        }
        #expect(
            bad.description
                == "/a/My Lens.toml:1: 'My Lens' cannot be a lens id: name the file with lower-case letters, "
                + "digits, - and _ (like all-critics.toml)")
        #expect(try LensParser.parse(good, path: "mine_2.toml").get().assumptions == Assumptions())
    }

    @Test("integers are numbers, defaults written out are left out, values are never clamped")
    func values() throws {
        let text = """
            name = "  Spaced  "
            argument = "a\\u001Bb"
            source = "s"
            [assumptions]
            china_price_advantage = 50
            us_compute_growth = 3.3
            """
        let lens = try LensParser.parse(text, path: "x.toml").get()
        #expect(lens.name == "Spaced")
        #expect(lens.argument == "a\\u{1B}b")
        #expect(lens.values == [.chinaPriceAdvantage: 50])
        let over = LensParser.parse(text.replacingOccurrences(of: "= 50", with: "= 51"), path: "x.toml")
        #expect(throws: LensError.self) { try over.get() }
    }

    @Test("the catalog: shipped order, then others by name; a user file overrides; built-ins fill in")
    func catalog() throws {
        let user = try ["zero", "backfire", "cheap", "leaky"].map { try Self.parse("\(Self.fixtures)/user/\($0).toml") }
        let shipped = try ["price", "essay"].map { try Self.parse("\(Self.shipped)/\($0).toml") }
        let catalog = LensCatalog(found: user + shipped)
        #expect(
            catalog.lenses.map(\.id)
                == ["essay", "backfire", "leaky", "distillation", "price", "all-critics", "optimist", "zero", "cheap"])
        #expect(try catalog.lens("backfire").name == "Backfire, stronger")
        #expect(try catalog.lens("essay").file == "\(Self.shipped)/essay.toml")
        #expect(try catalog.lens("optimist") == Lens.optimist)
        #expect(catalog.errors.map(\.line) == [6])
        // The user's broken leaky.toml comes first: asking for leaky names it.
        #expect(catalog.lenses.contains(Lens.leaky))
        #expect(throws: LensCatalog.Unusable.self) { try catalog.lens("leaky") }
        #expect(
            throws: InputError(
                "unknown lens 'chep'; did you mean 'cheap'? Lenses: essay, backfire, leaky, "
                    + "distillation, price, all-critics, optimist, zero, cheap")
        ) { try catalog.lens("chep") }
        #expect(LensCatalog.builtIn.lenses == Lens.builtIn)
    }
}
