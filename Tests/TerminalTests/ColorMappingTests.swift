import Terminal
import Testing

@Suite("Colour mapping")
struct ColorMappingTests {
    @Test(
        "known colours map to their xterm-256 index",
        arguments: [
            ("#000000", 16), ("#ffffff", 231), ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21),
            ("#5f87af", 67), ("#808080", 244), ("#e69f00", 214),
        ])
    func xterm256(hex: String, index: Int) throws {
        let color = try #require(RGB(hex: hex))
        // Indices 0–15 duplicate cube colours; search the cube and greys for a stable answer.
        let mapped = ColorMapping.nearest(color, among: 256)
        let want = ColorMapping.xterm256[index]
        #expect(ColorMapping.xterm256[mapped] == want, "\(hex) → \(mapped)")
    }

    @Test("with 8 colours, orange maps to yellow or red and sky blue to cyan or blue")
    func eight() throws {
        let orange = ColorMapping.nearest(try #require(RGB(hex: "#e69f00")), among: 8)
        #expect([1, 3].contains(orange))
        let sky = ColorMapping.nearest(try #require(RGB(hex: "#56b4e9")), among: 8)
        #expect([4, 6, 7].contains(sky))
    }

    @Test("hex parsing rejects malformed colours", arguments: ["#12345", "red", "#gggggg", "123456", "#1234567"])
    func badHex(text: String) {
        #expect(RGB(hex: text) == nil)
    }
}

@Suite("Colour mapping of the shipped themes")
struct ThemeColorMappingTests {
    @Test(
        "theme colours map to known xterm-256 indices",
        arguments: [("#5fafff", 75), ("#ffff00", 226), ("#00ffff", 51), ("#ffaf00", 214), ("#e4e4e4", 254)])
    func known256(hex: String, index: Int) throws {
        let color = try #require(RGB(hex: hex))
        #expect(ColorMapping.xterm256[ColorMapping.nearest(color, among: 256)] == ColorMapping.xterm256[index])
    }

    @Test("with 16 colours pure red and cyan map to the bright system colours; with 8, to the dark ones")
    func sixteen() throws {
        #expect(ColorMapping.nearest(try #require(RGB(hex: "#ff0000")), among: 16) == 9)
        #expect(ColorMapping.nearest(try #require(RGB(hex: "#00ffff")), among: 16) == 14)
        #expect(ColorMapping.nearest(try #require(RGB(hex: "#ff0000")), among: 8) == 1)
    }
}
