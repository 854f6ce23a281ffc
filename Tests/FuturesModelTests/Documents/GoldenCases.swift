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

    /// The statistical cases of model 3 that nothing checks yet, each with the reason; they
    /// are reported as known issues, never passed silently.
    static let notYetCovered = [
        "worlds-future1": "`run --worlds` (MODEL.md §4 \"Across worlds\") is a later slice of issue 23",
        "answer-status-quo": "`twofutures answer` (MODEL.md §4 \"Answer\") is a later slice of issue 23",
        "map-worlds-future1": "`twofutures map --members N` (Map across worlds) is a later slice of issue 23",
    ]

    /// Every case, checked or not: the fixtures folder must hold exactly these.
    static var names: [String] { deterministic + [ensemble] + notYetCovered.keys.sorted() }

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

    /// The run options the arguments describe, parsed with the same parser as the CLI.
    func options() throws -> (Scenario, EnsembleSettings?) {
        var scenario = Scenario()
        var members = 0, seed = Constants.defaultSeed, uncertainty = Constants.defaultUncertainty
        var i = 1
        while i < args.count {
            let flag = args[i], value = i + 1 < args.count ? args[i + 1] : ""
            switch flag {
            case "--preset": scenario.levers = try InputParser.preset(value).levers
            case "--set": for (id, v) in try InputParser.assignments(value) { scenario[id] = v }
            case "--horizon": scenario.horizon = try InputParser.horizon(value)
            case "--members": members = try InputParser.members(value)
            case "--seed": seed = try InputParser.seed(value)
            case "--uncertainty": uncertainty = try InputParser.uncertainty(value)
            case "--format": break
            default: throw FixtureError("unexpected argument \(flag)")
            }
            i += 2
        }
        let settings = members > 0 ? EnsembleSettings(members: members, seed: seed, uncertainty: uncertainty) : nil
        return (scenario, settings)
    }
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
