import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The characters charts are drawn with: braille dots (the default), block elements for
/// fonts without braille, or plain ASCII for dumb fonts and terminals.
public enum GlyphStyle: String, Sendable, Equatable, CaseIterable {
    case braille, block, ascii
}

/// A colour theme: a hex colour ("#rrggbb") for each semantic role, plus a glyph style.
/// The compiled-in themes keep the program working when no theme file can be read.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    public var colors: [Role: String]
    /// Box and panel titles in bold.
    public var boldTitles: Bool
    public var glyphs: GlyphStyle
    /// The file the theme was read from; nil for a compiled-in theme.
    public var source: String?

    public init(
        name: String, description: String = "", colors: [Role: String], boldTitles: Bool = true,
        glyphs: GlyphStyle = .braille, source: String? = nil
    ) {
        self.name = name
        self.description = description
        self.colors = colors
        self.boldTitles = boldTitles
        self.glyphs = glyphs
        self.source = source
    }

    /// The built-in dark default.
    public static let dark = Theme(
        name: "dark", description: "Dark default",
        colors: [
            .background: "#1c1f26", .foreground: "#d8dee9", .muted: "#7c8594", .accent: "#88c0d0",
            .future1: "#5fafff", .future2: "#e5709b", .policy: "#f5d76e", .band: "#343b4a",
            .grid: "#434c5e", .selection: "#3b4a6b", .warning: "#ff5f5f",
            .domestic: "#d08770", .imports: "#a3be8c", .smuggled: "#b48ead", .offshore: "#88c0d0",
            .future1Faint: "#3e6793", .future2Faint: "#814861",
        ])

    /// A light theme for bright rooms and projectors.
    public static let light = Theme(
        name: "light", description: "Light background",
        colors: [
            .background: "#fafafa", .foreground: "#1f2328", .muted: "#6e7781", .accent: "#0969da",
            .future1: "#0550ae", .future2: "#bc4c00", .policy: "#8250df", .band: "#e1e6ec",
            .grid: "#d0d7de", .selection: "#ddf4ff", .warning: "#cf222e",
            .domestic: "#cf222e", .imports: "#1a7f37", .smuggled: "#9a6700", .offshore: "#1b7c83",
            .future1Faint: "#80a5d4", .future2Faint: "#dba37d",
        ])

    /// Every compiled-in theme.
    public static let builtIn: [Theme] = [.dark, .light]

    /// A compiled-in theme by name.
    public static func named(_ name: String) -> Theme? { builtIn.first { $0.name == name } }
}

/// The colour a fraction `t` of the way from "#rrggbb" `a` to `b` ("#rrggbb"; `a` when
/// either is malformed).
public func mix(_ a: String, _ b: String, _ t: Double) -> String {
    func rgb(_ hex: String) -> [Double]? {
        guard let v = hexValue(hex) else { return nil }
        return [Double(v >> 16 & 0xFF), Double(v >> 8 & 0xFF), Double(v & 0xFF)]
    }
    guard let x = rgb(a), let y = rgb(b) else { return a }
    let c = zip(x, y).map { Int(($0 + ($1 - $0) * t).rounded()) }
    return String(cFormat: "#%02x%02x%02x", c[0], c[1], c[2])
}

/// "#rrggbb" as 0xrrggbb; nil when malformed.
private func hexValue(_ hex: String) -> UInt32? {
    guard hex.count == 7, hex.first == "#" else { return nil }
    return UInt32(hex.dropFirst(), radix: 16)
}

/// WCAG 2 contrast between two "#rrggbb" colours (1…21); nil for a malformed colour.
public func contrastRatio(_ a: String, _ b: String) -> Double? {
    func luminance(_ hex: String) -> Double? {
        guard let v = hexValue(hex) else { return nil }
        func channel(_ c: UInt32) -> Double {
            let x = Double(c & 0xFF) / 255
            return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(v >> 16) + 0.7152 * channel(v >> 8) + 0.0722 * channel(v)
    }
    guard let la = luminance(a), let lb = luminance(b) else { return nil }
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
