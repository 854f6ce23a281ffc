import Dashboard
import Formats
import FuturesModel

/// The lens files: the catalog of a search path, and one file for `lenses --check`.
public enum LensStore {
    /// The lenses of `--lens-dir`, `$XDG_CONFIG_HOME/twofutures/lenses` (or
    /// ~/.config/twofutures/lenses) and the shipped `Lenses` (see `DataFolders`); a lens
    /// overrides a later one of the same id.
    public static func catalog(lensDir: String?, folders: DataFolders = .current) -> LensCatalog {
        catalog(directories: folders.searchPath(.lenses, explicit: lensDir))
    }

    /// Reads every `*.toml` file in `directories`, first folder first; missing folders are
    /// skipped, and the compiled-in lenses fill in.
    public static func catalog(directories: [String]) -> LensCatalog {
        LensCatalog(found: DataFiles.parseAll(in: directories, LensParser.parse))
    }

    /// Reads and parses one lens file.
    public static func load(_ path: String) -> Result<Lens, LensError> {
        DataFiles.parse(path, LensParser.parse)
    }
}
