import FuturesModel

/// A key while a demo is loaded: Space pauses and resumes, n and b jump between captions,
/// ] and [ (PgDn, PgUp) between chapters, a number and G to a chapter, l lists them, q and
/// Ctrl-C quit, Ctrl-L redraws. At a pause the presenter's keys (and clicks) act as usual,
/// and the demo goes on from the presenter's state when it resumes.
func reduceDemoKey(_ state: inout State, _ key: Key) -> [Effect] {
    guard var demo = state.demo.session else { return [] }
    if case .chapters(let chosen) = state.view.mode { return reduceChapterList(&state, key, chosen) }
    state.demo.session = nil
    // A chapter number before G. At a pause the digit also acts as usual (a preset): G then
    // restores the chapter's own state anyway.
    if case .char(let c) = key, c.isASCII, c.isNumber {
        demo.type(digit: c, &state)
        state.demo.session = demo
        guard demo.paused else { return [] }
        state.demo.session?.presenterActed = true
        return reduceModeKey(&state, key)
    }
    let command = KeyTable.command(for: key, in: .demo)
    if command != .demoGoToChapter { demo.clearTypedNumber(&state) }
    switch command {
    case .demoPause where demo.finished && demo.paused:
        // At the end, Space leaves the demo (the dashboard is the presenter's), or quits
        // with --exit.
        if demo.exitAtEnd { return [.quit] }
        endDemo(&state)
        return []
    case .demoPause: demo.togglePause(&state, now: state.demo.now)
    case .demoNextCaption: demo.nextCaption(&state, now: state.demo.now)
    case .demoPreviousCaption: demo.previousCaption(&state, now: state.demo.now)
    case .demoNextChapter: demo.nextChapter(&state, now: state.demo.now)
    case .demoPreviousChapter: demo.previousChapter(&state, now: state.demo.now)
    case .demoGoToChapter:
        if let number = demo.takeTypedNumber(&state) {
            demo.goToChapter(number, &state, now: state.demo.now)
        } else {
            say(&state, "Type the chapter's number before G (3G: the third); l lists them.")
        }
    case .demoListChapters:
        if demo.chapterCount == 0 {
            say(&state, "This demo has no chapters.")
        } else {
            state.view.mode = .chapters(max(0, demo.currentChapter - 1))
        }
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

/// The chapter list (`l`): ↑↓ choose, Enter jumps, Esc or l closes, q quits.
private func reduceChapterList(_ state: inout State, _ key: Key, _ chosen: Int) -> [Effect] {
    guard var demo = state.demo.session else { return [] }
    let count = demo.chapterCount
    let last = max(0, count - 1)
    if key == .char("l") {
        state.view.mode = .normal
        return []
    }
    switch KeyTable.command(for: key, in: .list) {
    case .listPrevious: state.view.mode = .chapters((chosen + last) % max(1, count))
    case .listNext: state.view.mode = .chapters((chosen + 1) % max(1, count))
    case .listFirst, .listPageUp: state.view.mode = .chapters(0)
    case .listLast, .listPageDown: state.view.mode = .chapters(last)
    case .listOpen:
        state.view.mode = .normal
        state.demo.session = nil
        demo.goToChapter(chosen + 1, &state, now: state.demo.now)
        return keep(demo, &state)
    case .close: state.view.mode = .normal
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    default: break
    }
    return []
}

/// Time passed: applies the demo's steps that are due, and ends a highlighted reveal.
func advanceDemo(_ state: inout State) -> [Effect] {
    if let until = state.demo.revealUntil, state.demo.now >= until { state.demo.revealUntil = nil }
    guard var demo = state.demo.session else { return [] }
    state.demo.session = nil
    demo.advance(&state, now: state.demo.now)
    return keep(demo, &state)
}

/// Puts `demo` back into the state; at its end it quits (`demo --exit`) or holds at the
/// last step (`holdAtEnd`) until Space leaves it.
private func keep(_ demo: DemoSession, _ state: inout State) -> [Effect] {
    guard demo.finished && !demo.paused else {
        state.demo.session = demo
        return []
    }
    if demo.exitAtEnd { return [.quit] }
    var held = demo
    held.holdAtEnd(&state)
    state.demo.session = held
    return []
}

/// Leaves the demo: the caption goes, the dashboard is the presenter's.
private func endDemo(_ state: inout State) {
    state.demo.session = nil
    state.demo.cue = DemoCue()
    state.demo.progress = "demo ended"
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
