import Foundation
import TestSupport
import Testing

/// Runs the built `twofutures` binary, which sits next to the test bundle.
struct CLI {
    typealias Result = ExternalTool.Output

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TWOFUTURES_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The runner is either the .xctest bundle itself or a file inside it.
        while dir.pathComponents.count > 1 {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent("twofutures")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/release/twofutures")
    }

    static func run(_ args: [String]) throws -> Result { try run(binary.path, args) }

    /// Runs `executable` with `args` (ExternalTool.run: optional environment and folder).
    static func run(
        _ executable: String, _ args: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> Result {
        try ExternalTool.run(executable, args, environment: environment, directory: directory)
    }

    /// The repository's root folder, and a path inside it.
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The README's text ("" when it cannot be read, which fails the checks on it).
    static var readme: String { doc("README.md") }

    /// The text of a page of the documentation, by its path from the root, such as
    /// `docs/CLI.md` ("" when it cannot be read, which fails the checks on it).
    static func doc(_ relative: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }

    /// A JSON object printed on stdout.
    static func json(_ stdout: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    /// The lead of a `run --format json` document.
    static func lead(_ stdout: String) throws -> Double {
        let doc = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as! [String: Any]
        let outcome = try #require(doc["outcome"] as? [String: Any])
        return try #require(outcome["lead_months"] as? Double)
    }

    /// A new temporary file holding `text` (a scenario file), by path.
    static func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "twofutures-\(UUID().uuidString).toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
