import Dashboard
import Dispatch
import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#endif

/// The dashboard's end of the notes socket (`twofutures notes`): it listens on
/// `demo-<pid>.sock`, and sends each client one JSON line per `PresenterSnapshot` (sorted
/// keys): the current one as soon as it connects, then each one that differs other than in
/// the time. Clients only read.
///
/// It never blocks or dies on a client: the writes are non-blocking and raise no SIGPIPE
/// (MSG_NOSIGNAL), and a client that is gone, or too slow to take a line whole, is dropped.
/// A thread of its own accepts clients and notices the ones that leave; the main loop
/// publishes, and with no client connected `wantsSnapshot` is false and it costs nothing.
public final class NotesServer: @unchecked Sendable {
    /// The socket's path, removed by `stop()`.
    public let path: String
    private let listener: Int32
    /// Wakes the accept thread (a byte), to stop or to see a client to drop.
    private let pipe: (read: Int32, write: Int32)
    /// Called from the accept thread when a client needs a snapshot that the server does
    /// not hold yet (the main loop's waker).
    private let onClient: @Sendable () -> Void
    private let lock = Lock()
    private var clients: [Client] = []
    /// The last snapshot sent, its line, and when (to send a new client the time now).
    private var last: (snapshot: PresenterSnapshot, at: ContinuousClock.Instant)?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    private struct Client {
        let fd: Int32
        /// Whether it has the latest snapshot.
        var current: Bool
        /// A write failed: the accept thread closes it.
        var dead = false
    }

    /// Listens on `demo-<pid>.sock` in `directory` (created with mode 0700 if needed; the
    /// socket gets mode 0600). A socket file already there for this pid is stale (pids are
    /// not reused while the process lives) and is replaced.
    public init(
        directory: String, pid: Int32 = getpid(), onClient: @escaping @Sendable () -> Void = {}
    ) throws(NotesError) {
        try NotesSocket.prepare(directory)
        path = NotesSocket.path(in: directory, pid: pid)
        let fd = try NotesSocket.socket()
        unlink(path)
        // The socket file is made by bind; a umask of 0177 gives it mode 0600 from the start.
        let mask = umask(0o177)
        let bound = try NotesSocket.withAddress(path) { bind(fd, $0, $1) }
        let bindError = errno
        umask(mask)
        guard bound == 0, chmod(path, 0o600) == 0, listen(fd, 8) == 0 else {
            let error = NotesError("cannot listen on \(path): \(String(cString: strerror(bindError)))", code: bindError)
            close(fd)
            unlink(path)
            throw error
        }
        NotesSocket.setNonBlocking(fd)
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else {
            close(fd)
            unlink(path)
            throw NotesError("cannot create a pipe")
        }
        for end in fds {
            NotesSocket.setNonBlocking(end)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        listener = fd
        pipe = (fds[0], fds[1])
        self.onClient = onClient
        startThread { [self] in
            acceptLoop()
            finished.signal()
        }
    }

    deinit { stop() }

    /// Whether a client is connected: only then is a snapshot worth making.
    public var wantsSnapshot: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !clients.isEmpty
    }

    /// How many clients are connected.
    public var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// Sends `snapshot` to every client when it differs from the last one other than in the
    /// time, and to a client that has none yet in any case.
    public func publish(_ snapshot: PresenterSnapshot) {
        lock.lock()
        defer { lock.unlock() }
        guard !clients.isEmpty, !stopped else {
            last = nil
            return
        }
        let changed = !(last.map { $0.snapshot.sameMoment(as: snapshot) } ?? false)
        guard changed || clients.contains(where: { !$0.current }) else { return }
        last = (snapshot, ContinuousClock.now)
        let line = Self.line(snapshot)
        for i in clients.indices where changed || !clients[i].current {
            send(line, to: i)
        }
    }

    /// One message: the snapshot as JSON with sorted keys, and a newline.
    public static func line(_ snapshot: PresenterSnapshot) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(snapshot)) ?? Data("{}".utf8)) + [0x0A]
    }

    /// Sends `line` whole to client `i`, without blocking; a client that cannot take it
    /// all is dropped (a partial line would garble the next). Call with the lock held.
    private func send(_ line: [UInt8], to i: Int) {
        guard !clients[i].dead else { return }
        var sent = -1
        repeat {
            sent = line.withUnsafeBytes {
                Glibc.send(clients[i].fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
        } while sent < 0 && errno == EINTR
        if sent == line.count {
            clients[i].current = true
        } else {
            clients[i].dead = true
            shutdown(clients[i].fd, Int32(SHUT_RDWR))
            wakeThread()
        }
    }

    private func wakeThread() {
        var byte: UInt8 = 1
        _ = write(pipe.write, &byte, 1)
    }

    /// Stops listening, closes every client and removes the socket. Safe to call twice.
    public func stop() {
        lock.lock()
        let already = stopped
        stopped = true
        lock.unlock()
        guard !already else { return }
        wakeThread()
        finished.wait()
        lock.lock()
        for client in clients { close(client.fd) }
        clients = []
        lock.unlock()
        close(listener)
        unlink(path)
        close(pipe.read)
        close(pipe.write)
    }

    /// The accept thread: waits on the listener, the pipe and every client; accepts new
    /// clients (and sends each the snapshot it holds, with the time brought up to now),
    /// closes the clients that left or were dropped. Only this thread closes a client.
    private func acceptLoop() {
        while true {
            lock.lock()
            if stopped {
                lock.unlock()
                return
            }
            var fds = [pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0)]
            fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
            fds += clients.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            lock.unlock()
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 { continue }
            if fds[0].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 64)
                while read(pipe.read, &buffer, buffer.count) > 0 {}
            }
            var gone = Set<Int32>()
            for entry in fds.dropFirst(2) where entry.revents != 0 {
                // Clients send nothing: readable means closed (0), or bytes to throw away.
                var buffer = [UInt8](repeating: 0, count: 256)
                let n = recv(entry.fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)
                    || entry.revents & Int16(POLLHUP | POLLERR) != 0
                {
                    gone.insert(entry.fd)
                }
            }
            var needsSnapshot = false
            lock.lock()
            for client in clients where client.dead || gone.contains(client.fd) { close(client.fd) }
            clients.removeAll { $0.dead || gone.contains($0.fd) }
            if fds[1].revents != 0 { needsSnapshot = acceptClients() }
            if clients.isEmpty { last = nil }
            lock.unlock()
            if needsSnapshot { onClient() }
        }
    }

    /// Accepts every pending client; returns whether one still needs a snapshot. Call with
    /// the lock held.
    private func acceptClients() -> Bool {
        var needsSnapshot = false
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return needsSnapshot
            }
            NotesSocket.setNonBlocking(fd)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            clients.append(Client(fd: fd, current: false))
            if var snapshot = last?.snapshot, let at = last?.at {
                if !snapshot.hasEnded {
                    let since = ContinuousClock.now - at
                    snapshot.elapsedMilliseconds +=
                        Int(since.components.seconds * 1000)
                        + Int(since.components.attoseconds / 1_000_000_000_000_000)
                }
                send(Self.line(snapshot), to: clients.count - 1)
            } else {
                needsSnapshot = true
            }
        }
    }
}
