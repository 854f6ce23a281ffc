import Dashboard
import Dispatch
import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#endif

/// `twofutures notes`' end of the socket: a thread that looks for a running demo about
/// once a second, follows it (one with `pid`; asks which when there are several), and goes
/// back to waiting when it ends or closes. The main loop reads `view` when `onChange` says
/// it changed, and draws it (`NotesScreen`).
public final class NotesClient: @unchecked Sendable {
    /// What the notes terminal shows: the status, the last snapshot, and when it came (the
    /// clock runs on from it).
    public struct View: Equatable, Sendable {
        public var status: NotesStatus
        public var snapshot: PresenterSnapshot?
        public var receivedAt: ContinuousClock.Instant?

        public init(status: NotesStatus, snapshot: PresenterSnapshot? = nil, receivedAt: ContinuousClock.Instant? = nil)
        {
            self.status = status
            self.snapshot = snapshot
            self.receivedAt = receivedAt
        }

        /// The talk's time now: the snapshot's, plus the time since it came (it stops once the
        /// demo has ended, not while it waits at its last pause).
        public func elapsedMilliseconds(at now: ContinuousClock.Instant = .now) -> Int {
            guard let snapshot else { return 0 }
            guard !snapshot.hasEnded, let receivedAt else { return snapshot.elapsedMilliseconds }
            let since = now - receivedAt
            return snapshot.elapsedMilliseconds + Int(since.components.seconds) * 1000
                + Int(since.components.attoseconds / 1_000_000_000_000_000)
        }
    }

    public let directory: String
    /// Follow only the demo of this process (`--pid`).
    public let pid: Int32?
    private let pollMilliseconds: Int32
    private let onChange: @Sendable () -> Void
    private let lock = Lock()
    private var current: View
    /// The demo chosen from the list (by number).
    private var chosen: Int32?
    private var stopped = false
    private var started = false
    /// Wakes the thread: to stop, or to look again after a choice.
    private let pipe: (read: Int32, write: Int32)
    private let finished = DispatchSemaphore(value: 0)

    public init(
        directory: String, pid: Int32? = nil, pollMilliseconds: Int32 = 1000,
        onChange: @escaping @Sendable () -> Void = {}
    ) {
        self.directory = directory
        self.pid = pid
        self.pollMilliseconds = pollMilliseconds
        self.onChange = onChange
        current = View(status: .waiting(pid: pid))
        var fds: [Int32] = [-1, -1]
        _ = Glibc.pipe(&fds)
        for end in fds {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        pipe = (fds[0], fds[1])
    }

    deinit {
        stop()
        close(pipe.read)
        close(pipe.write)
    }

    /// Starts looking for a demo.
    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        startThread { [self] in
            run()
            finished.signal()
        }
    }

    /// What to show now.
    public var view: View {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Chooses demo `number` (1-based) of the list shown; false when there is no such one.
    @discardableResult
    public func choose(_ number: Int) -> Bool {
        lock.lock()
        guard case .choosing(let choices) = current.status, choices.indices.contains(number - 1) else {
            lock.unlock()
            return false
        }
        chosen = choices[number - 1].pid
        lock.unlock()
        wakeThread()
        return true
    }

    /// Stops the thread and closes the connection; waits until it has. Safe to call twice.
    public func stop() {
        lock.lock()
        let wasRunning = started && !stopped
        stopped = true
        lock.unlock()
        guard wasRunning else { return }
        wakeThread()
        finished.wait()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func wakeThread() {
        var byte: UInt8 = 1
        _ = write(pipe.write, &byte, 1)
    }

    private func drainPipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(pipe.read, &buffer, buffer.count) > 0 {}
    }

    private func set(_ status: NotesStatus, _ snapshot: PresenterSnapshot?) {
        lock.lock()
        let view = View(status: status, snapshot: snapshot, receivedAt: snapshot == nil ? nil : .now)
        let changed = view.status != current.status || view.snapshot != current.snapshot
        current = view
        lock.unlock()
        if changed { onChange() }
    }

    /// The thread: look, follow, wait, until stopped.
    private func run() {
        var followedOne = false
        while !isStopped {
            drainPipe()
            lock.lock()
            let wanted = pid ?? chosen
            lock.unlock()
            let running = NotesChoice.running(in: directory, pid: wanted, wakeFD: pipe.read)
            if isStopped { return }
            if let first = running.first, running.count == 1 || wanted != nil {
                follow(first.connection)
                followedOne = true
                lock.lock()
                chosen = nil
                lock.unlock()
                if !isStopped { set(.closed, nil) }
                continue
            }
            if running.isEmpty {
                lock.lock()
                if pid == nil { chosen = nil }
                lock.unlock()
                set(followedOne ? .closed : .waiting(pid: pid), nil)
            } else {
                set(.choosing(running.map(\.choice)), nil)
            }
            var fds = [pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, pollMilliseconds)
        }
    }

    /// Shows each snapshot `connection` brings, until it closes or the client stops.
    private func follow(_ connection: NotesConnection) {
        while !isStopped {
            switch connection.next(wakeFD: pipe.read) {
            case .snapshot(let snapshot): set(.following, snapshot)
            case .timeout: drainPipe()
            case .closed: return
            }
        }
    }
}
