import TOML

/// Reads and parses data files (themes, and lenses alike): one file, or every file of a
/// search path, each giving a value or a one-line `FileError`.
public enum DataFiles {
    /// A parser of a file's text; the path is for its messages.
    public typealias Parse<Value> = (_ text: String, _ path: String) -> Result<Value, FileError>

    /// Each `.toml` file of each folder in `directories`, by name within a folder, folders
    /// in order (a missing folder has none), read and parsed.
    public static func parseAll<Value>(
        in directories: [String], suffix: String = ".toml", _ parse: Parse<Value>
    ) -> [Result<Value, FileError>] {
        directories.flatMap { folder in
            Files.names(in: folder, suffix: suffix).map { self.parse(Files.path($0, in: folder), parse) }
        }
    }

    /// The file at `path`, read and parsed; a file that cannot be read is an error at line 1.
    public static func parse<Value>(_ path: String, _ parse: Parse<Value>) -> Result<Value, FileError> {
        do {
            return parse(try Files.readText(path), path)
        } catch StorageError.notText {
            return .failure(FileError(path: path, line: 1, message: "not UTF-8 text"))
        } catch {
            return .failure(FileError(path: path, line: 1, message: "cannot read the file"))
        }
    }
}
