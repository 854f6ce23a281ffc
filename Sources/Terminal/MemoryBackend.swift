import Locks

/// A terminal in memory for tests (ratatui's `TestBackend`): it plays a script of events,
/// keeps every update painted (and the whole frame it leaves) and every clipboard copy, and keeps its own clock, which moves
/// only where the script says so. The main loop runs against it in-process.
public final class MemoryBackend: TerminalBackend, @unchecked Sendable {
    /// One step of the script.
    public enum Step: Equatable, Sendable {
        /// This event arrives, when the program next waits: each gets a frame of its own.
        case event(TerminalEvent)
        /// This event is already pending, like keys typed ahead: it arrives even while the
        /// program only looks (timeout 0), in the same frame as the one before.
        case typedAhead(TerminalEvent)
        /// Waits (up to 30 s of real time) until something calls `wake()`, then delivers
        /// `.wake`: for example until an ensemble has finished.
        case waitForWake
        /// Delivers `.wake`s as results arrive (up to 30 s of real time) until the screen
        /// shows `text`: for example until the last of several jobs is in.
        case waitForText(String)
        /// The clock moves on by this many milliseconds while the program waits.
        case advance(milliseconds: Int)
    }

    /// Every update painted, in order.
    public private(set) var updates: [FrameUpdate] = []
    /// The whole frame shown after each update.
    public private(set) var frames: [TerminalFrame] = []
    public private(set) var copied: [String] = []
    public private(set) var palettes: [TerminalPalette] = []
    public var size: (width: Int, height: Int)
    /// The script's clock, in milliseconds.
    public var now: Int { condition.withLock { clock } }

    private var script: [Step]
    private var clock = 0
    private var wakes = 0
    private let condition = Condition()

    public init(width: Int, height: Int, script: [Step]) {
        size = (width, height)
        self.script = script
    }

    /// Keys as events, in order.
    public static func keys(_ keys: TerminalKey...) -> [Step] { keys.map { .event(.key($0)) } }

    /// The last frame's characters, one line per row.
    public var lastScreen: String {
        guard let frame = frames.last else { return "" }
        return (0..<frame.height).map { y in String((0..<frame.width).map { frame[$0, y].character }) }
            .joined(separator: "\n")
    }

    public func setPalette(_ palette: TerminalPalette) { palettes.append(palette) }
    public func paint(_ update: FrameUpdate) {
        updates.append(update)
        frames.append(TerminalFrame(update, over: frames.last))
    }
    public func copyToClipboard(_ text: String) { copied.append(text) }

    public var waker: @Sendable () -> Void { { [self] in wake() } }

    /// Makes a waiting `nextEvent` return `.wake`.
    public func wake() {
        condition.withLock {
            wakes += 1
            condition.broadcast()
        }
    }

    /// The script's next event. When the script has run out the terminal goes away: the
    /// program gets SIGHUP as a quit.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        condition.lock()
        defer { condition.unlock() }
        while let step = script.first {
            switch step {
            case .event(let event), .typedAhead(let event):
                if case .event = step, timeoutMilliseconds == 0 { return nil }
                script.removeFirst()
                if case .resize(let w, let h) = event { size = (w, h) }
                return event
            case .waitForWake:
                // Nothing is pending yet for a program that only looks (timeout 0): it has
                // still to draw, and to ask for what will wake it.
                if timeoutMilliseconds == 0 && wakes == 0 { return nil }
                let deadline = ContinuousClock.now.advanced(by: .seconds(30))
                while wakes == 0 && condition.wait(until: deadline) {}
                script.removeFirst()
                if wakes > 0 { wakes -= 1 }
                return .wake
            case .waitForText(let text):
                if lastScreen.contains(text) {
                    script.removeFirst()
                    continue
                }
                if timeoutMilliseconds == 0 && wakes == 0 { return nil }
                let deadline = ContinuousClock.now.advanced(by: .seconds(30))
                while wakes == 0 && condition.wait(until: deadline) {}
                if wakes > 0 { wakes -= 1 } else { script.removeFirst() }  // gave up: the test sees why
                return .wake
            case .advance(let ms):
                if timeoutMilliseconds == 0 { return nil }
                if timeoutMilliseconds < 0 || Int(timeoutMilliseconds) >= ms {
                    clock += ms
                    script.removeFirst()
                    if timeoutMilliseconds >= 0 { return nil }
                } else {
                    clock += Int(timeoutMilliseconds)
                    script[0] = .advance(milliseconds: ms - Int(timeoutMilliseconds))
                    return nil
                }
            }
        }
        return timeoutMilliseconds == 0 ? nil : .quit(signal: 1)
    }
}
