import Dashboard
import Foundation
import FuturesModel
import Share
import TestSupport
import Testing

/// SVG pictures of screens: well-formed, the screen's grid, the theme's colours, glyphs as
/// shapes and text kept as text, and a real converter (rsvg-convert) that renders them.
@Suite("SVG screens")
struct SVGTests {
    /// A small screen with a box, styled text, characters XML must escape, braille, blocks
    /// and a shade.
    static var small: Screen {
        var screen = Screen(width: 14, height: 5)
        screen.box(Rect(x: 0, y: 0, width: 14, height: 5), title: "Lead")
        screen.write("F1", x: 2, y: 1, role: .future1, flags: .bold)
        screen.write("a<b & \"c\"", x: 2, y: 2, role: .foreground)
        screen.write("⣿⡇⠉", x: 2, y: 3, role: .policy)
        screen.write("▁▄█░", x: 6, y: 3, role: .accent)
        screen.write("dim", x: 10, y: 1, style: Style(.muted, .dim))
        screen.write("!", x: 12, y: 3, style: Style(.warning, .reverse))
        return screen
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("svg-\(UUID().uuidString)-\(name)")
    }

    /// Writes `svg` to a temporary file and parses it.
    static func parse(_ svg: String) throws -> ExternalTool.XMLRoot {
        let file = temporary("screen.svg")
        defer { try? FileManager.default.removeItem(at: file) }
        try svg.write(to: file, atomically: true, encoding: .utf8)
        return try ExternalTool.parseXML(file.path)
    }

    @Test("a small screen, as recorded in Snapshots/svg-small.svg")
    func snapshot() throws {
        let svg = SVGWriter.svg(Self.small, theme: .dark, title: "small")
        let file = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
            .appendingPathComponent("Snapshots/svg-small.svg")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try svg.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == svg, "Snapshots/svg-small.svg differs: run with RECORD_SNAPSHOTS=1 and check the diff")
    }

    @Test("well-formed XML; the grid is the screen's size; the text stays text, the glyphs become shapes")
    func wellFormed() throws {
        let root = try Self.parse(SVGWriter.svg(Self.small, theme: .dark))
        #expect(root.tag == "{http://www.w3.org/2000/svg}svg")
        #expect(root.attributes["data-columns"] == "14" && root.attributes["data-rows"] == "5")
        #expect(root.attributes["width"] == "\(14 * SVGWriter.cellWidth)")
        #expect(root.attributes["height"] == "\(5 * SVGWriter.cellHeight)")
        #expect(root.texts.contains("a<b & \"c\""), "\(root.texts)")
        #expect(root.texts.contains("Lead") && root.texts.contains("F1"))
        let joined = root.texts.joined()
        #expect(!joined.contains("⣿") && !joined.contains("█") && !joined.contains("─"), "glyphs are shapes")
    }

    @Test("the theme's colours: text, backgrounds, bold, dim and reverse")
    func colours() throws {
        let theme = Theme.light
        let svg = SVGWriter.svg(Self.small, theme: theme)
        func color(_ role: Role) throws -> String { try #require(theme.colors[role]) }
        #expect(
            svg.contains(
                "<rect width=\"\(14 * SVGWriter.cellWidth)\" height=\"\(5 * SVGWriter.cellHeight)\" fill=\"\(try color(.background))\"/>"
            ))
        let f1 = try #require(svg.split(separator: "\n").first { $0.hasSuffix(">F1</text>") })
        #expect(f1.contains("fill=\"\(try color(.future1))\" font-weight=\"bold\""), "\(f1)")
        #expect(svg.contains("fill=\"\(try color(.muted))\" fill-opacity=\"0.6\""))
        // Reverse video: the warning colour behind, the background colour in front.
        #expect(
            svg.contains(
                "width=\"\(SVGWriter.cellWidth)\" height=\"\(SVGWriter.cellHeight)\" fill=\"\(try color(.warning))\"/>")
        )
        #expect(svg.contains("fill=\"\(try color(.background))\">!</text>"))
    }

    @Test("a dashboard screen: its size, its words selectable, and every character XML cannot hold replaced")
    func dashboard() throws {
        var state = State(width: 100, height: 30)
        state.view.themes = [.dark]
        var screen = render(state, Analysis(state.scenario))
        screen.write("\u{1}\u{FFFE}", x: 0, y: 0)
        let root = try Self.parse(SVGWriter.svg(screen, theme: .dark, title: "A & B"))
        #expect(root.attributes["data-columns"] == "100" && root.attributes["data-rows"] == "30")
        let text = root.texts.joined(separator: " ")
        #expect(text.contains("Export controls") && text.contains("POLICY"), "\(text.prefix(200))")
    }

    @Test("rsvg-convert renders it to a PNG of the grid's size, without a message")
    func rsvg() throws {
        var state = State(width: 80, height: 24)
        state.view.themes = [.dark]
        let screen = render(state, Analysis(state.scenario))
        let svg = Self.temporary("dash.svg"), png = Self.temporary("dash.png")
        defer {
            try? FileManager.default.removeItem(at: svg)
            try? FileManager.default.removeItem(at: png)
        }
        try SVGWriter.svg(screen, theme: .dark).write(to: svg, atomically: true, encoding: .utf8)
        let result = try ExternalTool.rsvgConvert(svg.path, to: png.path)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let size = try #require(ExternalTool.pngSize(png.path))
        #expect(size.width == 80 * SVGWriter.cellWidth && size.height == 24 * SVGWriter.cellHeight)
    }

    @Test("braille dots, blocks and box lines as shapes: eight dots for ⣿, none for ⠀")
    func glyphs() {
        func paths(_ c: Character) -> [Substring] {
            let svg = SVGWriter.svg(Screen(lines: [String(c)]), theme: .dark)
            return svg.split(separator: "\n").filter { $0.hasPrefix("<path ") }
        }
        #expect(paths("⣿").count == 1 && paths("⣿")[0].split(separator: "M").count - 1 == 8)
        #expect(paths("⠀").isEmpty && paths("a").isEmpty)
        for c: Character in ["█", "▄", "╭", "┄", "━", "▚"] { #expect(paths(c).count == 1, "\(c)") }
    }
}
