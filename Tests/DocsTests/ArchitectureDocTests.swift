import Foundation
import TestSupport
import Testing

/// docs/ARCHITECTURE.md stays true: every module, folder and file it names exists, and
/// every module of the package is on its map.
@Suite("docs/ARCHITECTURE.md")
struct ArchitectureDocTests {
    static let root = ExternalTool.repository
    static let text =
        (try? String(contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)) ?? ""

    /// Every text between backticks.
    static var quoted: [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }

    static var modules: [String] {
        let sources = root.appendingPathComponent("Sources").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []).sorted()
    }

    /// Every file under Sources, by name.
    static var sourceFiles: Set<String> {
        let sources = root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(atPath: sources.path)
        var names = Set<String>()
        while let path = walker?.nextObject() as? String { names.insert((path as NSString).lastPathComponent) }
        return names
    }

    @Test("every module of the package is named on the map, and every module named exists")
    func modules() throws {
        try #require(!Self.text.isEmpty, "docs/ARCHITECTURE.md is missing")
        let quoted = Set(Self.quoted)
        for module in Self.modules { #expect(quoted.contains(module), "\(module) is not on the map") }
        // The table's first column: one module per row.
        let rows = Self.text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count >= 8)
        for row in rows {
            let name = row.split(separator: "`")[1]
            #expect(Self.modules.contains(String(name)), "the map names \(name), which is no module")
        }
    }

    @Test("every path and Swift file it names exists")
    func paths() throws {
        try #require(!Self.text.isEmpty)
        let files = Self.sourceFiles
        var checked = 0
        for quote in Self.quoted {
            if quote.hasPrefix("Sources/") || quote.hasPrefix("Tests/") || quote.hasPrefix("scripts/") {
                let path = Self.root.appendingPathComponent(quote).path
                #expect(FileManager.default.fileExists(atPath: path), "\(quote) does not exist")
                checked += 1
            } else if quote.hasSuffix(".swift"), !quote.contains(" ") {
                #expect(files.contains(quote), "no file \(quote) under Sources")
                checked += 1
            }
        }
        #expect(checked >= 15, "the page names the files of a keypress's path")
    }
}
