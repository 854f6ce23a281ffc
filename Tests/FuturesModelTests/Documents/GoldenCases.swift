import Foundation
import FuturesModel

/// A golden case from MODEL.md's reference implementation: CLI arguments and the
/// expected JSON (a subset of the document).
struct GoldenCase: Sendable, CustomStringConvertible {
    let name: String
    let args: [String]
    let expect: [String: Any & Sendable]
    let tolerance: String

    var description: String { name }

    /// The deterministic cases: every number and string of `expect` is checked within
    /// 1e-9 relative (the whole `twofutures run` document, `outcome.markets` included).
    static let deterministic = [
        "preset-future1", "preset-status-quo", "preset-future2", "edges-h12", "mixed-levers-h48",
        "pessimist-assumptions", "future1-delayed-a-year", "critics-backfire-leaky-h60", "price-wins-status-quo",
    ]

    /// The statistical ensemble case: `ensemble.probability` (all four, `china_markets`
    /// included) and the horizon's p10/p50/p90 of `lead_months` are checked, with the
    /// tolerances and member count the case states, and its `drivers`.
    static let ensemble = "ensemble-status-quo"

    /// The fields of the ensemble case's `expect.ensemble` that are checked: a field added
    /// to the case fails until it is checked too.
    static let ensembleChecked: Set = ["probability", "p10", "p50", "p90", "drivers"]

    /// The statistical cases across worlds (MODEL.md §4 "Across worlds"), each checked
    /// through its JSON document at its own member count, within the tolerance it states:
    /// `run --worlds`, `answer`, and `map --members`.
    static let worlds = "worlds-future1"
    static let answer = "answer-status-quo"
    static let worldsMap = "map-worlds-future1"

    /// The fields of the worlds case's `expect.worlds` that are checked: a field added to the
    /// case fails until it is checked too.
    static let worldsChecked: Set = ["summary", "sensitivity", "attribution", "response"]

    /// Every case: the fixtures folder must hold exactly these.
    static var names: [String] { deterministic + [ensemble, worlds, answer, worldsMap] }

    /// The case files in the test bundle's Fixtures (the copies of `shared/cases`).
    static func fixtureNames() throws -> Set<String> {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError("the Fixtures folder is missing from the test bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return Set(files.filter { $0.hasSuffix(".json") && $0 != "bit-identity.json" }.map { String($0.dropLast(5)) })
    }

    static func load(_ name: String) throws -> GoldenCase {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError("fixture \(name).json is missing from the test bundle")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return GoldenCase(
            name: name, args: object["args"] as! [String],
            expect: object["expect"] as! [String: Any & Sendable],
            tolerance: object["tolerance"] as! String)
    }

    /// What the arguments ask for, parsed with the same parser as the CLI.
    func options() throws -> GoldenOptions {
        guard let command = args.first, ["run", "answer", "map"].contains(command) else {
            throw FixtureError("\(name): unexpected command \(args.first ?? "none")")
        }
        var options = GoldenOptions(command: command)
        var i = 1
        var axes: [ParameterID] = []
        if command == "map" {
            guard args.count > 2 else { throw FixtureError("\(name): map needs X and Y") }
            axes = [try InputParser.parameter(args[1]), try InputParser.parameter(args[2])]
            i = 3
        }
        var members: Int?, seed = Constants.defaultSeed, uncertainty = Constants.defaultUncertainty
        var worlds = false, worldsMembers = WorldsAnalysis.defaultMembers, size = (nx: 41, ny: 21)
        while i < args.count {
            let flag = args[i], value = i + 1 < args.count ? args[i + 1] : ""
            switch flag {
            case "--worlds":
                worlds = true
                i += 1
                continue
            case "--preset": options.scenario.levers = try InputParser.preset(value).levers
            case "--set": for (id, v) in try InputParser.assignments(value) { options.scenario[id] = v }
            case "--horizon": options.scenario.horizon = try InputParser.horizon(value)
            case "--members": members = try InputParser.members(value)
            case "--worlds-members":
                worldsMembers = try InputParser.members(value, option: "--worlds-members", minimum: 1)
            case "--seed": seed = try InputParser.seed(value)
            case "--uncertainty": uncertainty = try InputParser.uncertainty(value)
            case "--size" where command == "map": size = try InputParser.mapSize(value)
            case "--format": break
            default: throw FixtureError("\(name): unexpected argument \(flag)")
            }
            i += 2
        }
        // The answer's worlds default to its 2000 members; run and map run none unless asked.
        let n = members ?? (command == "answer" ? Answer.defaultMembers : 0)
        if n > 0 { options.members = EnsembleSettings(members: n, seed: seed, uncertainty: uncertainty) }
        if worlds {
            guard command == "run" else { throw FixtureError("\(name): --worlds is run's") }
            options.worlds = EnsembleSettings(members: worldsMembers, seed: seed, uncertainty: uncertainty)
        }
        if command == "map" { options.map = MapOptions(x: axes[0], y: axes[1], nx: size.nx, ny: size.ny) }
        return options
    }
}

/// The options of a golden case's command line.
struct GoldenOptions {
    /// `run`, `answer` or `map`.
    let command: String
    var scenario = Scenario()
    /// `--members N` (N > 0): run's ensemble, or the worlds of the answer (2000 unless
    /// given) and of the map across worlds.
    var members: EnsembleSettings?
    /// `run --worlds`: `--worlds-members` (default 2000) with the ensemble's seed and uncertainty.
    var worlds: EnsembleSettings?
    /// `map X Y --size NXxNY`.
    var map: MapOptions?
}

struct MapOptions: Equatable {
    let x: ParameterID
    let y: ParameterID
    let nx: Int
    let ny: Int
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Compares `got` with `want` recursively: every number in `want` must match within
/// |got − want| ≤ 1e-9·max(1, |want|); strings must be equal; arrays must have equal
/// lengths. Returns the paths that differ.
func mismatches(_ got: Any?, _ want: Any, path: String = "$", relative: Double = 1e-9) -> [String] {
    switch want {
    case let w as [String: Any]:
        guard let g = got as? [String: Any] else { return ["\(path): missing object"] }
        return w.keys.sorted().flatMap { mismatches(g[$0], w[$0]!, path: "\(path).\($0)", relative: relative) }
    case let w as [Any]:
        guard let g = got as? [Any], g.count == w.count else {
            return ["\(path): array length \((got as? [Any])?.count ?? -1) ≠ \(w.count)"]
        }
        return zip(g, w).enumerated().flatMap { mismatches($1.0, $1.1, path: "\(path)[\($0)]", relative: relative) }
    case let w as String:
        return (got as? String) == w ? [] : ["\(path): \(String(describing: got)) ≠ \(w)"]
    case let w as NSNumber:
        guard let g = (got as? NSNumber)?.doubleValue else { return ["\(path): not a number"] }
        let want = w.doubleValue
        return abs(g - want) <= relative * max(1, abs(want)) ? [] : ["\(path): \(g) ≠ \(want)"]
    default:
        return ["\(path): unexpected \(type(of: want))"]
    }
}

/// Compares `got` with `want` recursively within a statistical case's tolerance: a number
/// under a key starting `p_` within `probability`, under `median_lead` within `months`
/// (arrays and grids take their key's tolerance), every other number exactly (ids' values,
/// assumptions, axis values); strings equal; arrays of equal length. Returns the paths that
/// differ.
func statisticalMismatches(
    _ got: Any?, _ want: Any, probability: Double, months: Double, path: String = "$", key: String = ""
) -> [String] {
    switch want {
    case let w as [String: Any]:
        guard let g = got as? [String: Any] else { return ["\(path): missing object"] }
        return w.keys.sorted().flatMap {
            statisticalMismatches(
                g[$0], w[$0]!, probability: probability, months: months, path: "\(path).\($0)", key: $0)
        }
    case let w as [Any]:
        guard let g = got as? [Any], g.count == w.count else {
            return ["\(path): array length \((got as? [Any])?.count ?? -1) ≠ \(w.count)"]
        }
        return zip(g, w).enumerated().flatMap {
            statisticalMismatches(
                $1.0, $1.1, probability: probability, months: months, path: "\(path)[\($0)]", key: key)
        }
    case let w as String:
        return (got as? String) == w ? [] : ["\(path): \(String(describing: got)) ≠ \(w)"]
    case let w as NSNumber:
        guard let g = (got as? NSNumber)?.doubleValue else { return ["\(path): not a number"] }
        let want = w.doubleValue
        let tolerance = key.hasPrefix("p_") ? probability : key == "median_lead" ? months : 0
        return abs(g - want) <= tolerance ? [] : ["\(path): \(g) ≠ \(want) (tolerance \(tolerance))"]
    default:
        return ["\(path): unexpected \(type(of: want))"]
    }
}
