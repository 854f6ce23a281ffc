import TOML

/// A theme file that cannot be used, as one line: "Themes/x.toml:7: colors.future1: …".
public typealias ThemeError = FileError

/// The themes found, in search order (see Storage's `ThemeStore`): a theme overrides a
/// later one of the same name. The compiled-in themes come last, so there is always a
/// theme. A value: whatever reads the theme files hands their results in.
public struct ThemeCatalog: Sendable, Equatable {
    /// Every usable theme, sorted by name with "dark" (the default) first.
    public var themes: [Theme]
    /// One line per theme file that could not be used.
    public var errors: [ThemeError]

    /// The catalog of `found`: each theme file's parsed theme or its error, first folder
    /// first.
    public init(found: [Result<Theme, ThemeError>]) {
        var byName = [String: Theme]()
        var errors = [ThemeError]()
        for result in found {
            switch result {
            case .success(let theme): if byName[theme.name] == nil { byName[theme.name] = theme }
            case .failure(let error): errors.append(error)
            }
        }
        for theme in Theme.builtIn where byName[theme.name] == nil { byName[theme.name] = theme }
        themes = byName.values.sorted { a, b in
            a.name == "dark" || (b.name != "dark" && a.name < b.name)
        }
        self.errors = errors
    }

    /// The theme called `name`, if any.
    public func theme(named name: String) -> Theme? { themes.first { $0.name == name } }
}
