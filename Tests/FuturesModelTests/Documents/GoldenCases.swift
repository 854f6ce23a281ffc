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

    static let names = [
        "preset-future1", "preset-status-quo", "preset-future2", "edges-h12", "mixed-levers-h48",
        "pessimist-assumptions", "future1-delayed-a-year", "critics-backfire-leaky-h60", "ensemble-status-quo",
    ]

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
