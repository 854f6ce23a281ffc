import Dashboard
import FuturesModel

/// A demo that tests itself (`demo FILE --check`): the script is played with no terminal
/// and no waiting, and at each `expect "text"` the screen the audience would see there
/// (every job the screen asks for answered, as the live dashboard shows once its worker
/// has delivered) must show the text.
public enum DemoCheck {
    /// One `expect` whose text the screen does not show.
    public struct Miss: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let text: String
        /// The screen at that point, as text.
        public let screen: String

        public var description: String { "\(file):\(line): expected \"\(text)\" on screen" }
    }

    /// The outcome of a check: how many `expect` lines held, and the first miss, if any.
    public struct Report: Sendable, Equatable {
        public var held: Int
        public var miss: Miss?
    }

    /// Plays `script` from `initial` and checks its `expect` lines in order, stopping at the
    /// first miss.
    public static func run(_ script: DemoScript, from initial: State, runtime: Runtime) -> Report {
        let steps = DemoPlayer.steps(script, from: initial)
        var held = 0
        var next = 0  // the first step not yet shown
        var state = initial
        for (index, line) in script.lines.enumerated() {
            guard case .expect(let text) = line.command else { continue }
            while next < steps.count, steps[next].command < index {
                steps[next].show(on: &state)
                next += 1
            }
            let screen = DemoHeadless.screen(state, runtime: runtime)
            guard shows(screen, text) else {
                return Report(
                    held: held, miss: Miss(file: script.file, line: line.line, text: text, screen: screen.text))
            }
            held += 1
        }
        return Report(held: held, miss: nil)
    }

    /// Whether `screen` shows `text`: on one row, or across rows (a caption wraps), with
    /// runs of spaces counted as one.
    public static func shows(_ screen: Screen, _ text: String) -> Bool {
        let wanted = collapsed(text)
        guard !wanted.isEmpty else { return true }
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map { collapsed(String($0)) }
        if rows.contains(where: { $0.contains(wanted) }) { return true }
        return rows.joined(separator: " ").contains(wanted)
    }

    /// `text` with every run of whitespace as one space, and none at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
