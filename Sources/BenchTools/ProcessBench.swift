import Dispatch
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// The dashboard measured as a process on a 120×36 pseudo-terminal, with figures from
/// /proc: what a user's terminal and machine see.
public enum ProcessBench {
    /// The arrow keys as xterm sends them in keypad-transmit mode (what the dashboard asks for).
    static let right = "\u{1B}OC"
    static let left = "\u{1B}OD"

    /// The budgets of memory (issue 22), which hold with every view working: the peak RSS,
    /// and the RSS growth over a soak after its first minute (`soakWarmUp`).
    static let peakBudgetMB = 64.0
    static let growthBudgetMB = 2.0
    /// Seconds of soak before the RSS that the growth is measured from: by then the draw
    /// caches and the workspaces are as full as they get.
    static let soakWarmUp = 60.0

    /// Startup, idle CPU, peak RSS (the ensemble alone, then every view open) and bytes per
    /// arrow keypress.
    public static func measure(idleSeconds: Double) throws(BenchError) -> [Figure] {
        // 1. Startup to the first frame: start, draw one frame, quit (so an upper bound).
        var starts: [Double] = []
        for _ in 0..<10 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let session = try PtySession(["dashboard", "--exit-after-first-frame"])
            let status = session.waitExit()
            let t1 = DispatchTime.now().uptimeNanoseconds
            session.waitQuiet(quietMilliseconds: 50, limit: 2)
            guard status == 0, session.outputBytes > 1000 else {
                throw BenchError("bench: the dashboard did not draw a frame (wait status \(status))")
            }
            starts.append(Double(t1 - t0) / 1e6)
        }
        starts.sort()

        // 2. One session: settle, idle, then arrow keys.
        let data = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let session = try settledDashboard(data: data)
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let quietBytes = session.outputBytes
        guard let cpu0 = session.cpuTicks() else {
            throw BenchError("bench: cannot read /proc/\(session.pid)/stat")
        }
        let idleStart = DispatchTime.now().uptimeNanoseconds
        usleep(UInt32(idleSeconds * 1e6))
        let idleWall = Double(DispatchTime.now().uptimeNanoseconds - idleStart) / 1e9
        let cpu1 = session.cpuTicks() ?? cpu0
        let idleBytes = session.outputBytes - quietBytes
        let idleCPU = Double(cpu1 - cpu0) / ticks / idleWall * 100
        var perKey: [Int] = []
        for i in 0..<20 {
            let before = session.outputBytes
            session.send(i % 2 == 0 ? right : left)
            guard session.waitForOutput(beyond: before) else {
                throw BenchError("bench: the dashboard did not answer an arrow key")
            }
            session.waitQuiet(quietMilliseconds: 250, limit: 5)
            perKey.append(session.outputBytes - before)
        }
        let peak = session.memory("VmHWM") ?? 0
        // 3. Every view open and working: the levers across worlds (`a a`), the map (`m`),
        // the ensemble; then keys that rerun them all, in new worlds too (`v`, a lens).
        for key in ["a", "a", "m"] + (0..<20).map({ [right, left, "v"][$0 % 3] }) {
            let before = session.outputBytes
            session.send(key)
            session.waitForOutput(beyond: before, limit: 2)
            session.waitQuiet(quietMilliseconds: 500, limit: 10)
        }
        let peakAll = session.memory("VmHWM") ?? 0
        // q quits from the map view too (an Esc just before it would make Alt-q).
        session.send("q")
        let status = session.waitExit()
        guard status == 0 else {
            throw BenchError("bench: the dashboard exited with wait status \(status)")
        }
        return [
            Figure(
                "startup_p50_ms", "startup to first frame (10 starts), p50", ms: starts[starts.count / 2], goal: 100),
            Figure("startup_max_ms", "startup to first frame (10 starts), max", ms: starts.last!, goal: 100),
            Figure(
                "idle_cpu_percent", "idle CPU over \(Int(idleSeconds.rounded())) s (/proc)", value: idleCPU, unit: "%",
                goal: 0.5, decimals: 3),
            Figure("idle_bytes", "bytes written while idle", count: idleBytes, unit: "B"),
            Figure(
                "peak_rss_mb", "peak RSS (VmHWM), 10,000-member ensemble", value: Double(peak) / 1024, unit: "MB",
                goal: peakBudgetMB, decimals: 2),
            Figure(
                "peak_rss_all_views_mb", "peak RSS (VmHWM), map + across worlds + ensemble open",
                value: Double(peakAll) / 1024, unit: "MB", goal: peakBudgetMB, decimals: 2),
            Figure(
                "bytes_per_arrow_key", "bytes written per arrow keypress (+ its ensemble frame)",
                value: Double(perKey.reduce(0, +)) / Double(perKey.count), unit: "B", decimals: 0),
        ]
    }

    /// RSS over `seconds` of random keys (about 50 a second): the growth after the first
    /// minute (`soakWarmUp`; half the soak when it is shorter than two), and the peak.
    public static func soak(seconds: Double) throws(BenchError) -> [Figure] {
        let data = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let session = try settledDashboard(data: data)
        // Every key the dashboard knows except the ways out (q, Ctrl-C, Ctrl-Z), so every
        // view runs (the map, the levers across worlds, lenses that draw new worlds); s and
        // e write into a temporary data folder.
        let keys = [
            right, left, "\u{1B}OA", "\u{1B}OB", "\u{1B}[C", "\u{1B}[D", "\u{1B}[1;2C", "\u{1B}[1;2D", "\u{1B}[H",
            "\u{1B}[F", "\t", "\u{1B}[Z",
            "h", "j", "k", "l", "H", "L", "1", "2", "3", "u", "\u{12}", "r", "p", "P", "c", "C", "t", "T", "a",
            "g", "e", "s", "o", "y", "?", "\r", "\u{1B}", "\u{7F}", "x", "\u{0C}", "\u{1B}[5~", "\u{1B}[6~",
            "\u{1B}[<0;30;10M\u{1B}[<0;30;10m", "\u{1B}[<64;80;10M", "\u{1B}[<65;80;10M", "m", "v", "V", "z",
        ]
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: random >> 33)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var samples: [(Double, Int)] = []
        var sent = 0
        var nextSample = 0.0
        while elapsed() < seconds {
            if elapsed() >= nextSample, let rss = session.memory("VmRSS") {
                samples.append((elapsed(), rss))
                nextSample += 5
            }
            session.send(keys[next() % keys.count])
            sent += 1
            usleep(20_000)
            if session.exitStatus != nil { break }
        }
        guard let end = session.memory("VmRSS") else {
            throw BenchError("bench: the dashboard exited during the soak")
        }
        let peak = session.memory("VmHWM") ?? end
        // Leave any prompt, then quit.
        session.send("\u{1B}")
        session.send("\u{1B}")
        usleep(100_000)
        session.send("q")
        if !session.waitQuiet(quietMilliseconds: 300, limit: 3) || kill(session.pid, 0) == 0 { session.send("\u{03}") }
        let status = session.waitExit()
        guard status == 0 else {
            throw BenchError("bench: the dashboard exited with wait status \(status)")
        }
        let warmUp = min(soakWarmUp, seconds / 2)
        let warm = samples.first { $0.0 >= warmUp } ?? samples.last ?? (elapsed(), end)
        return [
            Figure("soak_seconds", "soak: random keys, seconds", value: elapsed(), unit: "s", decimals: 0),
            Figure("soak_keys", "soak: keys sent", count: sent),
            Figure(
                "rss_after_warmup_mb", "RSS \(Int(warm.0.rounded())) s in", value: Double(warm.1) / 1024, unit: "MB",
                decimals: 2),
            Figure("rss_end_mb", "RSS at the end", value: Double(end) / 1024, unit: "MB", decimals: 2),
            Figure(
                "rss_growth_mb", "RSS growth after the warm-up (\(Int(warm.0.rounded())) s)",
                value: Double(end - warm.1) / 1024, unit: "MB", goal: growthBudgetMB, decimals: 2),
            Figure(
                "peak_rss_mb", "peak RSS (VmHWM)", value: Double(peak) / 1024, unit: "MB", goal: peakBudgetMB,
                decimals: 2),
        ]
    }

    /// The dashboard started with `data` as its XDG_DATA_HOME (saves and exports go
    /// there), once its first frames are drawn and it has gone quiet.
    static func settledDashboard(data: String) throws(BenchError) -> PtySession {
        let session = try PtySession(["dashboard"], environment: ["XDG_DATA_HOME": data])
        guard session.waitQuiet(quietMilliseconds: 1000, limit: 20) else {
            throw BenchError("bench: the dashboard never went quiet after starting")
        }
        return session
    }

    /// A fresh data folder for the dashboard under test, removed by the caller.
    static func temporaryFolder() throws(BenchError) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("twofutures-bench-\(getpid())").path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw BenchError("bench: cannot create \(path): \(error)")
        }
        return path
    }
}
