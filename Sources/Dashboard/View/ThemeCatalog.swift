import Foundation

/// The themes found in a list of folders, first folder first: a theme overrides a later
/// one of the same name. The compiled-in themes come last, so there is always a theme.
/// The only theme code that reads files; tests point it at fixture folders.
public struct ThemeCatalog: Sendable, Equatable {
    /// Every usable theme, sorted by name with "dark" (the default) first.
    public var themes: [Theme]
    /// One line per theme file that could not be used.
    public var errors: [ThemeError]

    /// Reads every `*.toml` file in `directories`; missing folders are skipped.
    public init(directories: [String]) {
        var byName = [String: Theme]()
        var errors = [ThemeError]()
        for directory in directories {
            for path in Self.files(in: directory) {
                switch Self.load(path) {
                case .success(let theme): if byName[theme.name] == nil { byName[theme.name] = theme }
                case .failure(let error): errors.append(error)
                }
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

    /// The `.toml` files of `directory`, sorted; none when it cannot be read.
    static func files(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".toml") }.sorted().map {
            (directory as NSString).appendingPathComponent($0)
        }
    }

    /// Reads and parses one theme file.
    public static func load(_ path: String) -> Result<Theme, ThemeError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ThemeError(path: path, line: 1, message: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(path: path, line: 1, message: "not UTF-8 text"))
        }
        return ThemeParser.parse(text, path: path)
    }

    /// The folders to search, in order: `--theme-dir`, `$XDG_CONFIG_HOME/twofutures/themes`
    /// (or ~/.config/…), then the shipped themes: `<exe dir>/../share/twofutures/Themes`
    /// when installed, else the first `Themes/` folder next to the executable or in one of
    /// its parent folders (see `DataFolders`).
    public static func searchPath(themeDir: String?, environment: [String: String], executable: String) -> [String] {
        var dirs = [String]()
        if let themeDir { dirs.append(themeDir) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/twofutures/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/twofutures/themes")
        }
        if let shipped = DataFolders.find("Themes", executable: executable) { dirs.append(shipped) }
        return dirs
    }
}
