import ArgumentParser
import Dashboard
import FoundationEssentials
import FuturesModel
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `twofutures` command: the dashboard (the default) and its headless tools.
struct TwoFutures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twofutures",
        abstract: "Explore two futures of the US-China AI race: an illustrative model, not a forecast.",
        discussion: """
            Every number comes from the model in docs/MODEL.md (\(Constants.modelVersion)). \
            Use `twofutures run` for headless output (json, csv or a table) and \
            `twofutures bench` for timings.
            """,
        version: versionLine,
        subcommands: [
            DashboardCommand.self, Run.self, BenchCommand.self, Parameters.self, ThemesCommand.self, DemoCommand.self,
            NotesCommand.self, RecordCommand.self, CompareCommand.self, SeekCommand.self, RobustCommand.self,
            MapCommand.self,
            AnswerCommand.self, LensesCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Where the guides are, for the end of `--help`: this installation's
    /// share/doc/twofutures (or the source tree's docs folder).
    static var guides: String {
        DataFolders.current.documentationFolder
            ?? "share/doc/twofutures under the installation prefix (/usr/local or /usr)"
    }

    /// The program's version: the only place it is written.
    static let version = "0.1.0"

    /// What `--version` prints: `twofutures 0.1.0 (model twofutures/3)`.
    static let versionLine = "twofutures \(version) (model \(Constants.modelVersion))"
}

/// Runs the command line. Errors become one line on stderr and exit status 64 (`.usage`),
/// or the status an `ExitError` names; help and --version print as usual.
@main
enum Main {
    static func main() {
        do {
            var command = try TwoFutures.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.message)
        } catch let error as ExitError {
            fail(error.message, code: error.code)
        } catch let error as ExitCode {
            TwoFutures.exit(withError: error)
        } catch {
            let code = TwoFutures.exitCode(for: error)
            if code == .success {
                // Help (of any command) ends with where the guides are.
                let message = TwoFutures.fullMessage(for: error)
                if message.contains("USAGE:") {
                    print(message)
                    print("\nGuides (the dashboard and its keys, lenses and themes, demos and presenting, the")
                    print("command line, the model): \(TwoFutures.guides)")
                    TwoFutures.exit()
                }
                TwoFutures.exit(withError: error)
            }
            fail(TwoFutures.message(for: error))
        }
    }

    static func fail(_ message: String, code: ExitCode = .usage) -> Never {
        let line = message.split(separator: "\n").joined(separator: " ")
        var stderr = StandardError()
        print("twofutures: \(line)", to: &stderr)
        TwoFutures.exit(withError: code)
    }
}

/// Writes to stderr with `print(_:to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { writeToStandardError(string) }
}

/// Writes all of `string` to file descriptor 2 (unbuffered, as an error line should be).
private func writeToStandardError(_ string: String) {
    var bytes = Array(string.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}
