import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system questions and reads the rest of the program needs, answered in one
/// place: whether a path is a file or a folder, a folder's names, a UTF-8 file's text
/// (the errno kept when it fails) and `mkdir -p`.
public enum Files {
    /// Whether anything is at `path` (a file, a folder, a link that resolves).
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Whether `path` is a file (or a link to one), not a folder.
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
    }

    /// Whether `path` is a folder (or a link to one).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether this process may create files in `folder`.
    public static func isWritableFolder(_ folder: String) -> Bool {
        FileManager.default.isWritableFile(atPath: folder)
    }

    /// The names in `folder` that end in `suffix`, sorted; none when it cannot be read.
    public static func names(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// `name` in `folder`: `folder/name` (one slash between them; `name` alone in "").
    public static func path(_ name: String, in folder: String) -> String {
        if folder.isEmpty { return name }
        if name.isEmpty { return folder }
        let head = folder.hasSuffix("/") && folder != "/" ? String(folder.dropLast()) : folder
        return (head == "/" ? "" : head) + "/" + (name.hasPrefix("/") ? String(name.dropFirst()) : name)
    }

    /// The folder holding `path`, as `dirname` without the ".": "/a/b" → "/a", "/a" → "/",
    /// "a" → "", "a/b/" → "a".
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The user's home folder: `$HOME`, else the account's.
    public static var home: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// The text of the UTF-8 file at `path`, without a leading byte-order mark.
    public static func readText(_ path: String) throws(StorageError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: path, errno: errno) }
        defer { close(fd) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, errno: errno)
            }
            bytes += buffer[0..<n]
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else { throw .notText(path: path) }
        return text
    }

    /// Makes `folder` and any missing folder above it (as `mkdir -p`).
    public static func createFolder(_ folder: String) throws(StorageError) {
        var missing = [String]()
        var current = folder
        while !current.isEmpty, !isDirectory(current) {
            missing.append(current)
            let parent = parent(of: current)
            if parent == current { break }
            current = parent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o777) != 0, errno != EEXIST { throw .cannotCreateFolder(path: folder, errno: errno) }
        }
        guard isDirectory(folder) else { throw .cannotCreateFolder(path: folder, errno: ENOTDIR) }
    }
}
