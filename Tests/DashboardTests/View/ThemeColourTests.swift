import Dashboard
import Formats
import FuturesModel
import Testing

/// Themes as values: colours derived from others.
@Suite("Theme colours")
struct ThemeColourTests {
    @Test("the map's faint colours are the futures' halfway to the background, in every shipped theme")
    func faintColours() throws {
        for theme in Theme.builtIn {
            let bg = try #require(theme.colors[.background])
            #expect(theme.colors[.future1Faint] == mix(theme.colors[.future1]!, bg, 0.5), "\(theme.name)")
            #expect(theme.colors[.future2Faint] == mix(theme.colors[.future2]!, bg, 0.5), "\(theme.name)")
        }
        let lines = Role.allCases.filter { !Role.optional.contains($0) }.map {
            "\($0.rawValue) = \"#\($0 == .background ? "000000" : "ffffff")\""
        }
        let parsed = try ThemeParser.parse(
            "name = \"t\"\n[colors]\n" + lines.joined(separator: "\n") + "\n", path: "t.toml"
        ).get()
        #expect(parsed.colors[.future1Faint] == "#808080")
    }
}
