import FuturesModel

/// Everything the dashboard remembers, in four parts: the `document` (what a scenario file
/// saves), the `view` (how it is shown), the `results` the shell's jobs delivered, and the
/// `demo` being played. A value: `reduce` changes it, `render` reads it. Requests to the
/// shell (save, export, copy, quit) are not stored here but returned by `reduce` as
/// `Effect`s.
public struct State: Sendable, Equatable {
    public var document: Document
    public var view: ViewState {
        didSet { relayout() }
    }
    public var results = Results()
    public var demo = DemoState() {
        didSet { relayout() }
    }
    /// Where everything goes at the current size: computed when the size or the
    /// arrangement changes (not per frame), read by `reduce` and `render`.
    public private(set) var layout: Layout

    public init(scenario: Scenario = Scenario(), width: Int = 80, height: Int = 24) {
        document = Document(scenario: scenario)
        view = ViewState(width: width, height: height)
        layout = Layout(width: width, height: height, chart: .lead)
    }

    /// Recomputes `layout` when one of its inputs changed.
    private mutating func relayout() {
        let key = Layout.Key(
            width: view.width, height: view.height, chart: view.chart,
            enlarged: view.chartEnlarged || view.mapView != nil, showsCaption: demo.showsCaption)
        if key != layout.key { layout = Layout(key) }
    }

    /// The line shown in the outcome bar while a prompt waits: the name being typed
    /// (`s`), or the question before replacing a file.
    public var promptLine: String? {
        switch view.mode {
        case .overwrite(let question):
            "\(question.fileName) exists: y replaces it, n picks another name, Esc keeps it"
        case .savePrompt(let typed): "Save as: \(typed)▏  Enter saves, Esc cancels"
        default: nil
        }
    }

    /// The current scenario (the document's).
    public var scenario: Scenario { document.scenario }

    /// The selected parameter.
    public var selected: ParameterID { view.selected }

    /// Which keys act now: the mode's, or the map view's when it is open over the normal
    /// dashboard (where it takes ↑↓ and Tab for its Y axis).
    public var keyContext: KeyContext {
        view.mode.context == .normal && view.mapView != nil ? .map : view.mode.context
    }

    /// The ensemble if it belongs to the current scenario, else nil (it is being refined).
    public var currentEnsemble: EnsembleResult? {
        results.ensembleScenario == document.scenario ? results.ensemble : nil
    }
}

/// What `s` asks the shell to write: a scenario name, and whether an existing file of
/// that name may be replaced (only after the user said y).
public struct SaveRequest: Sendable, Equatable {
    public var name: String
    public var overwrite: Bool

    public init(name: String, overwrite: Bool = false) {
        self.name = name
        self.overwrite = overwrite
    }

    /// `<name>.toml` with the name lower case and every other character as `-`
    /// ("Enforcement first!" → `enforcement-first.toml`).
    public var fileName: String {
        var stem = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                stem.append(c)
            } else if !stem.isEmpty && stem.last != "-" {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        return (stem.isEmpty ? "scenario" : stem) + ".toml"
    }
}
