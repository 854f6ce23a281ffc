import Dashboard
import Foundation
import Share
import Shell
import Terminal
import Testing

/// The asciicast v2 text, and the recorder that fills it from frames.
@Suite("Asciicast")
struct AsciicastTests {
    static func lines(_ cast: Asciicast) throws -> [Any] {
        try cast.text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
    }

    @Test("the header and every event are one line of JSON each, in a fixed form")
    func format() throws {
        let cast = Asciicast(
            header: Asciicast.Header(width: 80, height: 24, title: "Say \"hi\"", term: "xterm-256color"),
            events: [
                Asciicast.Event(time: 0, data: "\u{1B}[0m→\\"),
                Asciicast.Event(time: 1_500_000, kind: .resize, data: "100x30"),
                Asciicast.Event(time: 61_000_001, data: "\n\t\u{7F}"),
            ])
        #expect(
            cast.text == """
                {"version": 2, "width": 80, "height": 24, "title": "Say \\"hi\\"", "env": {"TERM": "xterm-256color"}}
                [0.000000, "o", "\\u001b[0m→\\\\"]
                [1.500000, "r", "100x30"]
                [61.000001, "o", "\\n\\t\\u007f"]

                """)
        let parsed = try Self.lines(cast)
        let header = try #require(parsed.first as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["title"] as? String == "Say \"hi\"")
        let last = try #require(parsed.last as? [Any])
        #expect(last[2] as? String == "\n\t\u{7F}")
    }

    @Test("a recording's start time goes into the header")
    func timestamp() {
        let cast = Asciicast(header: Asciicast.Header(width: 2, height: 1, term: "xterm", timestamp: 1_700_000_000))
        #expect(
            cast.text
                == "{\"version\": 2, \"width\": 2, \"height\": 1, \"timestamp\": 1700000000, \"env\": {\"TERM\": \"xterm\"}}\n"
        )
    }

    @Test("the recorder: an event per changed frame, times that never go back, resizes, a last event")
    func recorder() throws {
        let palette = TerminalPalette(background: nil, roles: [RGB(1, 2, 3)])
        var recorder = CastRecorder(header: Asciicast.Header(width: 2, height: 1, term: "xterm"), palette: palette)
        var painter = FramePainter(palette: palette)
        func record(_ lines: [String], at time: Int) { recorder.record(painter.update(Screen(lines: lines)), at: time) }
        func setPalette(_ palette: TerminalPalette) {
            painter.setPalette(palette)
            recorder.setPalette(palette)
        }
        record(["ab"], at: 0)
        record(["aX"], at: 10)
        record(["aX"], at: 12)
        record(["ab"], at: 5)
        record(["ab", "cd"], at: 20)
        setPalette(palette)
        record(["ab", "cd"], at: 30)
        setPalette(.monochrome(roles: 1))
        record(["ab", "cd"], at: 40)
        recorder.finish(at: 50)
        let events = recorder.cast.events
        #expect(events.map(\.time) == [0, 10, 10, 20, 20, 40, 50])
        #expect(events.map(\.kind) == [.output, .output, .output, .resize, .output, .output, .output])
        #expect(events[1].data.contains("X") && !events[1].data.contains("\u{1B}[2J"))
        #expect(events[2].data.contains("b"))
        #expect(events[3].data == "2x2")
        #expect(events[4].data.contains("\u{1B}[2J") && events[5].data.contains("\u{1B}[2J"))
        #expect(events[6].data == "")
    }

    @Test("record --cast's backend: every call reaches the terminal, every frame the cast, at its time from the first")
    func castingBackend() {
        let memory = MemoryBackend(width: 2, height: 1, script: [])
        var now = 5_000
        let backend = CastingBackend(
            memory, palette: TerminalPalette(background: nil, roles: [RGB(1, 2, 3)]), term: "xterm-256color",
            title: "t", timestamp: 1_700_000_000
        ) { now }
        var painter = FramePainter()
        painter.paint(Screen(lines: ["ab"]), on: backend)
        now += 250_000
        painter.paint(Screen(lines: ["aX"]), on: backend)
        painter.invalidate()
        now += 1_000_000
        painter.paint(Screen(lines: ["aX"]), on: backend)
        now += 500_000
        let cast = backend.cast
        #expect(memory.frames.count == 3 && memory.updates.map(\.full) == [true, false, true])
        #expect(memory.lastScreen == "aX")
        #expect(cast.header.width == 2 && cast.header.height == 1 && cast.header.timestamp == 1_700_000_000)
        #expect(cast.events.map(\.time) == [0, 250_000, 1_250_000, 1_750_000])
        #expect(cast.events[2].data.contains("\u{1B}[2J"), "Ctrl-L repaints the cast too")
        #expect(cast.events[3].data.isEmpty, "the last screen holds until the end")
    }
}
