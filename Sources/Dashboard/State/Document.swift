import FuturesModel

/// What the user edits: the scenario (the levers, when they start, the assumptions and the
/// horizon: what a scenario file and a share token hold), the lenses that name its
/// assumptions, and its undo history. Effects that save or export carry a document.
public struct Document: Sendable, Equatable {
    public static let undoLimit = 100

    public var scenario: Scenario
    /// The lenses `v` / `V` cycle through (shipped, user, built-in; see `LensCatalog`).
    public var lenses: [Lens] = Lens.builtIn
    public var undoStack: [Scenario] = []
    public var redoStack: [Scenario] = []

    public init(scenario: Scenario = Scenario(), lenses: [Lens] = Lens.builtIn) {
        self.scenario = scenario
        self.lenses = lenses
    }

    /// The lens the assumptions match exactly, if any (nil: "custom"); a saved file names it.
    public var activeLens: Lens? { lenses.first { $0.matches(scenario.assumptions) } }
}
