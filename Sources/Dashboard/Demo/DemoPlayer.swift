import FuturesModel

/// One moment of a demo's playback and when it is due: the document and view it shows,
/// and the script's words there (never a whole state: the results and the clock are the shell's).
public struct DemoStep: Sendable, Equatable {
    /// Milliseconds from the start of the demo.
    public var at: Int
    public var document: Document
    public var view: ViewState
    /// The caption, chapter, notes, spotlight and question of this moment.
    public var cue: DemoCue
    /// The script line that produced this step.
    public var line: Int
    /// The index of that command in `DemoScript.lines`.
    public var command: Int
    /// This step shows a new caption (a place `n` and `b` jump to).
    public var isCaption: Bool
    /// The demo waits here for the presenter.
    public var isPause: Bool
    /// This step starts a chapter (a place `]`, `[` and `<n>G` jump to).
    public var isChapter = false

    /// The caption on screen.
    public var caption: String? { cue.caption }

    /// Shows this step on `state`: its document, view and cue. What the shell owns
    /// stays: the terminal's size and colour mode, the warning, the jobs' results, the
    /// clock and the playback.
    public func show(on state: inout State) {
        var view = self.view
        view.width = state.view.width
        view.height = state.view.height
        view.noColor = state.view.noColor
        view.warning = state.view.warning
        state.document = document
        state.view = view
        state.demo.cue = cue
        // The step's view may wait for an explanation whose answer the results already hold.
        state.completeExplanationFromResults()
    }
}

/// Turns a script into timed states: a pure function, with no clock and no sleeping. The
/// shell waits until each step's `at` (or not at all, headless).
public enum DemoPlayer {
    /// How long a `set` takes, and in how many frames.
    public static let setMilliseconds = 500
    public static let setFrames = 10

    /// How long `replay` shows the state before the change, before playing it again.
    public static let replayHoldMilliseconds = 800

    /// Every step of `script` played from `initial`. Keys go through `reduce`, like typing.
    /// `first` skips the commands before it, and `start` is the time of the first one.
    public static func steps(
        _ script: DemoScript, from initial: State, first: Int = 0, start: Int = 0
    ) -> [DemoStep] {
        var state = initial
        var time = start
        var steps = [DemoStep]()
        var index = first
        let notes = script.notesByCommand
        // The state before the last change of the scenario, and the command that made it.
        var lastChange: (before: State, command: DemoCommand)?
        // After a `predict`: the next change reveals its answer.
        var revealNext = false
        // A chapter's notes, for its first caption.
        var chapterNotes: [String] = []
        if first > 0 {
            // Resuming mid-script: the chapter and focus in force there.
            state.demo.cue.chapterNumber = script.chapterNumber(before: first)
        }
        func emit(_ line: Int, caption: Bool = false, pause: Bool = false, chapter: Bool = false) {
            steps.append(
                DemoStep(
                    at: time, document: state.document, view: state.view, cue: state.demo.cue, line: line,
                    command: index, isCaption: caption, isPause: pause, isChapter: chapter))
        }
        /// Plays one command that changes what the screen shows.
        func play(_ command: DemoCommand, line: Int) {
            let before = state
            switch command {
            case .key(let key, let count, let delay):
                for _ in 0..<count {
                    time += delay
                    reduce(&state, .keyPressed(key))
                    emit(line)
                }
            case .select(let id):
                select(&state, id)
                emit(line)
            case .set(let id, let value):
                select(&state, id)
                let from = state.scenario[id]
                for i in 1..<setFrames {
                    time += setMilliseconds / setFrames
                    state.document.scenario[id] = from + (value - from) * Double(i) / Double(setFrames)
                    emit(line)
                }
                // The last frame is a real change: one undo entry and an explanation.
                time += setMilliseconds / setFrames
                state.document.scenario[id] = from
                setSelected(&state, to: value)
                emit(line)
            case .preset(let preset):
                applyPreset(&state, preset)
                emit(line)
            case .theme(let name):
                if let index = state.view.themes.firstIndex(where: { $0.name == name }) {
                    state.view.themeIndex = index
                    cycleTheme(&state, by: 0)
                }
                emit(line)
            case .lens(let id):
                if let lens = script.lenses.first(where: { $0.id == id }) { applyLens(&state, lens) }
                emit(line)
            default:
                return
            }
            if state.scenario != before.scenario { lastChange = (before, command) }
        }
        for (i, item) in script.lines.enumerated() where i >= first {
            index = i
            switch item.command {
            case .caption(let text):
                state.demo.cue.caption = text
                state.demo.cue.notes = chapterNotes + (notes[i] ?? [])
                chapterNotes = []
                emit(item.line, caption: true)
            case .chapter(let title):
                state.demo.cue.chapter = title
                state.demo.cue.chapterNumber += 1
                state.demo.cue.caption = title
                state.demo.cue.notes = notes[i] ?? []
                state.demo.cue.focus = nil
                // The chapter's notes stay with its first caption (which usually follows at
                // once, so the chapter's own step is seen only after a jump).
                chapterNotes = notes[i] ?? []
                emit(item.line, chapter: true)
            case .key, .select, .set, .preset, .theme, .lens:
                if revealNext, item.command.changesState {
                    state.demo.cue.prediction = nil
                    state.demo.cue.reveals = true
                }
                play(item.command, line: item.line)
                if state.demo.cue.reveals {
                    state.demo.cue.reveals = false
                    revealNext = false
                }
            case .replay:
                guard let change = lastChange else { break }
                if revealNext {
                    state.demo.cue.prediction = nil
                    state.demo.cue.reveals = true
                }
                state.document = change.before.document
                state.view.selection = change.before.view.selection
                state.view.explanation = change.before.view.explanation
                state.view.explanationIsChange = change.before.view.explanationIsChange
                state.view.pendingExplanation = change.before.view.pendingExplanation
                emit(item.line)
                time += replayHoldMilliseconds
                play(change.command, line: item.line)
                state.demo.cue.reveals = false
                revealNext = false
            case .focus(let target):
                state.demo.cue.focus = target
                emit(item.line)
            case .predict(let question):
                state.demo.cue.prediction = question
                state.demo.cue.caption = question
                state.demo.cue.notes = chapterNotes + (notes[i] ?? [])
                chapterNotes = []
                revealNext = true
                emit(item.line, caption: true, pause: true)
            case .sleep(let ms):
                time += ms
                emit(item.line)
            case .pause:
                emit(item.line, pause: true)
            case .size, .note, .expect, .duration:
                break
            }
        }
        return steps
    }

    /// The final state of `script` played from `initial`.
    public static func finalState(_ script: DemoScript, from initial: State) -> State {
        var state = initial
        steps(script, from: initial).last?.show(on: &state)
        return state
    }

    /// Makes `id` the selected slider.
    static func select(_ state: inout State, _ id: ParameterID) {
        if let index = ParameterID.all.firstIndex(of: id) { state.view.selection = index }
    }
}
