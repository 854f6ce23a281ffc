import Dashboard
import Foundation
import FuturesModel
import Testing

/// Parsing must not leak: TOMLKit never freed its C++ table, about 1.2 KB a parse, and the
/// `o` list parses every saved scenario each time it opens.
@Suite("TOML memory")
struct TOMLMemoryTests {
    /// This process's resident size in kB, from /proc/self/status.
    static func residentKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst(6).split(whereSeparator: \.isWhitespace).first ?? "")
        }
        return nil
    }

    @Test("20,000 scenario parses grow the resident size by less than 6 MB")
    func noLeak() throws {
        let text = ScenarioFile(name: "Memory", notes: "two\nlines", scenario: Scenario()).toml
        // Warm up first, so allocator pools and caches are already in place.
        for _ in 0..<2_000 { _ = try ScenarioFile.parse(text, path: "m.toml") }
        let before = try #require(Self.residentKB())
        var names = 0
        for _ in 0..<20_000 { names += try ScenarioFile.parse(text, path: "m.toml").name.count }
        let after = try #require(Self.residentKB())
        print("TOML memory: 20000 parses, VmRSS \(before) kB -> \(after) kB (\(after - before) kB)")
        #expect(names == 20_000 * 6)
        #expect(after - before < 6 * 1024, "VmRSS grew \(after - before) kB")
    }
}
