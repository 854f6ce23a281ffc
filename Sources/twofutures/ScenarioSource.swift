import Dashboard
import Foundation
import FuturesModel

/// An error with its own exit code: a bad scenario file exits 65, an unreadable one 66.
struct ExitError: Error {
    let message: String
    let code: Int32
}

/// Loads `--scenario FILE|TOKEN` and the arguments of `compare`.
enum ScenarioSource {
    /// A share token (`tf1:…`, exit 64 when bad) or a scenario file (exit 65 when bad, 66
    /// when unreadable). The label is the file's `name` or the token itself.
    static func load(_ text: String) throws -> (label: String, scenario: Scenario) {
        if ShareToken.looksLikeToken(text), !FileManager.default.fileExists(atPath: text) {
            return (text, try ShareToken.decode(text))
        }
        let contents: String
        do {
            contents = try String(contentsOfFile: text, encoding: .utf8)
        } catch {
            throw ExitError(
                message: "cannot read scenario file '\(Theme.sanitized(text))' (not a file, not a tf1: token)", code: 66
            )
        }
        do {
            let file = try ScenarioFile.parse(contents, path: text)
            return (file.name, file.scenario)
        } catch {
            throw ExitError(message: error.description, code: 65)
        }
    }
}
