import Dashboard
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A client's connection to one demo's notes socket: it reads the JSON lines the
/// dashboard sends (`NotesServer`), one `PresenterSnapshot` each.
public final class NotesConnection {
    public let path: String
    public let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    /// A snapshot read already (while listing the demos), returned by the next `next`.
    var pending: PresenterSnapshot?

    /// What a read brought.
    public enum Read: Equatable {
        case snapshot(PresenterSnapshot)
        /// Nothing within the time given.
        case timeout
        /// The dashboard closed the socket (it quit, or crashed).
        case closed
    }

    /// Connects to the socket at `path`. A socket with no demo behind it (left by a crash)
    /// fails with ECONNREFUSED (`NotesError.code`).
    public init(path: String) throws(NotesError) {
        self.path = path
        let fd = try NotesSocket.socket()
        let result = try NotesSocket.withAddress(path) { connect(fd, $0, $1) }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw NotesError("cannot connect to \(path): \(String(cString: strerror(code)))", code: code)
        }
        NotesSocket.setNonBlocking(fd)
        self.fd = fd
    }

    deinit { close(fd) }

    /// The next snapshot, waiting at most `timeoutMilliseconds` (−1: until one comes). A
    /// line that is not a snapshot is skipped.
    public func next(timeoutMilliseconds: Int32 = -1, wakeFD: Int32 = -1) -> Read {
        let deadline: ContinuousClock.Instant? =
            timeoutMilliseconds < 0 ? nil : ContinuousClock.now + .milliseconds(Int(timeoutMilliseconds))
        if let pending {
            self.pending = nil
            return .snapshot(pending)
        }
        while true {
            if let snapshot = takeLine() { return .snapshot(snapshot) }
            if closed { return .closed }
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
                if ms <= 0 { return .timeout }
                wait = Int32(min(ms, Int64(Int32.max)))
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            if wakeFD >= 0 { fds.append(pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 { continue }
            if ready == 0 { return .timeout }
            if fds.count > 1 && fds[1].revents != 0 && fds[0].revents == 0 { return .timeout }
            fill()
        }
    }

    /// Reads what is there; notes when the other end closed.
    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = recv(fd, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                // A runaway line (no newline in 1 MB) is no snapshot: give up on the socket.
                if buffer.count > 1 << 20 && !buffer.contains(0x0A) {
                    buffer = []
                    closed = true
                    return
                }
                continue
            }
            if n == 0 || (errno != EAGAIN && errno != EINTR) { closed = true }
            if n < 0 && errno == EINTR { continue }
            return
        }
    }

    /// The first whole line in the buffer as a snapshot, skipping lines that are not one.
    private func takeLine() -> PresenterSnapshot? {
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = Data(buffer[..<newline])
            buffer.removeSubrange(...newline)
            if let snapshot = try? JSONDecoder().decode(PresenterSnapshot.self, from: line) { return snapshot }
        }
        return nil
    }
}

/// A running demo, as `twofutures notes` lists it.
extension NotesChoice {
    /// The demos running now in `directory` (only `pid`'s when given), each with its
    /// file's name, asked of its socket (waiting at most `timeoutMilliseconds` for its
    /// first line, or until `wakeFD` is readable). A stale socket (ECONNREFUSED, its process gone) is skipped and removed.
    public static func running(
        in directory: String, pid: Int32? = nil, timeoutMilliseconds: Int32 = 1000, wakeFD: Int32 = -1
    ) -> [(choice: NotesChoice, connection: NotesConnection)] {
        var found: [(choice: NotesChoice, connection: NotesConnection)] = []
        for socket in NotesSocket.sockets(in: directory) where pid == nil || socket.pid == pid {
            do throws(NotesError) {
                let connection = try NotesConnection(path: socket.path)
                if case .snapshot(let first) = connection.next(timeoutMilliseconds: timeoutMilliseconds, wakeFD: wakeFD)
                {
                    connection.pending = first
                    found.append((NotesChoice(pid: socket.pid, demo: first.demo), connection))
                }
            } catch {
                if error.code == ECONNREFUSED && !NotesSocket.processExists(socket.pid) { unlink(socket.path) }
            }
        }
        return found
    }
}
