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
    /// The steps as the script plays them from its start: chapter jumps restore these.
    private let original: [DemoStep]
    /// The steps where each chapter starts, in `original`.
    public let chapterStarts: [Int]
    /// Digits typed in front of `G` (`3G` jumps to chapter 3).
    public private(set) var typedNumber = ""
    /// The clock when the demo started (for the presenter's elapsed time).
    public let startedAt: Int
    /// The talk's planned length in seconds (`--duration`, else the script's `duration`).
    public var durationSeconds: Int?
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
        let played = DemoPlayer.steps(script, from: state)
        steps = played
        original = played
        chapterStarts = played.indices.filter { played[$0].isChapter }
        anchorClock = now
        startedAt = now
        durationSeconds = script.duration
    }

    /// How long the change a `predict` step revealed stays highlighted.
    public static let revealMilliseconds = 2500

    /// The chapter shown (1-based; 0 before the first) and how many there are.
    public var currentChapter: Int { applied > 0 ? steps[applied - 1].cue.chapterNumber : 0 }
    public var chapterCount: Int { chapterStarts.count }

    public var finished: Bool { applied >= steps.count }

    /// The number of captions, and which one is showing (0 before the first).
    public var captionCount: Int { steps.filter(\.isCaption).count }
    public var currentCaption: Int { steps.prefix(applied).filter(\.isCaption).count }

    /// "ch 2/5 · step 3/9", with "paused" while paused ("Space reveals" at a `predict`), and
    /// the chapter number being typed.
    public var progress: String {
        var text = chapterCount > 0 ? "ch \(currentChapter)/\(chapterCount) · " : ""
        let predicting = paused && applied > 0 && steps[applied - 1].cue.prediction != nil
        let end = finished && paused
        text +=
            "step \(currentCaption)/\(captionCount)"
            + (end ? " · the end: Space leaves the demo" : predicting ? " · Space reveals" : paused ? " paused" : "")
        if !typedNumber.isEmpty { text = "chapter \(typedNumber)… G jumps · " + text }
        return text
    }

    /// Applies every step that is due; a `pause` step stops playback there.
    public mutating func advance(_ state: inout State, now: Int) {
        guard !paused else { return }
        let position = anchorTimeline + (now - anchorClock)
        while applied < steps.count, steps[applied].at <= position {
            show(applied, on: &state)
            if steps[applied - 1].isPause {
                holdHere()
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
            holdHere()
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

    /// `]`: jumps to the next chapter's start, with the state it had in the script.
    public mutating func nextChapter(_ state: inout State, now: Int) {
        guard let target = chapterStarts.first(where: { $0 >= applied }) else {
            say(&state, chapterCount == 0 ? "This demo has no chapters." : "This is the last chapter.")
            return
        }
        jumpToChapterStart(target, &state, now: now)
    }

    /// `[`: jumps to the previous chapter's start (from the first chapter, to the demo's start).
    public mutating func previousChapter(_ state: inout State, now: Int) {
        let current = currentChapter
        guard current > 1 else {
            guard !original.isEmpty else { return }
            jumpToChapterStart(0, &state, now: now)
            return
        }
        jumpToChapterStart(chapterStarts[current - 2], &state, now: now)
    }

    /// `<n>G`: jumps to chapter `number`'s start; past the end, a message says how many there are.
    public mutating func goToChapter(_ number: Int, _ state: inout State, now: Int) {
        guard (1...max(1, chapterCount)).contains(number), chapterCount > 0 else {
            say(
                &state,
                chapterCount == 0
                    ? "This demo has no chapters."
                    : "No chapter \(number): this demo has \(chapterCount) (l lists them).")
            state.demo.progress = progress
            return
        }
        jumpToChapterStart(chapterStarts[number - 1], &state, now: now)
    }

    /// A digit of a chapter number typed before `G`.
    public mutating func type(digit: Character, _ state: inout State) {
        if typedNumber.count < 4 { typedNumber.append(digit) }
        state.demo.progress = progress
    }

    /// `G`: the number typed before it, if any (it is cleared).
    public mutating func takeTypedNumber(_ state: inout State) -> Int? {
        defer {
            typedNumber = ""
            state.demo.progress = progress
        }
        return Int(typedNumber)
    }

    /// Forgets a number typed before a key that was not `G`.
    public mutating func clearTypedNumber(_ state: inout State) {
        guard !typedNumber.isEmpty else { return }
        typedNumber = ""
        state.demo.progress = progress
    }

    /// The script's own steps from a chapter's start: what the presenter did is dropped.
    /// The demo waits there, with the chapter's title on screen, for Space.
    private mutating func jumpToChapterStart(_ index: Int, _ state: inout State, now: Int) {
        steps = original
        jump(to: index, &state, now: now)
        holdHere()
        state.demo.progress = progress
    }

    /// Played to the end (without `--exit`): the demo holds at its last step, so that the
    /// presenter keeps the chapter keys and the notes their clock; Space then leaves it.
    public mutating func holdAtEnd(_ state: inout State) {
        holdHere()
        state.demo.progress = progress
    }

    /// Pauses at the step shown (Space, a `pause` step, a chapter's start, the end).
    private mutating func holdHere() {
        paused = true
        presenterActed = false
        anchorTimeline = applied > 0 ? steps[applied - 1].at : 0
    }

    /// What the presenter's notes terminal shows now (`twofutures notes`).
    public func snapshot(cue: DemoCue, now: Int) -> PresenterSnapshot {
        let nextCaption = steps.indices.first { $0 >= applied && steps[$0].isCaption }
        let nextChapter = steps.indices.first { $0 >= applied && steps[$0].isChapter }
        let chapterFirst = nextChapter.map { chapter in nextCaption.map { chapter <= $0 } ?? true } ?? false
        return PresenterSnapshot(
            demo: script.file.split(separator: "/").last.map(String.init) ?? script.file,
            chapter: cue.chapter, chapterNumber: currentChapter, chapterCount: chapterCount,
            step: currentCaption, steps: captionCount, caption: cue.caption, notes: cue.notes,
            next: nextCaption.flatMap { steps[$0].cue.caption },
            nextChapter: chapterFirst ? nextChapter.flatMap { steps[$0].cue.chapter } : nil,
            paused: paused, prediction: cue.prediction, finished: finished,
            elapsedMilliseconds: now - startedAt, durationSeconds: durationSeconds)
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
        if steps[index].cue.reveals { state.demo.revealUntil = state.demo.now + Self.revealMilliseconds }
    }
}
