import CPty
import Dispatch
import FoundationEssentials
import Locks

#if canImport(Glibc)
    import Glibc
#endif

/// This program run on a pseudo-terminal, for `bench`: a reader thread drains what it
/// writes (counting the bytes and noting when the last ones came), keys go in as bytes,
/// and its CPU time and memory come from /proc.
final class PtySession: @unchecked Sendable {
    let pid: pid_t
    private let master: Int32
    private let lock = Lock()
    private var bytes = 0
    private var lastOutput = DispatchTime.now().uptimeNanoseconds
    private var readerDone = false
    private(set) var exitStatus: Int32?

    /// Starts `arguments` (this executable's own subcommand and options) at `cols`×`rows`.
    init(
        _ arguments: [String], cols: Int = 120, rows: Int = 36, environment extra: [String: String] = [:]
    ) throws(BenchError) {
        let path = Self.executablePath
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = env["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
        for (k, v) in extra { env[k] = v }
        let argv = [path] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var masterFD: Int32 = -1
        let child = Self.withCStrings(argv) { cargv in
            Self.withCStrings(envp) { cenvp in
                tf_spawn_on_pty(path, cargv, cenvp, UInt16(cols), UInt16(rows), &masterFD)
            }
        }
        guard child > 0 else { throw BenchError("bench: cannot start \(path) on a pseudo-terminal") }
        pid = child
        master = masterFD
        DispatchQueue.global().async { [self] in self.drain() }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitExit()
        }
        close(master)
    }

    /// The running executable (`/proc/self/exe`), else argv[0].
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Bytes written to the terminal so far.
    var outputBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    /// Writes `text` as the user's keys.
    func send(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let n = data[offset...].withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Waits until nothing was written for `quietMilliseconds` (at most `limit` seconds);
    /// returns false on the limit.
    @discardableResult
    func waitQuiet(quietMilliseconds: Int, limit: Double = 10) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            lock.lock()
            let last = lastOutput
            let done = readerDone
            lock.unlock()
            if done || now >= last + UInt64(quietMilliseconds) * 1_000_000 { return true }
            if now >= deadline { return false }
            usleep(5_000)
        }
    }

    /// Waits until more than `count` bytes were written in all (at most `limit` seconds);
    /// returns false on the limit.
    @discardableResult
    func waitForOutput(beyond count: Int, limit: Double = 5) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
        while outputBytes <= count {
            if DispatchTime.now().uptimeNanoseconds >= deadline { return false }
            usleep(1_000)
        }
        return true
    }

    /// User plus system CPU time in clock ticks (/proc/PID/stat fields 14 and 15).
    func cpuTicks() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After "pid (comm)": state is field 3, so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// A /proc/PID/status memory figure in kB ("VmRSS", "VmHWM").
    func memory(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// Waits for the program to exit and returns its wait status (as from waitpid).
    @discardableResult
    func waitExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = status
        return status
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            lock.lock()
            if n > 0 {
                bytes += n
                lastOutput = DispatchTime.now().uptimeNanoseconds
            } else {
                readerDone = true
            }
            lock.unlock()
            if n <= 0 { return }
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
