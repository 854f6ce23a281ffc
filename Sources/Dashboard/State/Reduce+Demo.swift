import FuturesModel

/// A key while a demo is loaded: Space pauses and resumes, n and b jump between captions,
/// q and Ctrl-C quit, Ctrl-L redraws. At a pause the presenter's keys (and clicks) act as
/// usual, and the demo goes on from the presenter's state when it resumes.
func reduceDemoKey(_ state: inout State, _ key: Key) -> [Effect] {
    guard var demo = state.demo.session else { return [] }
    state.demo.session = nil
    switch KeyTable.command(for: key, in: .demo) {
    case .demoPause: demo.togglePause(&state, now: state.demo.now)
    case .demoNextCaption: demo.nextCaption(&state, now: state.demo.now)
    case .demoPreviousCaption: demo.previousCaption(&state, now: state.demo.now)
    case .quit:
        state.demo.session = demo
        return [.quit]
    case .redraw:
        state.demo.session = demo
        return [.redraw]
    default:
        state.demo.session = demo
        guard demo.paused else { return [] }
        state.demo.session?.presenterActed = true
        return reduceModeKey(&state, key)
    }
    return keep(demo, &state)
}

/// Time passed: applies the demo's steps that are due.
func advanceDemo(_ state: inout State) -> [Effect] {
    guard var demo = state.demo.session else { return [] }
    state.demo.session = nil
    demo.advance(&state, now: state.demo.now)
    return keep(demo, &state)
}

/// Puts `demo` back into the state, unless it has played to its end: then it quits
/// (`demo --exit`) or leaves the dashboard to the presenter, with the caption gone.
private func keep(_ demo: DemoSession, _ state: inout State) -> [Effect] {
    guard demo.finished && !demo.paused else {
        state.demo.session = demo
        return []
    }
    if demo.exitAtEnd { return [.quit] }
    state.demo.caption = nil
    state.demo.progress = "demo ended"
    return []
}

/// A click while a demo plays is ignored; at a pause it acts, and the presenter has taken over.
func reduceDemoMouse(_ state: inout State, _ event: MouseEvent) {
    guard var demo = state.demo.session else { return }
    guard demo.paused else { return }
    state.demo.session = nil
    demo.presenterActed = true
    reduceMouse(&state, event)
    state.demo.session = demo
}
