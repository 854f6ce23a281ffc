import Dashboard
import Formats
import Foundation
import FuturesModel
import Shell
import Terminal
import Testing

/// The notes socket in-process: where it lives and who may open it, a server and its
/// clients, what happens when either side goes away, and stale sockets.
@Suite("Notes socket", .serialized)
struct NotesTests {
    /// A fresh private folder under /tmp (short: a socket path has at most 107 bytes).
    static func folder() -> String {
        let path = "/tmp/tf-notes-\(UUID().uuidString.prefix(8))"
        mkdir(path, 0o700)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    static func snapshot(
        step: Int, caption: String = "A caption", elapsed: Int = 0, demo: String = "talk.demo"
    ) -> PresenterSnapshot {
        PresenterSnapshot(
            demo: demo, chapter: "Start", chapterNumber: 1, chapterCount: 2, step: step, steps: 5,
            caption: caption, notes: ["say hello"], elapsedMilliseconds: elapsed, durationSeconds: 1200)
    }

    /// The next snapshot on `connection`, within 5 s.
    static func next(_ connection: NotesConnection) -> PresenterSnapshot? {
        if case .snapshot(let s) = connection.next(timeoutMilliseconds: 5000) { return s }
        return nil
    }

    /// Waits up to 5 s for `condition`.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }

    @Test("the folder is $XDG_RUNTIME_DIR/twofutures, else /tmp/twofutures-UID when it is unset or unusable")
    func pathRules() {
        let runtime = Self.folder()
        defer { Self.remove(runtime) }
        #expect(NotesSocket.directory(environment: ["XDG_RUNTIME_DIR": runtime], uid: 1000) == runtime + "/twofutures")
        #expect(NotesSocket.directory(environment: [:], uid: 1000) == "/tmp/twofutures-1000")
        #expect(NotesSocket.directory(environment: ["XDG_RUNTIME_DIR": ""], uid: 7) == "/tmp/twofutures-7")
        #expect(NotesSocket.directory(environment: ["XDG_RUNTIME_DIR": "relative/dir"], uid: 7) == "/tmp/twofutures-7")
        #expect(
            NotesSocket.directory(environment: ["XDG_RUNTIME_DIR": runtime + "/missing"], uid: 7) == "/tmp/twofutures-7"
        )
        #expect(NotesSocket.path(in: "/run/user/1000/twofutures", pid: 42) == "/run/user/1000/twofutures/demo-42.sock")
    }

    @Test("the server makes the folder 0700 and the socket 0600, and removes the socket on stop")
    func modesAndRemoval() throws {
        let base = Self.folder()
        defer { Self.remove(base) }
        let directory = base + "/twofutures"
        let server = try NotesServer(directory: directory, pid: 4242)
        #expect(server.path == directory + "/demo-4242.sock")
        #expect(Self.mode(directory) == 0o700)
        #expect(Self.mode(server.path) == 0o600)
        var info = stat()
        #expect(lstat(server.path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK)
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.path))
        server.stop()  // twice is fine
        // An existing folder with a looser mode is made private.
        chmod(directory, 0o755)
        let again = try NotesServer(directory: directory, pid: 4243)
        #expect(Self.mode(directory) == 0o700)
        again.stop()
        // A file where the folder should be is refused.
        let file = base + "/file"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        #expect(throws: NotesError.self) { try NotesServer(directory: file, pid: 1) }
    }

    @Test("a client gets the current snapshot at once, then each change; not the same moment twice")
    func clientFollows() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let server = try NotesServer(directory: directory, pid: 5001) {}
        defer { server.stop() }
        #expect(!server.wantsSnapshot)
        server.publish(Self.snapshot(step: 1))  // nobody listens: nothing kept
        let connection = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.wantsSnapshot })
        server.publish(Self.snapshot(step: 1))
        #expect(Self.next(connection)?.step == 1)
        // Only the time changed: nothing is sent.
        server.publish(Self.snapshot(step: 1, elapsed: 5000))
        server.publish(Self.snapshot(step: 2, caption: "Second"))
        let second = Self.next(connection)
        #expect(second?.step == 2 && second?.caption == "Second")
        // A second client gets the current one at once, with the time brought forward.
        let other = try NotesConnection(path: server.path)
        let first = Self.next(other)
        #expect(first?.step == 2)
        #expect(Self.eventually { server.clientCount == 2 })
        server.publish(Self.snapshot(step: 3))
        #expect(Self.next(connection)?.step == 3)
        #expect(Self.next(other)?.step == 3)
    }

    @Test("a client that leaves does not break the server; the others go on")
    func clientLeaves() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let server = try NotesServer(directory: directory, pid: 5002)
        defer { server.stop() }
        var leaving: NotesConnection? = try NotesConnection(path: server.path)
        let staying = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.clientCount == 2 })
        server.publish(Self.snapshot(step: 1))
        #expect(Self.next(staying)?.step == 1)
        leaving = nil
        #expect(leaving == nil)
        #expect(Self.eventually { server.clientCount == 1 })
        server.publish(Self.snapshot(step: 2))
        #expect(Self.next(staying)?.step == 2)
        // A client that never reads is dropped once its socket is full; the server never blocks.
        let stuck = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.clientCount == 2 })
        let started = Date()
        for i in 0..<5000 { server.publish(Self.snapshot(step: i, caption: String(repeating: "x", count: 500))) }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(Self.eventually { server.clientCount < 2 })
        _ = stuck
    }

    @Test("when the server goes, the client reads the end")
    func serverGoes() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let server = try NotesServer(directory: directory, pid: 5003)
        let connection = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.wantsSnapshot })
        server.publish(Self.snapshot(step: 1))
        #expect(Self.next(connection)?.step == 1)
        server.stop()
        #expect(connection.next(timeoutMilliseconds: 5000) == .closed)
    }

    @Test("two servers are both listed with their demo's name; a stale socket is skipped and removed")
    func listing() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let a = try NotesServer(directory: directory, pid: 5004)
        defer { a.stop() }
        let b = try NotesServer(directory: directory, pid: 5005) {}
        defer { b.stop() }
        // A stale socket: bound, never listened on, its (made-up) process long gone.
        let stale = NotesSocket.path(in: directory, pid: 2_000_000_000)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(stale.utf8))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(fd)
        #expect(bound == 0 && FileManager.default.fileExists(atPath: stale))
        // Each server answers a new client with a snapshot (the session publishes on the wake-up).
        let publishA = Publisher(a, step: 1, demo: "a.demo"), publishB = Publisher(b, step: 1, demo: "b.demo")
        defer {
            publishA.stop()
            publishB.stop()
        }
        let running = NotesChoice.running(in: directory)
        #expect(
            running.map(\.choice) == [NotesChoice(pid: 5004, demo: "a.demo"), NotesChoice(pid: 5005, demo: "b.demo")])
        #expect(!FileManager.default.fileExists(atPath: stale), "the stale socket is removed")
        #expect(NotesChoice.running(in: directory, pid: 5005).map(\.choice.pid) == [5005])
        #expect(NotesChoice.running(in: directory + "/none").isEmpty)
    }

    @Test("the client waits, follows the one demo, says when it closed, and asks which of two")
    func clientStates() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let client = NotesClient(directory: directory, pollMilliseconds: 50)
        client.start()
        defer { client.stop() }
        #expect(Self.eventually { client.view.status == .waiting(pid: nil) })
        let server = try NotesServer(directory: directory, pid: 5006)
        let publishing = Publisher(server, step: 4)
        #expect(Self.eventually { client.view.status == .following && client.view.snapshot?.step == 4 })
        publishing.stop()
        server.stop()
        #expect(Self.eventually { client.view.status == .closed })
        let one = try NotesServer(directory: directory, pid: 5007)
        let two = try NotesServer(directory: directory, pid: 5008)
        let p1 = Publisher(one, step: 1), p2 = Publisher(two, step: 2)
        defer {
            p1.stop()
            p2.stop()
            one.stop()
            two.stop()
        }
        #expect(
            Self.eventually {
                client.view.status
                    == .choosing([NotesChoice(pid: 5007, demo: "talk.demo"), NotesChoice(pid: 5008, demo: "talk.demo")])
            })
        #expect(!client.choose(3))
        #expect(client.choose(2))
        #expect(Self.eventually { client.view.status == .following && client.view.snapshot?.step == 2 })
    }

    @Test("with --pid the client follows that demo among two, and waits while it is not running")
    func clientWithPid() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let one = try NotesServer(directory: directory, pid: 5020)
        let p1 = Publisher(one, step: 1)
        defer {
            p1.stop()
            one.stop()
        }
        let client = NotesClient(directory: directory, pid: 5021, pollMilliseconds: 50)
        client.start()
        defer { client.stop() }
        #expect(Self.eventually { client.view.status == .waiting(pid: 5021) })
        let two = try NotesServer(directory: directory, pid: 5021)
        let p2 = Publisher(two, step: 2)
        defer {
            p2.stop()
            two.stop()
        }
        #expect(Self.eventually { client.view.status == .following && client.view.snapshot?.step == 2 })
    }

    @Test("the client's clock runs on from the snapshot, and stops at the demo's end")
    func clientClock() {
        let now = ContinuousClock.now
        var view = NotesClient.View(
            status: .following, snapshot: Self.snapshot(step: 1, elapsed: 60_000), receivedAt: now)
        #expect(view.elapsedMilliseconds(at: now + .seconds(3)) == 63_000)
        view.snapshot?.finished = true
        view.snapshot?.paused = true  // waiting at the last pause: the talk goes on
        #expect(view.elapsedMilliseconds(at: now + .seconds(3)) == 63_000)
        view.snapshot?.paused = false
        #expect(view.elapsedMilliseconds(at: now + .seconds(3)) == 60_000)
    }

    @Test("a live session sends its demo's steps to a connected client, and the end marked finished")
    func sessionPublishes() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let server = try NotesServer(directory: directory, pid: 5010)
        defer { server.stop() }
        let connection = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.wantsSnapshot })
        let script = try DemoParser.parse(
            "chapter \"Intro\"\ncaption \"one\"\nnote \"say one\"\npause\ncaption \"two\"\nnote \"say two\"\npause\n",
            file: "/talks/talk.demo")
        let backend = MemoryBackend(
            width: 120, height: 36,
            script: [.advance(milliseconds: 100)] + MemoryBackend.keys(.character("n")) + [.advance(milliseconds: 100)]
                + MemoryBackend.keys(.character("n"), .character(" ")) + [.advance(milliseconds: 100)])
        let options = SessionOptions(
            scenario: Scenario(), settings: EnsembleSettings(members: 0), threads: 1, themes: Theme.builtIn,
            themeIndex: 0, demo: script, notes: server)
        var session = Session(options: options, backend: backend, effects: SessionTests.Recorder()) { backend.now }
        _ = session.run()
        server.stop()  // as App does: the client then reads to the end
        var received: [PresenterSnapshot] = []
        while case .snapshot(let snapshot) = connection.next(timeoutMilliseconds: 5000) { received.append(snapshot) }
        #expect(received.first?.demo == "talk.demo")
        #expect(received.contains { $0.caption == "one" && $0.notes == ["say one"] && $0.chapter == "Intro" })
        #expect(received.contains { $0.caption == "two" && $0.notes == ["say two"] && $0.step == 2 })
        #expect(received.last?.finished == true, "\(received)")
        #expect(received.last?.caption == nil)
    }

    @Test("with no client the loop's check costs nothing measurable; with one, an unchanged snapshot little")
    func cost() throws {
        let directory = Self.folder()
        defer { Self.remove(directory) }
        let server = try NotesServer(directory: directory, pid: 5011)
        defer { server.stop() }
        let clock = ContinuousClock()
        let rounds = 100_000
        var wanted = 0
        let idle = clock.measure {
            for _ in 0..<rounds where server.wantsSnapshot { wanted += 1 }
        }
        #expect(wanted == 0)
        // A 40-caption script with notes, loaded in the dashboard's state.
        let text = (1...40).map { "chapter \"C\($0)\"\ncaption \"Caption \($0)\"\nnote \"Note \($0)\"\npause" }
            .joined(separator: "\n")
        var state = State(width: 120, height: 36)
        _ = reduce(&state, .demoLoaded(try DemoParser.parse(text, file: "big.demo"), exitAtEnd: false))
        let connection = try NotesConnection(path: server.path)
        #expect(Self.eventually { server.wantsSnapshot })
        let busyRounds = 10_000
        let busy = clock.measure {
            for _ in 0..<busyRounds {
                if server.wantsSnapshot, let snapshot = state.demo.presenterSnapshot { server.publish(snapshot) }
            }
        }
        #expect(Self.next(connection)?.caption == "Caption 1")
        let idleNanoseconds =
            (Double(idle.components.seconds) * 1e9 + Double(idle.components.attoseconds) / 1e9) / Double(rounds)
        let busyMicroseconds =
            (Double(busy.components.seconds) * 1e6 + Double(busy.components.attoseconds) / 1e12)
            / Double(busyRounds)
        print("notes cost per loop: no client \(idleNanoseconds) ns; a client, nothing changed \(busyMicroseconds) µs")
        #expect(idleNanoseconds < 1000)
        #expect(busyMicroseconds < 200)
    }

    /// Publishes a snapshot every 10 ms on a thread, as the session's loop does.
    final class Publisher: @unchecked Sendable {
        private let lock = NSLock()
        private var running = true

        init(_ server: NotesServer, step: Int, demo: String = "talk.demo") {
            Thread { [self] in
                while isRunning {
                    server.publish(NotesTests.snapshot(step: step, demo: demo))
                    Thread.sleep(forTimeInterval: 0.01)
                }
            }.start()
        }

        var isRunning: Bool {
            lock.lock()
            defer { lock.unlock() }
            return running
        }

        func stop() {
            lock.lock()
            running = false
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.03)
        }
    }
}
