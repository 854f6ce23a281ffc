import Foundation
import Testing

/// `--scenario`: a scenario file or a share token, against the same `--set` flags, and
/// bad files and tokens.
@Suite("twofutures --scenario")
struct ScenarioCLITests {
    @Test("a file, its token and the same --set flags give the same run")
    func fileTokenAndFlagsAgree() throws {
        let path = try CLI.temporaryFile(
            """
            model = "twofutures/1"
            name = "Enforcement first"
            horizon = 48

            [levers]
            smuggling_enforcement = "70%"

            [assumptions]
            control_leakage = 0.9
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try CLI.run(["run", "--scenario", path, "--format", "json"])
        let token = try CLI.run(["run", "--scenario", "tf1:50-70-20-30-20+h48+a4=0.9", "--format", "json"])
        let flags = try CLI.run([
            "run", "--set", "smuggling_enforcement=70%,control_leakage=0.9", "--horizon", "48", "--format", "json",
        ])
        #expect(file.status == 0 && token.status == 0 && flags.status == 0)
        #expect(file.stdout == flags.stdout)
        #expect(token.stdout == flags.stdout)
        // --preset and --set override the scenario.
        let over = try CLI.run(["run", "--scenario", path, "--preset", "future1", "--format", "json"])
        let want = try CLI.run([
            "run", "--preset", "future1", "--set", "control_leakage=0.9", "--horizon", "48", "--format", "json",
        ])
        #expect(over.stdout == want.stdout)
    }

    @Test("a bad file exits 65 with FILE:LINE, a bad token 64, a missing file 66")
    func badInput() throws {
        let path = try CLI.temporaryFile("model = \"twofutures/1\"\nname = \"x\"\n[levers]\nexport_controls = 2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = try CLI.run(["run", "--scenario", path])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("twofutures: \(path):4: levers.export_controls: export_controls must be within"))
        #expect(bad.stdout.isEmpty)
        let future = try CLI.run(["run", "--scenario", "tf3:50-30-20-30-20"])
        #expect(future.status == 64)
        #expect(future.stderr.contains("share token version tf3 is not supported"))
        let corrupt = try CLI.run(["compare", "tf1:50-30-20-30-20", "tf1:50-30-20"])
        #expect(corrupt.status == 64)
        #expect(corrupt.stderr.contains("corrupt share token"))
        // The dashboard checks its scenario before it needs a terminal.
        let dashboard = try CLI.run(["--scenario", path])
        #expect(dashboard.status == 65)
        #expect(dashboard.stderr.contains(":4: levers.export_controls"))
        let missing = try CLI.run(["run", "--scenario", "/nonexistent/x.toml"])
        #expect(missing.status == 66)
    }
}
