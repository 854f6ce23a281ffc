import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each kind of data is found, for one environment and executable: the one search
/// that themes, lenses, demos and scenarios share.
///
/// - The user's folder: `$XDG_CONFIG_HOME/twofutures/<name>` (or `$XDG_DATA_HOME/…`), where
///   the variable holds an absolute path, else `$HOME/.config/…` (or `$HOME/.local/share/…`).
/// - The shipped folder, relative to the executable: an installed copy in
///   `<exe dir>/../share/twofutures/<Name>` (`make install`), else the first `<Name>/`
///   folder next to the executable or in one of its parent folders (the source tree, for
///   `.build/release/twofutures`). Symbolic links to the executable are resolved first, so
///   a link in `~/bin` finds the real installation.
public struct DataFolders: Sendable, Equatable {
    public var environment: [String: String]
    /// The program's path, as started.
    public var executable: String

    public init(environment: [String: String], executable: String) {
        self.environment = environment
        self.executable = executable
    }

    /// This process's environment and executable.
    public static var current: DataFolders {
        DataFolders(
            environment: ProcessInfo.processInfo.environment,
            executable: executablePath)
    }

    /// This program's file: where /proc/self/exe points (Linux), else the path it was
    /// started by.
    public static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The folder below the prefix that `make install` copies the data into.
    public static let shareSubpath = "share/twofutures"

    /// The folders to read `kind` from, first first: `explicit` (`--theme-dir`), the
    /// user's folder, then the shipped folder when there is one. Missing folders are
    /// listed too; readers skip them.
    public func searchPath(_ kind: DataKind, explicit: String? = nil) -> [String] {
        var dirs = [String]()
        if let explicit { dirs.append(explicit) }
        if let user = userFolder(kind) { dirs.append(user) }
        if let shipped = shippedFolder(kind) { dirs.append(shipped) }
        return dirs
    }

    /// The user's folder for `kind`, or nil when it has none.
    public func userFolder(_ kind: DataKind) -> String? {
        guard let base = kind.base else { return nil }
        let (variable, fallback) =
            switch base {
            case .config: ("XDG_CONFIG_HOME", ".config")
            case .data: ("XDG_DATA_HOME", ".local/share")
            }
        let root = environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? Files.path(fallback, in: home)
        return Files.path("twofutures/" + kind.name, in: root)
    }

    /// `$HOME`, else the account's home folder.
    var home: String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return Files.home
    }

    /// The shipped folder of `kind` that exists, or nil when there is none.
    public func shippedFolder(_ kind: DataKind) -> String? {
        shippedCandidates(kind).first(where: Files.isDirectory)
    }

    /// The folders `shippedFolder` looks at, in order, for messages that list what was
    /// searched: the installed folder, then the parent folders up to the root.
    public func shippedCandidates(_ kind: DataKind) -> [String] {
        guard let name = kind.shipped, let binDir = binFolders.first else { return [] }
        let installed = binDir.deletingLastPathComponent().appendingPathComponent(Self.shareSubpath)
            .appendingPathComponent(name).standardized.path
        return [installed] + binFolders.map { $0.appendingPathComponent(name).path }
    }

    /// Where the guides are: `<exe dir>/../share/doc/twofutures` of an installed copy
    /// (README.md and docs/ in it), else the `docs` folder of the source tree the
    /// executable was built in; nil when there is neither.
    public var documentationFolder: String? {
        guard let binDir = binFolders.first else { return nil }
        let installed = binDir.deletingLastPathComponent().appendingPathComponent("share/doc/twofutures").standardized
        if Files.isDirectory(installed.path) { return installed.path }
        return binFolders.map { $0.appendingPathComponent("docs") }
            .first { Files.isFile($0.appendingPathComponent("MODEL.md").path) }?.path
    }

    /// The executable's folder (symbolic links resolved) and each folder above it, up to
    /// the root: where the shipped data and the guides are looked for.
    var binFolders: [URL] {
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var list = [folder]
        while true {
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return list }
            list.append(parent)
            folder = parent
        }
    }
}
