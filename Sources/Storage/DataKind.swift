/// A kind of data file and where it lives: a folder that ships with the program, and the
/// user's own folder under an XDG base directory. `DataFolders` finds both.
public struct DataKind: Sendable, Equatable {
    /// The XDG base directory a user folder sits in.
    public enum Base: Sendable, Equatable {
        /// `$XDG_CONFIG_HOME`, else `~/.config`: files the user writes (themes, lenses).
        case config
        /// `$XDG_DATA_HOME`, else `~/.local/share`: files the program writes (scenarios).
        case data
    }

    /// The shipped folder's name (`Themes`: `share/twofutures/Themes` when installed, else
    /// `Themes/` in the source tree), or nil when nothing ships.
    public var shipped: String?
    /// The base of the user's folder, or nil when there is none.
    public var base: Base?
    /// The user's folder's name under `<base>/twofutures/`.
    public var name: String

    public init(shipped: String?, base: Base?, name: String) {
        self.shipped = shipped
        self.base = base
        self.name = name
    }

    /// Colour themes: `--theme-dir`, `$XDG_CONFIG_HOME/twofutures/themes`, the shipped `Themes`.
    public static let themes = DataKind(shipped: "Themes", base: .config, name: "themes")
    /// Lenses (sets of assumptions): `--lens-dir`, `$XDG_CONFIG_HOME/twofutures/lenses`, the
    /// shipped `Lenses`.
    public static let lenses = DataKind(shipped: "Lenses", base: .config, name: "lenses")
    /// Demo scripts: only the shipped `Demos` (a path names any other).
    public static let demos = DataKind(shipped: "Demos", base: nil, name: "demos")
    /// Saved scenarios and exports: `$XDG_DATA_HOME/twofutures/scenarios`.
    public static let scenarios = DataKind(shipped: nil, base: .data, name: "scenarios")
}
