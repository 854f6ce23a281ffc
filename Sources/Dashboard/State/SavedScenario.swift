import FuturesModel

/// One entry of the `o` list: a saved scenario and its one-line outcome.
public struct SavedScenario: Sendable, Equatable {
    public var name: String
    public var path: String
    public var scenario: Scenario
    /// The file's `notes`, if any.
    public var notes: String?
    /// "Future 1, lead 15.4 mo".
    public var outcome: String
    /// The future at the horizon (the first word of `outcome`).
    public var future: Future
    /// The one-line notice to show when the file was written for model version 1.
    public var notice: String?

    public init(name: String, path: String, scenario: Scenario, notes: String? = nil, notice: String? = nil) {
        self.name = name
        self.path = path
        self.scenario = scenario
        self.notes = notes
        self.notice = notice
        let o = Simulation.outcome(scenario)
        future = o.future
        outcome = "\(o.future.title), lead " + Format.outcome(o.leadMonths, .leadMonths)
    }
}
