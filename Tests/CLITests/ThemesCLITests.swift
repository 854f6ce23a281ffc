import Foundation
import Testing

/// `twofutures themes` and `--theme`.
@Suite("twofutures themes")
struct ThemesCLITests {
    static let bad = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../FormatsTests/Fixtures/themes/bad").standardized.path
    static let dark = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../../Themes/dark.toml").standardized.path

    @Test("lists the shipped themes with their source files")
    func list() throws {
        let result = try CLI.run(["themes"])
        #expect(result.status == 0)
        for name in ["dark", "light", "high-contrast", "colorblind", "mono"] {
            #expect(result.stdout.contains("Themes/\(name).toml"), "\(name)")
        }
    }

    @Test("--check passes good files and exits 65 with one line per bad file")
    func check() throws {
        let good = try CLI.run(["themes", "--check", Self.dark])
        #expect(good.status == 0)
        let result = try CLI.run(["themes", "--check", Self.dark, "\(Self.bad)/bad-colour.toml"])
        #expect(result.status == 65)
        #expect(
            result.stderr == "\(Self.bad)/bad-colour.toml:7: colors.future1: \"#12345\" is not a #rrggbb colour\n")
    }

    @Test("an unknown --theme is a usage error naming the themes found")
    func unknownTheme() throws {
        let result = try CLI.run(["--theme", "nope"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown theme 'nope'; available: dark, colorblind"))
    }
}
