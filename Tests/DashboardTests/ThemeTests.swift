import Dashboard
import Formats
import Foundation
import FuturesModel
import Testing

extension Theme {
    func with(source: String?) -> Theme {
        var copy = self
        copy.source = source
        return copy
    }
}

/// Themes: the shipped ones, the catalog, switching, glyphs (bad files: FormatsTests).
@Suite("Themes")
struct ThemeTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("../../Themes").standardized.path

    /// A shipped theme, read and parsed here (Storage's `ThemeStore` reads them for the program).
    static func shippedTheme(_ name: String) throws -> Theme {
        let path = "\(shipped)/\(name).toml"
        return try ThemeParser.parse(try String(contentsOfFile: path, encoding: .utf8), path: path).get()
    }

    /// The catalog of the shipped themes.
    static func shippedCatalog() throws -> ThemeCatalog {
        let names = try FileManager.default.contentsOfDirectory(atPath: shipped).filter { $0.hasSuffix(".toml") }
        return ThemeCatalog(found: try names.sorted().map { try .success(shippedTheme(String($0.dropLast(5)))) })
    }

    @Test("the example theme of docs/lenses-and-themes.md is valid and complete")
    func readmeExample() throws {
        let guide = try String(
            contentsOf: Self.root.appendingPathComponent("../../docs/lenses-and-themes.md").standardized,
            encoding: .utf8)
        let section = try #require(guide.components(separatedBy: "## Themes").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```toml\n").dropFirst().first)
        let text = try #require(block.components(separatedBy: "```").first)
        let theme = try ThemeParser.parse(text, path: "docs/lenses-and-themes.md").get()
        #expect(theme == (try Self.shippedTheme("dark").with(source: "docs/lenses-and-themes.md")))
    }

    @Test("in every theme the band is a visible background and the lines read over it (3:1)")
    func bandBackground() throws {
        for name in ["dark", "light", "high-contrast", "colorblind", "mono"] {
            let theme = try Self.shippedTheme(name)
            let band = try #require(theme.colors[.band])
            let background = try #require(theme.colors[.background])
            #expect(try #require(contrastRatio(band, background)) >= 1.15, "\(name): band against the background")
            for role in [Role.foreground, .muted, .future1, .future2, .policy, .accent] {
                let color = try #require(theme.colors[role])
                let ratio = try #require(contrastRatio(color, band))
                #expect(ratio >= 3, "\(name): \(role) over the band: \(ratio)")
            }
        }
        for theme in Theme.builtIn {
            let ratio = try #require(contrastRatio(theme.colors[.policy]!, theme.colors[.band]!))
            #expect(ratio >= 3, "built-in \(theme.name)")
        }
    }

    @Test("the high-contrast theme meets WCAG AAA (7:1) for text and the three lines")
    func highContrast() throws {
        let theme = try Self.shippedTheme("high-contrast")
        let background = try #require(theme.colors[.background])
        for role in [Role.foreground, .muted, .accent, .future1, .future2, .policy, .warning] {
            let color = try #require(theme.colors[role])
            let ratio = try #require(contrastRatio(color, background))
            #expect(ratio >= 7, "\(role): \(ratio)")
        }
        #expect(contrastRatio("#ffffff", "#000000")! > 20.9)
    }

    @Test("the colour-blind-safe theme draws the three lines in Okabe–Ito colours")
    func okabeIto() throws {
        let okabeIto: Set<String> = [
            "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000",
        ]
        let theme = try Self.shippedTheme("colorblind")
        let lines = [Role.future1, .future2, .policy].map { theme.colors[$0]! }
        #expect(lines.allSatisfy(okabeIto.contains))
        #expect(Set(lines).count == 3)
    }

    @Test("t and T cycle through the themes, wrapping, and the status bar names the theme")
    func cycling() throws {
        var state = State(width: 120, height: 36)
        state.view.themes = try Self.shippedCatalog().themes
        #expect(state.view.theme.name == "dark")
        reduce(&state, .keyPressed(.char("t")))
        #expect(state.view.theme.name == state.view.themes[1].name)
        #expect(state.view.explanation.hasPrefix("Theme \(state.view.theme.name)"))
        reduce(&state, .keyPressed(.char("T")))
        reduce(&state, .keyPressed(.char("T")))
        #expect(state.view.themeIndex == state.view.themes.count - 1)
        reduce(&state, .keyPressed(.char("t")))
        #expect(state.view.theme.name == "dark")
        let screen = render(state, Analysis(state.scenario))
        #expect(screen.line(35).contains("\(state.view.theme.name) · across worlds…"))
    }

    @Test("a warning replaces the key hints until the next key")
    func warning() {
        var state = State(width: 120, height: 36)
        state.view.warning = "skipped 1 bad theme file: Themes/x.toml:7: colors.future1: bad"
        var screen = render(state, Analysis(state.scenario))
        #expect(screen.line(35).contains("skipped 1 bad theme file"))
        reduce(&state, .keyPressed(.char("c")))
        screen = render(state, Analysis(state.scenario))
        #expect(!screen.line(35).contains("skipped"))
        #expect(screen.line(35).contains("select"))
    }

    @Test("the ASCII theme draws only ASCII, in every layout and with help open")
    func asciiOnly() throws {
        let mono = try Self.shippedTheme("mono")
        for (w, h) in [(120, 36), (80, 24), (200, 60), (60, 16)] {
            var state = Fixture.state(width: w, height: h)
            state.view.themes = [mono]
            for keys in [[], ["?"], ["a", "c", "c", "c", "c"]] as [[Character]] {
                var s = state
                for k in keys { reduce(&s, .keyPressed(.char(k))) }
                let text = Fixture.frame(s).text
                let stray = String(text.filter { !$0.isASCII })
                #expect(stray.isEmpty, "\(w)×\(h) \(keys): \(stray)")
            }
        }
    }

    @Test("block glyphs draw charts without braille")
    func blockGlyphs() {
        var state = Fixture.state(width: 120, height: 36)
        state.view.themes = [Theme(name: "b", colors: Theme.dark.colors, glyphs: .block)]
        let text = Fixture.frame(state).text
        #expect(!text.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        #expect(text.contains("▀") || text.contains("▄") || text.contains("█"))
    }

    @Test("bold_titles = false draws titles without bold")
    func boldTitles() throws {
        var state = Fixture.state(width: 120, height: 36)
        state.view.themes = [Theme(name: "plain", colors: Theme.dark.colors, boldTitles: false)]
        let screen = Fixture.frame(state)
        let (x, y) = try #require(screen.find("Median lead at 2029-01"))
        #expect(!screen[x, y].flags.contains(.bold))
    }

    @Test("NO_COLOR with the ASCII theme: the lines differ by their characters")
    func noColorASCII() throws {
        var state = Fixture.state(width: 120, height: 36)
        state.view.noColor = true
        state.view.themes = [try Self.shippedTheme("mono")]
        let text = Fixture.frame(state).text
        for c in ["o", "x", "#"] { #expect(text.contains(c)) }
        assertSnapshot(text, named: "no-color-ascii-120x36")
    }

    @Test("NO_COLOR with braille: Future 2 dashed, your policy bold, end labels")
    func noColorBraille() {
        var state = Fixture.state(width: 120, height: 36)
        state.view.noColor = true
        let screen = Fixture.frame(state)
        assertSnapshot(screen.text, named: "no-color-braille-120x36")
        let boldBraille = screen.cells.contains {
            $0.role == .policy && $0.flags.contains(.bold)
                && ($0.character.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } ?? false)
        }
        #expect(boldBraille)
    }
}
