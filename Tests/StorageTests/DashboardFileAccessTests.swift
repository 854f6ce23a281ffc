import Foundation
import Testing

/// Dashboard is pure: it never touches a file. Storage does that for it.
@Suite("Dashboard touches no file")
struct DashboardFileAccessTests {
    static let dashboard = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Dashboard").standardized

    /// The file APIs looked for, Foundation's, C's and POSIX's, as regular expressions (not
    /// with `\b`: to Unicode word boundaries `text.write` is one word). `open(` counts only
    /// as a call of its own (`Foundation.open(`, `Glibc.open(`, a bare `open(`), not as the
    /// end of another name (`reopen(`, `isOpen(`) or a member (`.open(`).
    static let forbidden: [(name: String, pattern: String)] = [
        ("FileManager", #"FileManager"#),
        ("FileHandle", #"FileHandle"#),
        ("fopen", #"(?:^|\W)fopen\s*\("#),
        ("open(", #"(?:^|[^\w.])open\s*\("#),
        ("Foundation.open", #"(?:^|\W)(?:Foundation|Glibc|Darwin)\.open\s*\("#),
        ("contentsOfFile", #"contentsOfFile"#),
        ("contentsOf: a URL", #"(?:^|\W)(?:String|Data)\s*\(\s*contentsOf:"#),
        ("write(to", #"(?:^|\W)write\s*\(\s*to(?:File)?:"#),
        ("Bundle", #"(?:^|\W)Bundle\."#),
    ]

    /// The lines of `text` that use a forbidden API, comments left out.
    static func offences(in text: String) -> [String] {
        var found = [String]()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.firstRange(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
            for (name, pattern) in forbidden where code.contains(try! Regex(pattern)) {
                found.append("line \(number + 1): \(name): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test("no Swift file under Sources/Dashboard uses a file API")
    func noFileAPI() throws {
        let walker = try #require(FileManager.default.enumerator(atPath: Self.dashboard.path))
        var files = 0
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files += 1
            let text = try String(contentsOf: Self.dashboard.appendingPathComponent(relative), encoding: .utf8)
            for offence in Self.offences(in: text) { Issue.record("Sources/Dashboard/\(relative) \(offence)") }
        }
        #expect(files > 20, "no Dashboard sources found at \(Self.dashboard.path)")
    }

    @Test("the check finds each API and passes names that only contain open(")
    func checkItself() {
        let bad = [
            "FileManager.default.fileExists(atPath: p)", "let f = fopen(p, \"r\")", "let fd = open(p, O_RDONLY)",
            "Foundation.open(p, 0)", "try String(contentsOfFile: p)", "Data(contentsOf: url)",
            "try text.write(to: url, atomically: true, encoding: .utf8)", "text.write(toFile: p, atomically: true)",
        ]
        for line in bad { #expect(!Self.offences(in: line).isEmpty, "\(line)") }
        let fine = [
            "terminal.reopen(x)", "if isOpen(list) {}", "state.open(list)", "case .open(let path):",
            "// the caller may open(2) the file", "array.append(contentsOf: more)", "screen.write(text, x: 1)",
        ]
        for line in fine { #expect(Self.offences(in: line).isEmpty, "\(line)") }
    }
}
