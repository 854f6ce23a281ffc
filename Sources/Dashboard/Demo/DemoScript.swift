import FuturesModel
import TOML

/// One command of a `.demo` script (docs/demos.md).
public enum DemoCommand: Sendable, Equatable {
    /// Shows `text` in the caption box until the next caption.
    case caption(String)
    /// Presses `key` `count` times, waiting `delayMilliseconds` before each press.
    case key(Key, count: Int, delayMilliseconds: Int)
    /// Selects a slider.
    case select(ParameterID)
    /// Moves a slider to a value, animated.
    case set(ParameterID, Double)
    /// Applies a lever preset.
    case preset(Preset)
    /// Switches to a theme by name (checked against the available themes by the shell).
    case theme(String)
    /// Applies a lens by id: all ten assumptions in one step (checked against the lenses
    /// found by `resolvingLenses`).
    case lens(String)
    /// Waits.
    case sleep(milliseconds: Int)
    /// Waits for the presenter.
    case pause
    /// The screen size for headless runs.
    case size(width: Int, height: Int)
    /// Starts a chapter: a place `]`, `[` and `<n>G` jump to; the spotlight goes off.
    case chapter(String)
    /// A speaker note for the step before it (shown by `twofutures notes`, never on the
    /// audience's screen).
    case note(String)
    /// Dims every panel but one (nil: `focus off`).
    case focus(Spotlight?)
    /// Asks the room a question and waits for the presenter: the numbers the next step
    /// changes show `?` until Space, then that step plays and its change is highlighted.
    case predict(String)
    /// Plays the last change again: back to the state before it, then the change.
    case replay
    /// The screen shows `text` here (`demo FILE --check` fails otherwise).
    case expect(String)
    /// How long the talk is planned to last, in seconds (the notes' countdown).
    case duration(seconds: Int)
}

/// What the spotlight (`focus NAME`) can point at: a chart, a panel or a bar.
public enum Spotlight: String, Sendable, Equatable, CaseIterable, Codable {
    /// The charts: the US lead, the compute share, US-stack adoption, China's inflow.
    case lead, compute, adoption, sources
    /// "What moves it", the answer view, the sliders, the outcome bar, the map.
    case moves, answer, sliders, outcome, map
}

extension DemoCommand {
    /// Whether the command can change what the screen shows (a `predict` hides the numbers
    /// until the first of these after it has played).
    public var changesState: Bool {
        switch self {
        case .key, .set, .preset, .lens, .replay: true
        default: false
        }
    }
}

/// A command and the line it came from.
public struct DemoLine: Sendable, Equatable {
    public var command: DemoCommand
    /// 1-based.
    public var line: Int

    public init(_ command: DemoCommand, line: Int) {
        self.command = command
        self.line = line
    }
}

/// A parsed `.demo` file.
public struct DemoScript: Sendable, Equatable {
    /// The file name used in error messages.
    public var file: String
    public var lines: [DemoLine]
    /// The lenses `lens` commands name: the compiled-in seven unless `resolvingLenses`
    /// gave the ones found.
    public var lenses: [Lens]
    /// The talk's planned length given on the command line (`--duration`), which wins over
    /// the script's `duration`.
    public var plannedDuration: Int?

    public init(file: String, lines: [DemoLine], lenses: [Lens] = Lens.builtIn) {
        self.file = file
        self.lines = lines
        self.lenses = lenses
    }

    /// The chapters' titles, in order.
    public var chapters: [String] {
        lines.compactMap { if case .chapter(let title) = $0.command { title } else { nil } }
    }

    /// The notes of each caption, chapter or `predict` (by its index in `lines`): the `note`
    /// lines after it, up to the next of those.
    public var notesByCommand: [Int: [String]] {
        var notes: [Int: [String]] = [:]
        var owner: Int?
        for (i, line) in lines.enumerated() {
            switch line.command {
            case .caption, .chapter, .predict: owner = i
            case .note(let text): if let owner { notes[owner, default: []].append(text) }
            default: break
            }
        }
        return notes
    }

    /// How many chapters start before the command at `index`.
    public func chapterNumber(before index: Int) -> Int {
        lines.prefix(index).filter { if case .chapter = $0.command { true } else { false } }.count
    }

    /// The talk's planned length (the last `duration` command), if any.
    public var duration: Int? {
        if let plannedDuration { return plannedDuration }
        for line in lines.reversed() {
            if case .duration(let seconds) = line.command { return seconds }
        }
        return nil
    }

    /// The last `size` command's size, if any.
    public var size: (width: Int, height: Int)? {
        for line in lines.reversed() {
            if case .size(let w, let h) = line.command { return (w, h) }
        }
        return nil
    }

    /// Checks `theme` commands against the names available; the error is `FILE:LINE: …`.
    public func validateThemes(_ names: [String]) throws {
        for line in lines {
            if case .theme(let name) = line.command, !names.contains(name) {
                throw DemoError(
                    file: file, line: line.line,
                    "unknown theme '\(sanitized(untrusted: name))'; expected one of: \(names.joined(separator: ", "))")
            }
        }
    }

    /// The script with `lenses` (the lenses found) to play its `lens` commands with; a
    /// command naming none of them is `FILE:LINE: unknown lens …`.
    public func resolvingLenses(_ lenses: [Lens]) throws(DemoError) -> DemoScript {
        for line in lines {
            if case .lens(let id) = line.command, !lenses.contains(where: { $0.id == id }) {
                throw DemoError(file: file, line: line.line, Lens.unknown(id, among: lenses.map(\.id)).message)
            }
        }
        var script = self
        script.lenses = lenses
        return script
    }
}

/// A bad `.demo` file: `FILE:LINE: what was wrong and what was expected`.
public struct DemoError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
