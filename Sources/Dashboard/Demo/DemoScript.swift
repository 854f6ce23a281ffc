import FuturesModel
import TOML

/// One command of a `.demo` script (README "Demos").
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

    public init(file: String, lines: [DemoLine], lenses: [Lens] = Lens.builtIn) {
        self.file = file
        self.lines = lines
        self.lenses = lenses
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
