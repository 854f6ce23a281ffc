import Dashboard
import Formats

/// The theme files: the catalog of a search path, and one file for `themes --check`.
public enum ThemeStore {
    /// The themes of `--theme-dir`, `$XDG_CONFIG_HOME/twofutures/themes` (or ~/.config/…)
    /// and the shipped `Themes` (see `DataFolders`); a theme overrides a later one of the
    /// same name.
    public static func catalog(themeDir: String?, folders: DataFolders = .current) -> ThemeCatalog {
        catalog(directories: folders.searchPath(.themes, explicit: themeDir))
    }

    /// Reads every `*.toml` file in `directories`, first folder first; missing folders are
    /// skipped, and the compiled-in themes fill in.
    public static func catalog(directories: [String]) -> ThemeCatalog {
        ThemeCatalog(found: DataFiles.parseAll(in: directories, ThemeParser.parse))
    }

    /// Reads and parses one theme file.
    public static func load(_ path: String) -> Result<Theme, ThemeError> {
        DataFiles.parse(path, ThemeParser.parse)
    }
}
