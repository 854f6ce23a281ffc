/// A colour theme: a hex colour ("#rrggbb") for each semantic role. The compiled-in
/// themes keep the program working when no theme file can be read.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    public var colors: [Role: String]

    public init(name: String, description: String = "", colors: [Role: String]) {
        self.name = name
        self.description = description
        self.colors = colors
    }

    /// The built-in dark default.
    public static let dark = Theme(
        name: "dark", description: "Dark default",
        colors: [
            .background: "#1c1f26", .foreground: "#d8dee9", .muted: "#7c8594", .accent: "#88c0d0",
            .future1: "#5fafff", .future2: "#e5709b", .policy: "#f5d76e", .band: "#7d8799",
            .grid: "#434c5e", .selection: "#3b4a6b", .warning: "#ff5f5f",
        ])

    /// A light theme for bright rooms and projectors.
    public static let light = Theme(
        name: "light", description: "Light background",
        colors: [
            .background: "#fafafa", .foreground: "#1f2328", .muted: "#6e7781", .accent: "#0969da",
            .future1: "#0550ae", .future2: "#bc4c00", .policy: "#8250df", .band: "#afb8c1",
            .grid: "#d0d7de", .selection: "#ddf4ff", .warning: "#cf222e",
        ])

    /// Every compiled-in theme.
    public static let builtIn: [Theme] = [.dark, .light]

    /// A compiled-in theme by name.
    public static func named(_ name: String) -> Theme? { builtIn.first { $0.name == name } }
}
