import FuturesModel

/// Live playback of a script: which step is shown, whether it is paused, and where the
/// timeline stands. Pure: it lives in `State`, `reduce` moves it on with the clock the
/// shell reports (`Action.tick`, in milliseconds), and the shell waits
/// `millisecondsUntilNext` between events.
public struct DemoSession: Sendable, Equatable {
    public let script: DemoScript
    /// Quit when the demo has played to its end (`demo --exit`).
    public let exitAtEnd: Bool
    public private(set) var steps: [DemoStep]
    /// How many steps have been applied.
    public private(set) var applied = 0
    public private(set) var paused = false
    /// The presenter changed the state while paused: the rest is replayed from there.
    public var presenterActed = false
    private var anchorTimeline = 0
    private var anchorClock: Int

    public init(script: DemoScript, state: State, now: Int, exitAtEnd: Bool = false) {
        self.script = script
        self.exitAtEnd = exitAtEnd
        steps = DemoPlayer.steps(script, from: state)
        anchorClock = now
    }

    public var finished: Bool { applied >= steps.count }

    /// The number of captions, and which one is showing (0 before the first).
    public var captionCount: Int { steps.filter(\.isCaption).count }
    public var currentCaption: Int { steps.prefix(applied).filter(\.isCaption).count }

    /// "step 3/9", with "paused" while paused.
    public var progress: String {
        "step \(currentCaption)/\(captionCount)" + (paused ? " paused" : "")
    }

    /// Applies every step that is due; a `pause` step stops playback there.
    public mutating func advance(_ state: inout State, now: Int) {
        guard !paused else { return }
        let position = anchorTimeline + (now - anchorClock)
        while applied < steps.count, steps[applied].at <= position {
            show(applied, on: &state)
            if steps[applied - 1].isPause {
                paused = true
                anchorTimeline = steps[applied - 1].at
                break
            }
        }
        state.demo.progress = progress
    }

    /// How long until the next step is due; nil when paused or finished.
    public func millisecondsUntilNext(now: Int) -> Int? {
        guard !paused, applied < steps.count else { return nil }
        return max(0, steps[applied].at - (anchorTimeline + (now - anchorClock)))
    }

    /// Space: pause, or resume (replaying the rest from the presenter's state if they acted).
    public mutating func togglePause(_ state: inout State, now: Int) {
        if paused {
            if presenterActed, applied > 0, applied < steps.count {
                let last = steps[applied - 1]
                steps.removeSubrange(applied...)
                steps += DemoPlayer.steps(script, from: state, first: last.command + 1, start: last.at)
            }
            presenterActed = false
            paused = false
            anchorClock = now
        } else {
            paused = true
            anchorTimeline = applied > 0 ? steps[applied - 1].at : 0
        }
        state.demo.progress = progress
    }

    /// `n`: jumps to the next caption (or to the end).
    public mutating func nextCaption(_ state: inout State, now: Int) {
        let target = steps.indices.first { $0 >= applied && steps[$0].isCaption } ?? (steps.count - 1)
        jump(to: target, &state, now: now)
    }

    /// `b`: goes back to the previous caption, with the state as it was there.
    public mutating func previousCaption(_ state: inout State, now: Int) {
        let captions = steps.indices.filter { $0 < applied && steps[$0].isCaption }
        guard let target = captions.count >= 2 ? captions[captions.count - 2] : captions.first else { return }
        jump(to: target, &state, now: now)
    }

    private mutating func jump(to index: Int, _ state: inout State, now: Int) {
        guard steps.indices.contains(index) else { return }
        show(index, on: &state)
        presenterActed = false
        anchorTimeline = steps[index].at
        anchorClock = now
        state.demo.progress = progress
    }

    /// Shows step `index` (`DemoStep.show`: what the shell owns stays).
    private mutating func show(_ index: Int, on state: inout State) {
        steps[index].show(on: &state)
        applied = index + 1
    }
}
