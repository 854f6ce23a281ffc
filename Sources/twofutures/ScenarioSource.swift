import ArgumentParser
import Dashboard
import Formats
import FuturesModel
import Storage
import TOML

/// An error with its own exit status: a bad scenario file exits 65, an unreadable one 66.
struct ExitError: Error {
    let message: String
    let code: ExitCode
}

/// A scenario loaded from a file or a token, and the one-line notice to show when it was
/// written for model version 1 (MODEL.md §5).
struct LoadedScenario {
    let label: String
    let scenario: Scenario
    let notice: String?
}

/// Loads `--scenario FILE|TOKEN` and the arguments of `compare`.
enum ScenarioSource {
    /// A share token (`tf2:…` or `tf1:…`, exit 64 when bad) or a scenario file (exit 65
    /// when bad, 66 when unreadable). The label is the file's `name` or the token itself.
    /// `lenses` gives the lenses a file's `lens = "id"` may name; it is asked only for a file.
    static func load(_ text: String, lenses: () -> [Lens]) throws -> LoadedScenario {
        if ShareToken.looksLikeToken(text), !Files.exists(text) {
            let (scenario, version) = try ShareToken.read(text)
            let notice = version == 1 ? ModelVersion.notice("The tf1: token") : nil
            return LoadedScenario(label: text, scenario: scenario, notice: notice)
        }
        let contents: String
        do {
            contents = try Files.readText(text)
        } catch {
            throw ExitError(
                message: "cannot read scenario file '\(sanitized(untrusted: text))' (not a file, not a tf2: token)",
                code: .noInput)
        }
        do {
            let file = try ScenarioFile.parse(contents, path: text, lenses: lenses())
            let notice = file.isVersion1 ? ModelVersion.notice(sanitized(untrusted: text)) : nil
            return LoadedScenario(label: file.name, scenario: file.scenario, notice: notice)
        } catch {
            throw ExitError(message: error.description, code: .dataError)
        }
    }
}

extension ScenarioSource {
    /// Writes a version-1 notice, if any, as one line on stderr.
    static func report(_ notice: String?) {
        guard let notice else { return }
        var stderr = StandardError()
        print("twofutures: note: \(notice)", to: &stderr)
    }
}
