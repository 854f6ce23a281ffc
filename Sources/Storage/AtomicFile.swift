import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that appear complete or not at all: written to a temporary file in the same
/// folder, fsynced, then linked into place (`link` fails when the target exists, so an
/// existing file is never overwritten) or, to replace a file the user agreed to replace,
/// renamed over it. A write that fails or is killed leaves the target untouched (at worst
/// a hidden `.twofutures-*` temporary file).
public enum AtomicFile {
    /// Writes `contents` as a new file at `path`; fails with `.cannotWrite(path, EEXIST)`
    /// when `path` exists, unless `replace` (then the file keeps its permissions).
    public static func create(_ path: String, contents: String, replace: Bool = false) throws(StorageError) {
        let dir = Files.parent(of: path)
        let folder = dir.isEmpty ? "." : dir
        var template = Array((folder + "/.twofutures-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotWriteIn(folder: folder, errno: errno) }
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes the file 0600: give it the mode of the file it replaces, or the
        // mode a new file gets (0666 less the umask).
        var existing = stat()
        if replace, stat(path, &existing) == 0 {
            fchmod(fd, existing.st_mode & 0o7777)
        } else {
            let mask = umask(0o022)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        var error = writeAll(fd, Array(contents.utf8))
        if error == 0, fsync(fd) != 0 { error = errno }
        close(fd)
        if error == 0 {
            if replace {
                if rename(temp, path) != 0 { error = errno }
            } else if link(temp, path) != 0 {
                error = errno
            }
        }
        unlink(temp)
        guard error == 0 else { throw .cannotWrite(path: path, errno: error) }
        let dirFD = open(folder, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Writes all of `bytes` to `fd`; returns 0, or the errno of the write that failed.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        let killAfter = faultInjectionBytes
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                if let killAfter, offset >= killAfter { raise(SIGKILL) }
                let chunk = killAfter.map { max(1, min(buffer.count - offset, $0 - offset)) } ?? (buffer.count - offset)
                let n = write(fd, buffer.baseAddress! + offset, chunk)
                if n <= 0 { return n < 0 ? errno : EIO }
                offset += n
            }
            return 0
        }
    }

    /// For the kill-mid-write test only: `TWOFUTURES_TEST_KILL_AFTER_BYTES=N` makes a write
    /// send SIGKILL to this process once N bytes of a file are written (the rest unwritten).
    static let faultInjectionBytes: Int? = ProcessInfo.processInfo.environment["TWOFUTURES_TEST_KILL_AFTER_BYTES"]
        .flatMap { Int($0) }
}
