import ArgumentParser
import FoundationEssentials
import FuturesModel
import Share
import Storage
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files `demo --cast`, `demo --svg` and `record --cast` write: checked before any work
/// (an existing file needs --force, the folder must take a new file), then written whole
/// or not at all (`AtomicFile`). Each failure is one line and exit status 73.
enum OutputFile {
    /// Fails when `path` exists and may not be replaced, or its folder cannot take a file.
    static func check(_ path: String, force: Bool) throws {
        if !force && Files.exists(path) {
            throw ExitError(message: "\(path) exists; use --force to replace it", code: .cantCreate)
        }
        if Files.isDirectory(path) {
            throw ExitError(message: "cannot write \(path): Is a directory", code: .cantCreate)
        }
        let parent = Files.parent(of: path)
        let folder = parent.isEmpty ? "." : parent
        guard Files.isDirectory(folder) else {
            let reason = Files.exists(folder) ? "Not a directory" : "No such file or directory"
            throw ExitError(message: "cannot write in \(folder): \(reason)", code: .cantCreate)
        }
        guard Files.isWritableFolder(folder) else {
            throw ExitError(message: "cannot write in \(folder): Permission denied", code: .cantCreate)
        }
    }

    /// Writes `contents` to `path`, replacing a file only with `force`.
    static func write(_ path: String, _ contents: String, force: Bool) throws {
        do {
            try AtomicFile.create(path, contents: contents, replace: force)
        } catch .cannotWrite(_, EEXIST) {
            throw ExitError(message: "\(path) exists; use --force to replace it", code: .cantCreate)
        } catch {
            throw ExitError(message: error.description, code: .cantCreate)
        }
    }
}

/// `--colors`: how a cast writes colours.
extension ANSIWriter.Colors: CheckedValue {
    static var words: [(word: String, meaning: String)] {
        [
            ("truecolor", "the theme's exact colours (24-bit SGR)"),
            ("256", "the nearest of xterm's 256 colours"),
        ]
    }

    init(checking text: String) throws {
        guard let colors = Self(rawValue: text) else {
            throw InputError("--colors must be truecolor or 256, got '\(input: text)'")
        }
        self = colors
    }
}
