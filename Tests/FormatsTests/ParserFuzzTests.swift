import Dashboard
import Formats
import Foundation
import FuturesModel
import TOML
import TestSupport
import Testing

/// Random and mutated bytes into every parser: each input gives either a value that keeps
/// the model's invariants (and round-trips), or a one-line error that names the file and
/// an existing line. Set TWOFUTURES_FUZZ_COUNT / TWOFUTURES_FUZZ_SEED for longer or other
/// runs, TWOFUTURES_FUZZ_ONLY=PARSER for one parser, TWOFUTURES_FUZZ_DUMP=DIR to save
/// failing and notable inputs as fixtures, and TWOFUTURES_FUZZ_TRACE=FILE to write each
/// input to FILE-PARSER first (to find a crashing one).
@Suite("Parser fuzz")
struct ParserFuzzTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let repo = root.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures/fuzz")
    static let environment = ProcessInfo.processInfo.environment
    static let count = environment["TWOFUTURES_FUZZ_COUNT"].flatMap { Int($0) } ?? 10_000
    static let seed = environment["TWOFUTURES_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xF022

    @Test("random and mutated inputs: a valid result or a one-line error", arguments: FuzzParser.allCases)
    func fuzz(parser: FuzzParser) throws {
        if let only = Self.environment["TWOFUTURES_FUZZ_ONLY"], only != parser.rawValue { return }
        let fuzzer = parser.fuzzer
        let dump = Self.environment["TWOFUTURES_FUZZ_DUMP"].map { URL(fileURLWithPath: $0) }
        let trace = Self.environment["TWOFUTURES_FUZZ_TRACE"].map { URL(fileURLWithPath: "\($0)-\(parser)") }
        var failures = 0
        var parsed = 0
        var notable = Set<String>()
        for i in 0..<Self.count {
            let bytes = fuzzer.input(seed: Self.seed, index: i)
            if let trace { try Data(bytes).write(to: trace) }
            let result = parser.check(bytes)
            if let problem = result.problem {
                failures += 1
                if failures <= 5 {
                    Issue.record(
                        "\(parser) seed \(Self.seed) case \(i): \(problem); input: \(Fuzzer.escaped(bytes))")
                }
                if let dump { try save(bytes, parser, "fail", dump) }
                continue
            }
            if result.parsed { parsed += 1 }
            if let dump {
                // A few notable survivors per parser, kept as regression fixtures.
                let kinds = [
                    bytes.contains(0) ? "nul" : nil,
                    String(validating: bytes, as: UTF8.self) == nil ? "badutf8" : nil,
                    bytes.count > 10_000 ? "long" : nil,
                    result.parsed && !parser.fuzzer.seeds.contains(bytes) ? "mutant" : nil,
                ]
                for kind in kinds.compactMap({ $0 }) where notable.insert(kind).inserted {
                    try save(bytes, parser, kind, dump)
                }
            }
        }
        print(
            "fuzz \(parser): \(Self.count) inputs (seed \(Self.seed)), \(parsed) parsed, \(failures) broke an invariant"
        )
        #expect(failures == 0, "\(failures) of \(Self.count) \(parser) inputs broke an invariant")
        // The generator must reach past the parser's first checks now and then.
        #expect(parsed > 0, "no \(parser) input parsed")
    }

    func save(_ bytes: [UInt8], _ parser: FuzzParser, _ kind: String, _ dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let name = "\(parser.rawValue)-\(Fuzzer.hash(bytes).prefix(8)).bin"
        try Data(bytes).write(to: dir.appendingPathComponent(name))
        print("fuzz: saved \(kind) \(name)")
    }

    @Test("every fixture in Fixtures/fuzz: a valid result or a one-line error")
    func fixtures() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter {
            $0.hasSuffix(".bin")
        }
        #expect(names.count >= FuzzParser.allCases.count * 3)
        for name in names.sorted() {
            let prefix = String(name.prefix { $0 != "-" })
            guard let parser = FuzzParser(rawValue: prefix) else {
                Issue.record("\(name): no parser named \(prefix)")
                continue
            }
            let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
            #expect(parser.check(bytes).problem == nil, "\(name): \(parser.check(bytes).problem ?? "")")
        }
    }
}

/// The inputs that crashed or misled the parsers before they were fixed, checked exactly.
@Suite("Parser fuzz regressions")
struct ParserFuzzRegressionTests {
    /// Table headers that do not start like a key tripped an assertion in toml++ (the process
    /// aborted); a NUL ended the text early, so what followed it was ignored. The TOML reader
    /// now rejects each at its line (an array where it begins).
    @Test(
        "TOML that toml++ could not take is a syntax error at its line",
        arguments: [
            ("[{tyle]\n", 1), ("name = \"x\"\n[\n", 2), ("\u{FEFF}[[\\[x=1", 1), ("a = 1\r\n\r\n[[[x]]", 3),
            ("[ \t{x}]", 1), ("x = [1,\n}]", 1), ("x = [\u{2028}1]", 1), ("x = [[}]]", 1),
            ("model = \"twofutures/1\"\nname = \"x\"\n\u{0}[levers]", 3),
        ])
    func unsafeTOML(text: String, line: Int) {
        do {
            _ = try ScenarioFile.parse(text, path: "x.toml")
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.line == line && error.message.hasPrefix("syntax error"), "\(error)")
        }
        guard case .failure(let error) = ThemeParser.parse(text, path: "t.toml") else {
            Issue.record("theme accepted \(text.debugDescription)")
            return
        }
        #expect(error.line == line && error.message.hasPrefix("syntax error"), "\(error)")
    }

    @Test("a line that only looks like a header inside a string or an array is not one")
    func headerLookalikes() throws {
        let text = "model = \"twofutures/1\"\nname = \"x\"\nnotes = \"\"\"\n[{not a header\n\"\"\"\n"
        #expect(try ScenarioFile.parse(text, path: "x.toml").notes == "[{not a header\n")
    }

    @Test("CRLF files: demo commands and TOML errors are on the right lines")
    func crlf() throws {
        let script = try DemoParser.parse("size 80x24\r\n# c\r\nkey Right 2\r\n", file: "x.demo")
        #expect(script.lines.map(\.line) == [1, 3])
        do {
            _ = try ScenarioFile.parse("model = \"twofutures/1\"\r\nname = \"x\"\r\nhorizon = 7\r\n", path: "x.toml")
            Issue.record("accepted horizon 7")
        } catch {
            #expect(error.line == 3, "\(error)")
        }
    }

    @Test("echoed input is escaped and shortened, so every error is one line")
    func echoes() {
        let error = #expect(throws: InputError.self) { try InputParser.preset("a\nb\u{2028}c") }
        #expect(
            error?.message == "unknown preset 'a\\nb\\u{2028}c'; use future1, status_quo (or status-quo) or future2")
        let long = String(repeating: "x", count: 10_000)
        do {
            _ = try InputParser.assignments(long + "=1")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".count < 500 && "\(error)".contains("'\(String(repeating: "x", count: 60))…'"))
        }
    }
}

/// The valid inputs and words each parser's fuzzer starts from.
enum FuzzInputs {
    static let ids = ParameterTable.all.map(\.id)

    static func file(_ path: String) -> String {
        (try? String(contentsOf: ParserFuzzTests.repo.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static let randomScenarios: [Scenario] = {
        var rng = SeededGenerator(seed: 12)
        return (0..<6).map { _ in Scenario.random(using: &rng) } + [Scenario()]
    }()

    static let scenario = Fuzzer(
        seeds: randomScenarios.map { ScenarioFile(name: "Fuzz \"x\"", notes: "a\nb", scenario: $0).toml } + [
            "model = \"\(Constants.modelVersion)\"\nname = \"Minimal\"\n",
            """
            # A comment
            model = "\(Constants.modelVersion)"
            name = 'Enforcement first'
            notes = \"\"\"
            Two lines
            of notes\"\"\"
            horizon = 48

            [levers]
            smuggling_enforcement = "70%"

            [assumptions]
            \(ids[7]) = 0.5
            """,
        ],
        dictionary: ids + [
            "model", "name", "notes", "horizon", "[levers]", "[assumptions]", "levers.", "assumptions.",
            Constants.modelVersion, "true", "1979-05-27T07:32:00Z", "[[levers]]", "{ a = 1 }", "[1, 2]", "\"70%\"",
        ])

    static let token = Fuzzer(
        seeds: randomScenarios.map(ShareToken.encode) + [
            "tf1:50-30-20-30-20", "tf1:0.123-1e-05-0.5-1-0+h48+a4=0.9", "  tf1:70-35-30-30-20+h12+a0=2.5  ",
            "tf2:90-85-85-85-75+s12", "tf2:0.5-30-20-30-20+h60+s24+a5=0.2+a9=50",
        ],
        dictionary: [
            "tf1:", "tf2:", "tf", "+h", "+s", "+a", "=", "-", "100", "0.5", "1e-05", "1e+2", "h120", "s24", "a8=",
            "a9=", "a10=",
        ])

    static let theme = Fuzzer(
        seeds: ["dark", "light", "mono", "colorblind", "high-contrast"].map { file("Themes/\($0).toml") },
        dictionary: Role.allCases.map(\.rawValue) + [
            "name", "description", "[colors]", "[style]", "colors.", "bold_titles", "glyphs", "braille", "block",
            "ascii", "\"#ffffff\"", "#12345g", "#FFF", "true", "false",
        ])

    static let lens = Fuzzer(
        seeds: Lens.builtIn.map { file("Lenses/\($0.id).toml") },
        dictionary: AssumptionID.allCases.map(\.id) + [
            "name", "argument", "source", "[assumptions]", "assumptions.", "[levers]", "export_controls",
            "policy_start", "0.95", "30", "\"0.5\"", "true", "[1, 2]", "{ a = 1 }",
        ])

    static let demo = Fuzzer(
        seeds: [file("Demos/tour.demo"), "size 80x24\nkey Right 3 @20ms\nset \(ids[1]) 35%\nlens backfire\npause\n"]
            + (try! FileManager.default.contentsOfDirectory(atPath: ParserFuzzTests.root.path + "/Fixtures/demos"))
            .sorted().map { file("Tests/FormatsTests/Fixtures/demos/\($0)") },
        dictionary: DemoParser.commands + DemoParser.keyNames.map(\.name) + ids + Lens.builtIn.map(\.id) + [
            "future1", "status_quo", "future2", "@150ms", "@1.5s", "120x36", "1000x500", "79x24", "Ctrl-R", "Ctrl-",
            "600s", "601s", "0ms", "1000", "1001",
        ])

    static let set = Fuzzer(
        seeds: randomScenarios.map { s in
            ParameterID.all.map { "\($0.spec.id)=\(s[$0].description)" }.joined(separator: ",")
        }
            + ["smuggling_enforcement=70%", "\(ids[0]) = 0.5 , \(ids[9])=\(ParameterTable.all[9].defaultValue)"],
        dictionary: ids + ["=", ",", "%", " ", "70%", "0.5"])
}

extension FuzzParser {
    /// The inputs this parser's fuzzing starts from.
    var fuzzer: Fuzzer {
        switch self {
        case .scenario: FuzzInputs.scenario
        case .token: FuzzInputs.token
        case .theme: FuzzInputs.theme
        case .demo: FuzzInputs.demo
        case .set: FuzzInputs.set
        case .lens: FuzzInputs.lens
        }
    }
}
