import FuturesModel

/// One moment of a demo's playback and when it is due: the document and view it shows,
/// and its caption (never a whole state: the results and the clock are the shell's).
public struct DemoStep: Sendable, Equatable {
    /// Milliseconds from the start of the demo.
    public var at: Int
    public var document: Document
    public var view: ViewState
    public var caption: String?
    /// The script line that produced this step.
    public var line: Int
    /// The index of that command in `DemoScript.lines`.
    public var command: Int
    /// This step shows a new caption (a place `n` and `b` jump to).
    public var isCaption: Bool
    /// The demo waits here for the presenter.
    public var isPause: Bool

    /// Shows this step on `state`: its document, view and caption. What the shell owns
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
        state.demo.caption = caption
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

    /// Every step of `script` played from `initial`. Keys go through `reduce`, like typing.
    /// `first` skips the commands before it, and `start` is the time of the first one.
    public static func steps(
        _ script: DemoScript, from initial: State, first: Int = 0, start: Int = 0
    ) -> [DemoStep] {
        var state = initial
        var time = start
        var steps = [DemoStep]()
        var index = first
        func emit(_ line: Int, caption: Bool = false, pause: Bool = false) {
            steps.append(
                DemoStep(
                    at: time, document: state.document, view: state.view, caption: state.demo.caption, line: line,
                    command: index, isCaption: caption, isPause: pause))
        }
        for (i, item) in script.lines.enumerated() where i >= first {
            index = i
            switch item.command {
            case .caption(let text):
                state.demo.caption = text
                emit(item.line, caption: true)
            case .key(let key, let count, let delay):
                for _ in 0..<count {
                    time += delay
                    reduce(&state, .keyPressed(key))
                    emit(item.line)
                }
            case .select(let id):
                select(&state, id)
                emit(item.line)
            case .set(let id, let value):
                select(&state, id)
                let from = state.scenario[id]
                for i in 1..<setFrames {
                    time += setMilliseconds / setFrames
                    state.document.scenario[id] = from + (value - from) * Double(i) / Double(setFrames)
                    emit(item.line)
                }
                // The last frame is a real change: one undo entry and an explanation.
                time += setMilliseconds / setFrames
                state.document.scenario[id] = from
                setSelected(&state, to: value)
                emit(item.line)
            case .preset(let preset):
                applyPreset(&state, preset)
                emit(item.line)
            case .theme(let name):
                if let index = state.view.themes.firstIndex(where: { $0.name == name }) {
                    state.view.themeIndex = index
                    cycleTheme(&state, by: 0)
                }
                emit(item.line)
            case .lens(let id):
                if let lens = script.lenses.first(where: { $0.id == id }) { applyLens(&state, lens) }
                emit(item.line)
            case .sleep(let ms):
                time += ms
                emit(item.line)
            case .pause:
                emit(item.line, pause: true)
            case .size:
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
