import Dashboard
import Formats
import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsers' leak check (`bench --parses N`): this process parses a scenario file N
/// times and reports how much its resident size grew. TOMLKit, the library we replaced,
/// never freed a parsed table (about 1.2 KB a parse), and the `o` list parses every saved
/// scenario each time it opens. Run in a process of its own, so that nothing else moves
/// the figure.
public enum ParseBench {
    /// This process's resident size in kB, from /proc/self/status.
    static func residentKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst(6).split(whereSeparator: \.isWhitespace).first ?? "")
        }
        return nil
    }

    /// Parses `parses` times after a warm-up of a tenth as many; the growth in kB, with a
    /// budget of 6 MB.
    public static func figures(parses: Int) throws(BenchError) -> [Figure] {
        let text = ScenarioFile(name: "Memory", notes: "two\nlines", scenario: Scenario()).toml
        var names = 0
        func parse() throws(BenchError) {
            do {
                names += try ScenarioFile.parse(text, path: "m.toml").name.count
            } catch {
                throw BenchError("the scenario file did not parse: \(error)")
            }
        }
        // Warm up first, so that allocator pools and caches are already in place.
        for _ in 0..<max(1, parses / 10) { try parse() }
        guard let before = residentKB() else { throw BenchError("cannot read /proc/self/status") }
        for _ in 0..<parses { try parse() }
        guard let after = residentKB(), names > 0 else { throw BenchError("cannot read /proc/self/status") }
        return [
            Figure("parses", "scenario files parsed", count: parses),
            Figure("parse_rss_before_kb", "RSS before", count: before, unit: "kB"),
            Figure("parse_rss_growth_kb", "RSS growth over the parses", count: after - before, unit: "kB", goal: 6144),
        ]
    }
}
