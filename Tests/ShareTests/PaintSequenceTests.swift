import Dashboard
import Foundation
import Share
import Shell
import Terminal
import TestSupport
import Testing

/// A long, seeded sequence of screens, palette changes, size changes and Ctrl-Ls, diffed by
/// the `FramePainter` and written as terminal bytes by the `ANSIWriter`: the bytes must stay
/// those in Snapshots/ansi-sequence.txt, recorded from the writer as it was when it kept
/// the last frame and made the diff itself.
@Suite("Paint sequence")
struct PaintSequenceTests {
    /// One step of the sequence.
    enum Step {
        case screen(Screen)
        case palette(TerminalPalette)
        case invalidate
    }

    static let palettes: [TerminalPalette] = [
        DemoCast.palette(.dark), DemoCast.palette(.light), .monochrome(roles: Bridge.roles.count),
    ]

    /// A screen of random cells.
    static func randomScreen(width: Int, height: Int, _ rng: inout SeededGenerator) -> Screen {
        var screen = Screen(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { screen[x, y] = randomCell(&rng) }
        }
        return screen
    }

    static func randomCell(_ rng: inout SeededGenerator) -> Cell {
        let characters: [Character] = ["a", "b", "Z", " ", "─", "⣿", "⠁", "é", "\u{1B}", "e\u{301}"]
        let roles: [Role] = [.foreground, .muted, .accent, .future1, .background, .warning, .band]
        var flags = CellFlags()
        if rng.chance(0.2) { flags.insert(.bold) }
        if rng.chance(0.15) { flags.insert(.dim) }
        if rng.chance(0.15) { flags.insert(.reverse) }
        let background: Role? = rng.chance(0.7) ? nil : rng.pick([.selection, .accent, .future2])
        return Cell(rng.pick(characters), Style(rng.pick(roles), flags, background: background))
    }

    /// The seeded sequence: mostly a few changed cells, now and then nothing changed, a new
    /// palette (sometimes the same one), a new size, a Ctrl-L or a whole new screen.
    static func steps(seed: UInt64 = 22, count: Int = 160) -> [Step] {
        var rng = SeededGenerator(seed: seed)
        let sizes = [(6, 3), (9, 2), (4, 4)]
        var screen = randomScreen(width: 6, height: 3, &rng)
        var steps = [Step.screen(screen)]
        for _ in 1..<count {
            let roll = rng.below(100)
            if roll < 8 {
                let (w, h) = rng.pick(sizes)
                screen = randomScreen(width: w, height: h, &rng)
            } else if roll < 16 {
                steps.append(.palette(rng.pick(palettes)))
            } else if roll < 22 {
                steps.append(.invalidate)
            } else if roll < 27 {
                screen = randomScreen(width: screen.width, height: screen.height, &rng)
            } else {
                for _ in 0..<rng.below(5) {
                    screen[rng.below(screen.width), rng.below(screen.height)] = randomCell(&rng)
                }
            }
            steps.append(.screen(screen))
        }
        return steps
    }

    /// The bytes of every screen of `steps`, one line each, ESC written as `\e`.
    static func bytes(_ steps: [Step], colors: ANSIWriter.Colors) -> String {
        var painter = FramePainter(palette: palettes[0])
        var writer = ANSIWriter(palette: palettes[0], colors: colors)
        var lines = [String]()
        for step in steps {
            switch step {
            case .screen(let screen): lines.append(writer.paint(painter.update(screen)))
            case .palette(let palette):
                painter.setPalette(palette)
                writer.palette = palette
            case .invalidate: painter.invalidate()
            }
        }
        let escaped = lines.map {
            $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{1B}", with: "\\e")
        }
        return escaped.joined(separator: "\n")
    }

    @Test("the bytes of a seeded sequence of frames are those recorded, in truecolor and in 256 colours")
    func recorded() throws {
        let steps = Self.steps()
        let text =
            "truecolor\n" + Self.bytes(steps, colors: .truecolor) + "\n256\n" + Self.bytes(steps, colors: .xterm256)
            + "\n"
        let file = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
            .appendingPathComponent("Snapshots/ansi-sequence.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == text, "Snapshots/ansi-sequence.txt differs:\n\(firstDifference(stored, text))")
    }

    /// The first differing line of two texts.
    func firstDifference(_ want: String, _ got: String) -> String {
        let a = want.split(separator: "\n", omittingEmptySubsequences: false)
        let b = got.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) where i >= a.count || i >= b.count || a[i] != b[i] {
            let x = i < a.count ? String(a[i]) : "<none>"
            let y = i < b.count ? String(b[i]) : "<none>"
            return "line \(i + 1)\n want: \(x)\n  got: \(y)"
        }
        return "(same lines)"
    }
}
