import Foundation
import TestSupport
import Testing

/// The README and the guides in docs/ hold together: every relative Markdown link leads to
/// a file that exists, and every `#anchor` to a heading of its target (GitHub's anchors);
/// the README links every guide and fits on a screen.
@Suite("links in README.md and docs/")
struct DocsLinkTests {
    static let root = ExternalTool.repository

    /// README.md and every Markdown file of docs/, by path from the root.
    static var pages: [String] {
        let docs = root.appendingPathComponent("docs").path
        let guides = ((try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        return ["README.md"] + guides.map { "docs/\($0)" }
    }

    static func text(_ page: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
    }

    /// The lines outside fenced code blocks, with their numbers from 1.
    static func prose(_ text: String) -> [(number: Int, line: Substring)] {
        var fenced = false
        var lines = [(number: Int, line: Substring)]()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " }).hasPrefix("```") {
                fenced.toggle()
            } else if !fenced {
                lines.append((index + 1, line))
            }
        }
        return lines
    }

    /// GitHub's anchor for a heading: lower case, each space a `-`, punctuation dropped
    /// (letters, digits, `-` and `_` stay).
    static func anchor(_ heading: String) -> String {
        var anchor = String.UnicodeScalarView()
        for scalar in heading.lowercased().unicodeScalars {
            if scalar == " " {
                anchor.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
            {
                anchor.append(scalar)
            }
        }
        return String(anchor)
    }

    /// The anchors of a page's headings; a repeated heading gets `-1`, `-2`, … as on GitHub.
    static func anchors(_ text: String) -> Set<String> {
        var seen = [String: Int]()
        var anchors = Set<String>()
        for (_, line) in prose(text) {
            guard let heading = line.wholeMatch(of: /[#]{1,6} +(.+?)[ #]*/) else { continue }
            let base = anchor(String(heading.1))
            let count = seen[base, default: 0]
            anchors.insert(count == 0 ? base : "\(base)-\(count)")
            seen[base] = count + 1
        }
        return anchors
    }

    /// The targets of the links (and images) on a line, code spans left out.
    static func links(_ line: Substring) -> [String] {
        let outsideCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        return outsideCode.matches(of: /\]\(([^)\s]+)(?: +"[^"]*")?\)/).map { String($0.1) }
    }

    @Test("GitHub's anchors: lower case, spaces to -, punctuation dropped")
    func anchorRule() {
        #expect(
            Self.anchor("5. Headless output (`twofutures run --format json`)")
                == "5-headless-output-twofutures-run---format-json")
        #expect(
            Self.anchor("Lenses, the levers across worlds and the map: v, a, m")
                == "lenses-the-levers-across-worlds-and-the-map-v-a-m")
        #expect(Self.anchors("# A\n```\n# Not a heading\n```\n## A\n") == ["a", "a-1"])
    }

    @Test("every relative link leads to a file that exists, and every #anchor to a heading there")
    func relativeLinks() throws {
        var checked = 0
        for page in Self.pages {
            let text = try #require(Self.text(page), "\(page) cannot be read")
            let folder = Self.root.appendingPathComponent(page).deletingLastPathComponent()
            for (number, line) in Self.prose(text) {
                for link in Self.links(line) where !link.contains("://") && !link.hasPrefix("mailto:") {
                    checked += 1
                    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    let path = String(parts[0])
                    let target =
                        path.isEmpty
                        ? Self.root.appendingPathComponent(page)
                        : folder.appendingPathComponent(path).standardized
                    guard FileManager.default.fileExists(atPath: target.path) else {
                        Issue.record("\(page):\(number): \(link): no file \(target.path)")
                        continue
                    }
                    guard parts.count == 2 else { continue }
                    let fragment = String(parts[1])
                    let heads = (try? String(contentsOf: target, encoding: .utf8)).map(Self.anchors) ?? []
                    if !heads.contains(fragment) {
                        Issue.record(
                            "\(page):\(number): \(link): no heading for #\(fragment) in \(target.lastPathComponent)")
                    }
                }
            }
        }
        #expect(checked >= 20, "only \(checked) relative links found")
    }

    @Test("the README links every guide in docs/")
    func everyGuideLinked() throws {
        let readme = try #require(Self.text("README.md"))
        for guide in Self.pages.dropFirst() {
            #expect(
                readme.contains("](\(guide))") || readme.contains("](\(guide)#"), "README.md does not link \(guide)")
        }
    }

    @Test("the README fits on a screen: at most 300 lines")
    func readmeLength() throws {
        let readme = try #require(Self.text("README.md"))
        let lines =
            readme.split(separator: "\n", omittingEmptySubsequences: false).count - (readme.hasSuffix("\n") ? 1 : 0)
        #expect(lines <= 300, "README.md has \(lines) lines")
    }
}
