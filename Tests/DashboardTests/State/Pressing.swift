import Dashboard
import FuturesModel

/// Key presses and what they leave open, for tests that drive `reduce` with keys.
protocol Pressing {}

extension Pressing {
    /// Presses `keys` in order; returns the effects of all of them.
    @discardableResult
    func press(_ state: inout State, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    /// The goal-seek result waiting for Enter, if any.
    func pendingSeek(_ state: State) -> SeekResult? {
        if case .seekResult(let seek) = state.view.mode { seek } else { nil }
    }

    /// The open `o` list, if any.
    func openList(_ state: State) -> OpenList? {
        if case .openList(let list) = state.view.mode { list } else { nil }
    }
}
