import Foundation
import Testing

/// `twofutures --help`, each command's `--help`, `--version`; and the README's commands.
@Suite("twofutures --help and --version")
struct HelpVersionCLITests {
    @Test("help and version exit 0")
    func help() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("twofutures/2"))
    }

    @Test("the README gives the two commands")
    func commands() {
        #expect(CLI.readme.contains("make run"))
        #expect(CLI.readme.contains("make test"))
    }
}
