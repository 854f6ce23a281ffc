import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Demo scripts: found by path or by bare name (`tour` or `tour.demo`) in the shipped
/// `Demos/` folder, and the text frames of `demo --headless --frames`.
public enum DemoStore {
    /// The demo's path: `argument` itself when it names an existing file; otherwise, for a
    /// bare name (no `/`), `<Demos>/name` or `<Demos>/name.demo`.
    public static func resolve(_ argument: String, folders: DataFolders = .current) -> Result<String, DemoNotFound> {
        if Files.isFile(argument) { return .success(argument) }
        guard !argument.contains("/"), !argument.isEmpty else {
            return .failure(DemoNotFound(argument: argument, searched: [], available: []))
        }
        guard let folder = folders.shippedFolder(.demos) else {
            return .failure(
                DemoNotFound(argument: argument, searched: folders.shippedCandidates(.demos), available: []))
        }
        let names = argument.hasSuffix(".demo") ? [argument] : [argument, argument + ".demo"]
        for name in names {
            let path = Files.path(name, in: folder)
            if Files.isFile(path) { return .success(path) }
        }
        let available = Files.names(in: folder, suffix: ".demo").map { String($0.dropLast(5)) }.sorted()
        return .failure(DemoNotFound(argument: argument, searched: [folder], available: available))
    }

    /// Writes `frames` into `folder` (made when missing) as `frame-001.txt`, `frame-002.txt`,
    /// … (or another `extension`), each replacing a file of that name; with `removeStale`,
    /// then removes the frames of that extension an earlier, longer run left behind.
    public static func writeFrames(
        _ frames: [String], to folder: String, extension suffix: String = "txt", removeStale: Bool = false
    ) throws(StorageError) {
        try Files.createFolder(folder)
        var written: Set<String> = []
        for (i, text) in frames.enumerated() {
            let number = String(i + 1)
            let name = "frame-" + String(repeating: "0", count: max(0, 3 - number.count)) + number + "." + suffix
            try AtomicFile.create(Files.path(name, in: folder), contents: text, replace: true)
            written.insert(name)
        }
        guard removeStale else { return }
        for name in existingFrames(in: folder, extension: suffix) where !written.contains(name) {
            try? FileManager.default.removeItem(atPath: Files.path(name, in: folder))
        }
    }

    /// The frame files (`frame-NNN.extension`) already in `folder`.
    public static func existingFrames(in folder: String, extension suffix: String) -> [String] {
        Files.names(in: folder, suffix: "." + suffix).filter { name in
            let stem = name.dropLast(suffix.count + 1)
            return stem.hasPrefix("frame-") && stem.dropFirst(6).allSatisfy(\.isNumber) && stem.count > 6
        }
    }
}

/// A demo that is neither a file nor a shipped demo, as one line.
public struct DemoNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    public var argument: String
    /// The folders searched for a bare name; empty for a path.
    public var searched: [String]
    /// The shipped demos' names, when a Demos folder was found.
    public var available: [String]

    public init(argument: String, searched: [String], available: [String]) {
        self.argument = argument
        self.searched = searched
        self.available = available
    }

    public var description: String {
        if searched.isEmpty { return "cannot read \(argument): no such file" }
        let shipped = available.isEmpty ? "" : " (shipped: \(available.joined(separator: ", ")))"
        return "no demo '\(argument)': not a file, and not found in \(searched.joined(separator: ", "))\(shipped)"
    }
}
