import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Why the notes socket could not be set up, connected or read.
public struct NotesError: Error, CustomStringConvertible, Equatable {
    public let description: String
    /// The `errno` behind it, if any (ECONNREFUSED: a stale socket, no demo behind it).
    public let code: Int32

    public init(_ description: String, code: Int32 = 0) {
        self.description = description
        self.code = code
    }
}

/// Where the dashboard and `twofutures notes` meet: one Unix socket per running demo,
/// `demo-<pid>.sock`, in `$XDG_RUNTIME_DIR/twofutures/` (or `/tmp/twofutures-<uid>/` when
/// XDG_RUNTIME_DIR is unset or unusable). The folder is the user's own, mode 0700; each
/// socket is mode 0600.
public enum NotesSocket {
    /// The folder of the sockets for this user.
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment, uid: uid_t = getuid()
    ) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], usableRuntimeDirectory(runtime) {
            return (runtime.hasSuffix("/") ? String(runtime.dropLast()) : runtime) + "/twofutures"
        }
        return "/tmp/twofutures-\(uid)"
    }

    /// XDG_RUNTIME_DIR counts when it is an absolute path to a folder this user may write.
    static func usableRuntimeDirectory(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return access(path, W_OK | X_OK) == 0
    }

    /// The socket of the demo run by `pid`.
    public static func path(in directory: String, pid: Int32) -> String { "\(directory)/demo-\(pid).sock" }

    /// The pid a socket's file name gives (`demo-1234.sock`), if it is one.
    static func pid(fromName name: String) -> Int32? {
        guard name.hasPrefix("demo-"), name.hasSuffix(".sock") else { return nil }
        return Int32(name.dropFirst("demo-".count).dropLast(".sock".count))
    }

    /// The sockets in `directory`, by pid: none when it does not exist, or is not a folder
    /// of this user's own (in /tmp another user could have made it, to feed us notes).
    public static func sockets(in directory: String) -> [(pid: Int32, path: String)] {
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else {
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in pid(fromName: name).map { ($0, directory + "/" + name) } }
            .sorted { $0.pid < $1.pid }
    }

    /// Creates `directory` with mode 0700, or checks the one there: a real folder (not a
    /// link) owned by this user, which then gets mode 0700. Anything else is refused: in
    /// /tmp another user could have made it.
    public static func prepare(_ directory: String) throws(NotesError) {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw NotesError("cannot create \(directory): \(String(cString: strerror(errno)))", code: errno)
        }
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            throw NotesError("cannot read \(directory): \(String(cString: strerror(errno)))", code: errno)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw NotesError("\(directory) is not a folder") }
        guard info.st_uid == getuid() else { throw NotesError("\(directory) belongs to another user") }
        if info.st_mode & 0o777 != 0o700 && chmod(directory, 0o700) != 0 {
            throw NotesError("cannot make \(directory) private: \(String(cString: strerror(errno)))", code: errno)
        }
    }

    /// Whether the process `pid` exists (a socket whose process is gone is stale).
    static func processExists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Calls `body` with `path` as a Unix socket address; throws when the path is too long.
    static func withAddress<T>(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T
    ) throws(NotesError) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw NotesError("the socket path is too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A new stream socket, close-on-exec.
    static func socket() throws(NotesError) -> Int32 {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw NotesError("cannot create a socket: \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Makes `fd` non-blocking.
    static func setNonBlocking(_ fd: Int32) { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
}
