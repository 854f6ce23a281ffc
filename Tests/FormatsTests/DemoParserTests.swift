import Dashboard
import Formats
import Foundation
import FuturesModel
import Testing

/// The `.demo` format: parsing, error fixtures, the shipped demos, record → play.
@Suite("Demo files")
struct DemoParserTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures/demos").path
    static let shipped = root.appendingPathComponent("../../Demos").standardized.path

    @Test("every command parses, with durations, counts, delays and quoted captions")
    func parsesEveryCommand() throws {
        let text = """
            # a comment
            size 100x30
            caption "Say \\"hi\\""

            key Right 6 @120ms
            key Ctrl-R
            key Space 2
            key ?
            select control_leakage
            set export_controls 90%
            set china_price_advantage 20
            preset future1
            theme light
            sleep 1.5s
            pause
            """
        let script = try DemoParser.parse(text, file: "t.demo")
        #expect(
            script.lines == [
                DemoLine(.size(width: 100, height: 30), line: 2),
                DemoLine(.caption("Say \"hi\""), line: 3),
                DemoLine(.key(.right, count: 6, delayMilliseconds: 120), line: 5),
                DemoLine(.key(.ctrl("r"), count: 1, delayMilliseconds: DemoParser.defaultKeyDelay), line: 6),
                DemoLine(.key(.char(" "), count: 2, delayMilliseconds: DemoParser.defaultKeyDelay), line: 7),
                DemoLine(.key(.char("?"), count: 1, delayMilliseconds: DemoParser.defaultKeyDelay), line: 8),
                DemoLine(.select(.assumption(.controlLeakage)), line: 9),
                DemoLine(.set(.lever(.exportControls), 0.9), line: 10),
                DemoLine(.set(.assumption(.chinaPriceAdvantage), 20), line: 11),
                DemoLine(.preset(.future1), line: 12),
                DemoLine(.theme("light"), line: 13),
                DemoLine(.sleep(milliseconds: 1500), line: 14),
                DemoLine(.pause, line: 15),
            ])
        #expect(script.size?.width == 100 && script.size?.height == 30)
        #expect(try DemoParser.duration("150ms") == 150)
        #expect(try DemoParser.duration("2s") == 2000)
    }

    @Test("the presenter's commands parse: chapter, note, focus, predict, replay, expect, duration")
    func parsesPresenterCommands() throws {
        let text = """
            chapter "What does waiting cost?"
            note "Ask the room first."
            focus moves
            caption "a"
            predict "What will a one-year delay cost?"
            set policy_start 2027-01
            replay
            expect "P(F1)"
            focus off
            duration 1h30m
            """
        let script = try DemoParser.parse(text, file: "p.demo")
        #expect(
            script.lines.map(\.command) == [
                .chapter("What does waiting cost?"), .note("Ask the room first."), .focus(.moves), .caption("a"),
                .predict("What will a one-year delay cost?"), .set(.policyStart, 12), .replay, .expect("P(F1)"),
                .focus(nil), .duration(seconds: 5400),
            ])
        #expect(script.chapters == ["What does waiting cost?"])
        #expect(script.duration == 5400)
        #expect(script.notesByCommand == [0: ["Ask the room first."]])
        for (word, seconds) in [("20m", 1200), ("90s", 90), ("1h", 3600), ("1m30s", 90), ("24h", 86_400)] {
            #expect(try DemoParser.talkLength(word) == seconds, "\(word)")
        }
        for word in ["20", "m", "0s", "25h", "1m1m", "-5m", "1.5h", "20min"] {
            #expect(throws: InputError.self, "\(word)") { try DemoParser.talkLength(word) }
        }
        for target in Spotlight.allCases {
            #expect(try DemoParser.command("focus \(target.rawValue)") == .focus(target))
        }
    }

    @Test("every key name reads back as itself")
    func keyNamesRoundTrip() throws {
        let keys: [Key] =
            DemoParser.keyNames.map(\.key) + [.char("a"), .char("H"), .char("1"), .char("#"), .ctrl("r")]
        for key in keys { #expect(try DemoParser.keyName(DemoParser.name(of: key)) == key) }
    }

    @Test("each error fixture gives its exact FILE:LINE message")
    func errorFixtures() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).filter {
            $0.hasSuffix(".demo")
        }
        #expect(files.count >= 16)
        for file in files.sorted() {
            let text = try String(contentsOfFile: "\(Self.fixtures)/\(file)", encoding: .utf8)
            let first = text.split(separator: "\n").first.map(String.init) ?? ""
            let want = String(first.dropFirst("# expect: ".count))
            #expect(throws: DemoError.self, "\(file)") { try DemoParser.parse(text, file: file) }
            do {
                _ = try DemoParser.parse(text, file: file)
            } catch let error as DemoError {
                #expect(error.description == want, "\(file)")
            }
        }
    }

    @Test("an unknown theme is reported at its line")
    func unknownTheme() throws {
        let script = try DemoParser.parse("caption \"x\"\ntheme neon\n", file: "d.demo")
        #expect(throws: DemoError(file: "d.demo", line: 2, "unknown theme 'neon'; expected one of: dark, light")) {
            try script.validateThemes(["dark", "light"])
        }
    }

    @Test("record → play: recorded keys, written and parsed back, give the same final state")
    func recordRoundTrip() throws {
        let keys: [(Key, Int)] = [
            (.down, 0), (.right, 400), (.right, 520), (.right, 640), (.shiftLeft, 900), (.tab, 1500), (.end, 2100),
            (.char("2"), 2600), (.char("u"), 3000), (.ctrl("r"), 3300), (.char("a"), 3900), (.char("c"), 4200),
            (.char(" "), 4300), (.char("#"), 4400), (.char("t"), 4500),
        ]
        var recorder = DemoRecorder()
        var direct = State(width: 120, height: 36)
        for (key, at) in keys {
            recorder.record(key, at: at)
            reduce(&direct, .keyPressed(key))
        }
        let script = try DemoParser.parse(recorder.text, file: "recorded.demo")
        let played = DemoPlayer.finalState(script, from: State(width: 120, height: 36))
        #expect(played == direct)
        #expect(recorder.text.contains("key Right 2 @120ms"))
        let steps = DemoPlayer.steps(script, from: State(width: 120, height: 36))
        #expect(steps.last?.at == 4500)
    }

    @Test("the shipped demos parse and use only the built-in themes")
    func shippedDemosParse() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.shipped).filter { $0.hasSuffix(".demo") }
        #expect(files.contains("quick.demo"))
        for file in files {
            let text = try String(contentsOfFile: "\(Self.shipped)/\(file)", encoding: .utf8)
            let script = try DemoParser.parse(text, file: file)
            try script.validateThemes(Theme.builtIn.map(\.name))
            #expect(script.lines.contains { if case .caption = $0.command { true } else { false } })
        }
    }
}
