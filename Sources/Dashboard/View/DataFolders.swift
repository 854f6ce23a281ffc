import Foundation

/// Where the shipped data (`Themes/`, `Demos/`) is found, relative to the executable:
/// an installed copy in `<exe dir>/../share/twofutures/<name>` (`make install`), else the
/// first `<name>/` folder next to the executable or in one of its parent folders (the
/// source tree, for `.build/release/twofutures`). Symbolic links to the executable are
/// resolved first, so a link in `~/bin` finds the real installation.
public enum DataFolders {
    /// The folder below the prefix that `make install` copies the data into.
    public static let shareSubpath = "share/twofutures"

    /// The data folder called `name` for `executable`, or nil when there is none.
    public static func find(_ name: String, executable: String) -> String? {
        candidates(name, executable: executable).first(where: isDirectory)
    }

    /// The folders `find` looks at, in order, for messages that list what was searched:
    /// the installed folder, then the parent folders up to the root.
    public static func candidates(_ name: String, executable: String) -> [String] {
        let binDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var list = [
            binDir.deletingLastPathComponent().appendingPathComponent(shareSubpath)
                .appendingPathComponent(name).standardized.path
        ]
        var folder = binDir
        while true {
            list.append(folder.appendingPathComponent(name).path)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return list }
            folder = parent
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Finds a demo script by path or by bare name (`tour` or `tour.demo`) in the shipped
/// `Demos/` folder.
public enum DemoLocator {
    /// The demo's path: `argument` itself when it names an existing file; otherwise, for a
    /// bare name (no `/`), `<Demos>/name` or `<Demos>/name.demo`.
    public static func resolve(_ argument: String, executable: String) -> Result<String, DemoNotFound> {
        if isFile(argument) { return .success(argument) }
        guard !argument.contains("/"), !argument.isEmpty else {
            return .failure(DemoNotFound(argument: argument, searched: [], available: []))
        }
        guard let folder = DataFolders.find("Demos", executable: executable) else {
            return .failure(
                DemoNotFound(
                    argument: argument, searched: DataFolders.candidates("Demos", executable: executable),
                    available: []))
        }
        let names = argument.hasSuffix(".demo") ? [argument] : [argument, argument + ".demo"]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if isFile(path) { return .success(path) }
        }
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let available = shipped.filter { $0.hasSuffix(".demo") }.map { String($0.dropLast(5)) }.sorted()
        return .failure(DemoNotFound(argument: argument, searched: [folder], available: available))
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

/// A demo that is neither a file nor a shipped demo, as one line.
public struct DemoNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    public var argument: String
    /// The folders searched for a bare name; empty for a path.
    public var searched: [String]
    /// The shipped demos' names, when a Demos folder was found.
    public var available: [String]

    public var description: String {
        if searched.isEmpty { return "cannot read \(argument): no such file" }
        let shipped = available.isEmpty ? "" : " (shipped: \(available.joined(separator: ", ")))"
        return "no demo '\(argument)': not a file, and not found in \(searched.joined(separator: ", "))\(shipped)"
    }
}
