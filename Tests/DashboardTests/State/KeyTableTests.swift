import Dashboard
import Foundation
import FuturesModel
import Testing

/// The key table is the one source of the reducer's match, the status bar's hints, the
/// help overlay and the key table of docs/dashboard.md.
@Suite("Key table")
struct KeyTableTests {
    static let guideURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../docs/dashboard.md").standardized

    static var guide: String { (try? String(contentsOf: guideURL, encoding: .utf8)) ?? "" }

    @Test("the key table of docs/dashboard.md is the key table (RECORD_SNAPSHOTS=1 writes it in)")
    func guideTable() throws {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            // Replaces the table that starts with the header row, up to the blank line after it.
            let text = Self.guide
            if let start = text.range(of: "| key | does |\n"),
                let end = text.range(of: "\n\n", range: start.lowerBound..<text.endIndex)
            {
                let updated = text.replacingCharacters(
                    in: start.lowerBound..<end.lowerBound, with: KeyTable.markdown.dropLast())
                try updated.write(to: Self.guideURL, atomically: true, encoding: .utf8)
            }
        }
        #expect(
            Self.guide.contains(KeyTable.markdown), "docs/dashboard.md is out of date: run with RECORD_SNAPSHOTS=1")
    }

    @Test("no key is bound twice in one context")
    func unique() {
        for context in KeyContext.allCases {
            let keys = KeyTable.bindings.filter { $0.contexts.contains(context) }.flatMap { $0.keys.map(\.key) }
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test("the help overlay shows every binding of the dashboard and the map view, at 120×36 with whole keys")
    func help() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("?")))
        let screen = render(state, Analysis(state.scenario)).text
        for binding in KeyTable.documented {
            #expect(screen.contains(binding.label), "\(binding.label)")
        }
        for (key, _) in HelpOverlay.legend { #expect(screen.contains(key), "\(key)") }
        var small = State(width: 80, height: 24)
        reduce(&small, .keyPressed(.char("?")))
        let compact = render(small, Analysis(small.scenario)).text
        for binding in KeyTable.documented {
            #expect(compact.contains(binding.short), "\(binding.short)")
        }
    }

    @Test("the status bar's hints are the table's, by rank, as far as they fit")
    func hints() {
        let screen = render(State(width: 200, height: 60), Analysis(Scenario()))
        let bar = screen.line(59)
        var at = bar.startIndex
        // The essential ones always; the others in rank order until the first that does not fit.
        var cut = false
        for hint in KeyTable.hints {
            let text = "\(hint.keys) \(hint.what)"
            if cut && !hint.essential {
                #expect(!bar.contains(text), "\(text) shown after a hint that did not fit: \(bar)")
                continue
            }
            guard let found = bar.range(of: text, range: at..<bar.endIndex) else {
                #expect(!hint.essential, "\(text) missing or out of order in \(bar)")
                cut = true
                continue
            }
            at = found.upperBound
        }
        #expect(KeyTable.hints.prefix(12).allSatisfy { bar.contains("\($0.keys) \($0.what)") }, "\(bar)")
    }

    @Test("every command of the normal context does something, or asks the shell for something")
    func everyCommandActs() {
        // Two states, so that a command that is a no-op in one (3 at the status quo, Esc
        // with no chart enlarged) shows what it does in the other.
        var plain = State(width: 120, height: 36)
        plain.view.selection = 1
        var busy = plain
        reduce(&busy, .keyPressed(.char("2")))
        reduce(&busy, .keyPressed(.char("p")))
        reduce(&busy, .mouse(.click(x: busy.layout.charts[0].rect.x + 2, y: busy.layout.charts[0].rect.y + 2)))
        #expect(busy.view.chartEnlarged)
        for binding in KeyTable.bindings(in: .normal) {
            for key in binding.keys {
                let acts = [plain, busy].contains { start in
                    var state = start
                    let effects = reduce(&state, .keyPressed(key.key))
                    return state != start || !effects.isEmpty
                }
                #expect(acts, "\(key.key) → \(key.command) did nothing")
            }
        }
    }
}
