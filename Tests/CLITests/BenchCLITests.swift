import Foundation
import Testing

/// `twofutures bench`: timings, the process bench, the soak, the parser's memory.
@Suite("twofutures bench")
struct BenchCLITests {
    @Test("bench prints one JSON object of timings")
    func bench() throws {
        let result = try CLI.run(["bench", "--members", "500"])
        #expect(result.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in [
            "deterministic_run_ms", "full_update_ms", "ensemble_ms", "ensemble_1thread_ms", "ensemble_scaling",
            "robust_ms", "map_ms", "first_band_ms", "settle_ms", "threads",
        ] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        // Key to the whole screen final across worlds: measured, so above zero.
        #expect((doc["settle_ms"] as? Double ?? -1) > 0)
        #expect((doc["ensemble_ms"] as? Double ?? -1) > 0)
        // The ratio of the two ensemble timings, not a third timing.
        let single = doc["ensemble_1thread_ms"] as? Double ?? 0, ensemble = doc["ensemble_ms"] as? Double ?? 1
        #expect(abs((doc["ensemble_scaling"] as? Double ?? 0) - single / ensemble) < 0.01 * single / ensemble + 0.006)
        #expect(doc["members"] as? Int == 500)
    }

    @Test("bench --process measures the dashboard itself on a pseudo-terminal; --soak the memory under random keys")
    func benchProcess() throws {
        let result = try CLI.run(["bench", "--members", "200", "--process", "--idle-seconds", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        // Real measurements, not timings checked against a clock: each one happened.
        #expect((doc["startup_p50_ms"] as? Double ?? 0) > 0)
        #expect((doc["startup_max_ms"] as? Double ?? 0) >= (doc["startup_p50_ms"] as? Double ?? 1))
        #expect((doc["idle_cpu_percent"] as? Double ?? -1) >= 0)
        #expect(doc["idle_bytes"] as? Int == 0, "the idle dashboard wrote to the terminal")
        #expect((doc["peak_rss_mb"] as? Double ?? 0) > 1)
        #expect((doc["peak_rss_all_views_mb"] as? Double ?? 0) >= (doc["peak_rss_mb"] as? Double ?? 1))
        #expect((doc["bytes_per_arrow_key"] as? Double ?? 0) > 100, "an arrow key redraws the lever and the charts")
        let soak = try CLI.run(["bench", "--soak", "3", "--format", "table"])
        #expect(soak.status == 0, "\(soak.stderr)")
        #expect(soak.stdout.contains("RSS growth after the warm-up"))
        #expect(soak.stdout.contains("soak: keys sent"))
        let bad = try CLI.run(["bench", "--soak", "-1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("twofutures: --soak must be a number of seconds"))
    }

    @Test("20,000 scenario parses grow the resident size by less than 6 MB (in a process of its own)")
    func noLeak() throws {
        let result = try CLI.run(["bench", "--parses", "20000"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let growth = try #require(doc["parse_rss_growth_kb"] as? Double)
        #expect(doc["parses"] as? Double == 20_000)
        #expect(growth < 6 * 1024, "VmRSS grew \(growth) kB")
        let bad = try CLI.run(["bench", "--parses", "0"])
        #expect(bad.status == 64)
    }
}
