import FuturesModel

/// How far one key press moves a slider: levers by points of 100, the policy's start by
/// months, assumptions by their step.
enum StepSize {
    /// ←→: 5 points for levers, 3 months for the start, one `spec.step` for assumptions.
    static func coarse(_ spec: ParameterSpec) -> Double { spec.kind == .lever ? 0.05 : spec.step }
    /// Shift+←→: 1 point for levers, 1 month for the start, a fifth of a step for assumptions.
    static func fine(_ spec: ParameterSpec) -> Double {
        switch spec.kind {
        case .lever: 0.01
        case .timing: 1
        case .assumption: spec.step / 5
        }
    }
}

/// Nudges the selected parameter by whole coarse or fine steps.
func nudge(_ state: inout State, coarse: Int = 0, fine: Int = 0) {
    let spec = state.selected.spec
    let value = state.scenario[state.selected]
    setSelected(&state, to: value + Double(coarse) * StepSize.coarse(spec) + Double(fine) * StepSize.fine(spec))
}

/// Sets the selected parameter, snapped to the fine grid and clamped to its range.
func setSelected(_ state: inout State, to value: Double) {
    let id = state.selected
    let clamped = snapped(id, value)
    var next = state.scenario
    next[id] = clamped
    let before = state.scenario[id]
    change(
        &state, to: next, label: Explanation.parameterLabel(id, from: before, to: clamped),
        shortLabel: Explanation.parameterLabel(id, from: before, to: clamped, nameWidth: Labels.shortWidth))
}

/// Sets one lever to exactly `value` (no snapping: a goal-seek result must still reach
/// its target), as one undoable change.
func setLever(_ state: inout State, _ lever: LeverID, to value: Double) {
    var next = state.scenario
    let before = next.levers[lever]
    next.levers[lever] = value
    change(
        &state, to: next, label: Explanation.parameterLabel(.lever(lever), from: before, to: value),
        shortLabel: Explanation.parameterLabel(.lever(lever), from: before, to: value, nameWidth: Labels.shortWidth))
}

/// `g`: the smallest value of the selected lever (others fixed) that reaches Future 1;
/// the result waits for Enter (apply) or Esc (discard).
func goalSeek(_ state: inout State) {
    guard case .lever(let lever) = state.selected else {
        say(&state, "Goal-seek works on the five levers; select a lever first.")
        return
    }
    let result = GoalSeek.seek(lever, in: state.scenario)
    if result.value == nil {
        say(&state, result.message)
    } else {
        state.view.mode = .seekResult(result)
        say(&state, result.message + ". Enter applies, Esc discards.")
    }
}

/// Applies a lever preset, starting now and keeping the assumptions (MODEL.md §4).
func applyPreset(_ state: inout State, _ preset: Preset) {
    var next = state.scenario
    next.levers = preset.levers
    next.policyStart = 0
    change(
        &state, to: next, unchanged: "Already at \(preset.title)'s levers, starting \(monthLabel(0)): nothing changed.",
        label: "Preset \(preset.title)")
}

/// Back to the status-quo levers and the default assumptions (the horizon stays).
func reset(_ state: inout State) {
    let next = Scenario(horizon: state.scenario.horizon)
    change(
        &state, to: next, unchanged: "Already at the status quo with the default assumptions: nothing changed.",
        label: "Reset")
}

/// Makes `next` the scenario, recording the old one for undo, and explains it (see
/// `explain`). A no-op change records nothing and says `unchanged`, when given. Whether
/// the scenario changed.
@discardableResult
func change(
    _ state: inout State, to next: Scenario, unchanged: String? = nil, label: String, shortLabel: String? = nil,
    reference: Scenario? = nil, asSet: ((Scenario, Scenario) -> String)? = nil
) -> Bool {
    guard next != state.scenario else {
        if let unchanged { say(&state, unchanged) }
        return false
    }
    state.document.undoStack.append(state.scenario)
    if state.document.undoStack.count > Document.undoLimit {
        state.document.undoStack.removeFirst(state.document.undoStack.count - Document.undoLimit)
    }
    state.document.redoStack.removeAll()
    explain(
        &state, label, shortLabel: shortLabel, from: state.scenario, to: next, reference: reference, asSet: asSet)
    state.document.scenario = next
    return true
}

/// Explains the change from `old` to `new` in the screen's language. Across worlds (while
/// ensembles run): `label` and "…" until `Job.explain` delivers the Summaries of
/// `reference` (default `old`) and `new` over the same worlds; never the central run's
/// numbers. As set: the central run's change (`asSet`, by default `label`, "as set", then
/// the change of the lead and adoption).
func explain(
    _ state: inout State, _ label: String, shortLabel: String? = nil, from old: Scenario, to new: Scenario,
    reference: Scenario? = nil, asSet: ((Scenario, Scenario) -> String)? = nil
) {
    state.view.explanationIsChange = true
    if state.view.language == .acrossWorlds && state.results.ensembleMembers > 0 {
        let pending = PendingExplanation(
            label: label, shortLabel: shortLabel, reference: reference ?? old, scenario: new)
        state.view.pendingExplanation = pending
        state.view.explanation = pending.waiting
    } else {
        state.view.pendingExplanation = nil
        state.view.explanation =
            asSet?(old, new) ?? Explanation.outcome("\(label), as set", before: old, after: new)
    }
}

/// Completes the explanation waiting for `result` (`Job.explain`), if it still waits: the
/// Summary after against the one before, across worlds, fitted to the outcome bar.
func completeExplanation(_ state: inout State, _ result: JobResult) {
    guard case .explain(let pending) = result.job, pending == state.view.pendingExplanation,
        case .explain(let before, let after) = result.output
    else { return }
    state.view.pendingExplanation = nil
    state.view.explanation = Explanation.worlds(
        pending.label, shortLabel: pending.shortLabel, before: before, after: after,
        isReference: pending.reference == pending.scenario, width: explanationWidth(state))
}

extension State {
    /// Completes a waiting explanation from the answer already among the results, if it is
    /// that explanation's: a demo's step brings its own view (computed without results),
    /// shown over results that may already answer it.
    public mutating func completeExplanationFromResults() {
        if let result = results.latest[.explain] { completeExplanation(&self, result) }
    }
}

/// The room for the explanation after " Last change: ", up to the screen's edge.
func explanationWidth(_ state: State) -> Int { max(40, state.view.width - " Last change: ".count) }

/// Steps back one change.
func undo(_ state: inout State) {
    guard let previous = state.document.undoStack.popLast() else {
        say(&state, "Nothing to undo.")
        return
    }
    state.document.redoStack.append(state.scenario)
    explain(&state, "Undo", from: state.scenario, to: previous)
    state.document.scenario = previous
}

/// Re-applies the last undone change.
func redo(_ state: inout State) {
    guard let next = state.document.redoStack.popLast() else {
        say(&state, "Nothing to redo.")
        return
    }
    state.document.undoStack.append(state.scenario)
    explain(&state, "Redo", from: state.scenario, to: next)
    state.document.scenario = next
}

/// Shows `text` in the outcome bar's second line: a message, not a change of the scenario
/// (so not under "Last change:").
func say(_ state: inout State, _ text: String) {
    state.view.pendingExplanation = nil
    state.view.explanation = text
    state.view.explanationIsChange = false
}
