import Dashboard
import Foundation
import FuturesModel
import Storage
import Terminal

/// The main loop: read events, reduce, recompute, render, draw. Deterministic runs are
/// recomputed synchronously; the ensemble runs on a worker, latest request wins.
struct App {
    let scenario: Scenario
    let settings: EnsembleSettings
    /// Worker threads for the ensemble.
    let threads: Int
    let themes: [Theme]
    let themeIndex: Int
    /// Shown in the status bar at start (theme files that were skipped).
    let warning: String
    /// A script to play (`twofutures demo FILE`), and whether to quit when it ends.
    var demo: DemoScript? = nil
    var exitAfterDemo = false
    /// Called with every key the dashboard applies, except the one that quits (`record`).
    var onKey: ((Key) -> Void)? = nil
    /// Quit as soon as the first frame is on the terminal (`bench` times the startup).
    var exitAfterFirstFrame = false
    /// The test hook `--crash-for-testing`: crash once the first frame is drawn.
    var crashForTesting: Crash? = nil

    /// How `--crash-for-testing` crashes.
    enum Crash: String {
        /// A Swift runtime trap (SIGILL on x86-64, SIGTRAP on arm64).
        case trap
        /// A write to an unmapped address (SIGSEGV).
        case segv
    }

    /// Crashes the process as asked; never returns.
    static func crash(_ kind: Crash) -> Never {
        switch kind {
        case .trap:
            fatalError("--crash-for-testing trap")
        case .segv:
            // Address 8 is never mapped; the opaque call keeps the optimiser from
            // reasoning about the store.
            let address = Int(bitPattern: UInt(truncatingIfNeeded: getpid())) & 0 | 8
            UnsafeMutablePointer<Int>(bitPattern: address)!.pointee = 1
            fatalError("--crash-for-testing segv did not crash")
        }
    }

    /// Runs until the user quits; returns the exit status (0, or 128 + a quit signal).
    func run() throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let palette = { (theme: Theme) in
            noColor ? TerminalPalette.monochrome(roles: Bridge.roles.count) : Self.palette(theme)
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("twofutures-\(getpid()).log").path
        Self.removeStaleLogs(in: FileManager.default.temporaryDirectory.path)
        let terminal = try Terminal(palette: palette(themes[themeIndex]), stderrPath: log)
        defer {
            terminal.stop()
            if let attributes = try? FileManager.default.attributesOfItem(atPath: log),
                (attributes[.size] as? Int ?? 0) == 0
            {
                try? FileManager.default.removeItem(atPath: log)
            }
        }
        let worker = EnsembleWorker(threads: threads)
        defer { worker.cancelAll() }

        let size = terminal.size
        var state = State(scenario: scenario, width: size.width, height: size.height)
        state.themes = themes
        state.themeIndex = themeIndex
        state.warning = warning
        state.noColor = noColor
        var appliedTheme = state.themeIndex
        var analysis = Analysis(state.scenario)
        var requested: Scenario?
        let clock = ContinuousClock()
        let start = clock.now
        func now() -> Int {
            let elapsed = clock.now - start
            return Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        var session = demo.map { DemoSession(script: $0, state: state, now: now()) }
        while true {
            if var playing = session {
                playing.advance(&state, now: now())
                if playing.finished && !playing.paused {
                    if exitAfterDemo { return 0 }
                    session = nil
                    state.demoProgress = "demo ended"
                } else {
                    session = playing
                }
            }
            if analysis.scenario != state.scenario { analysis = Analysis(state.scenario) }
            if requested != state.scenario, settings.members > 0 {
                worker.request(state.scenario, settings: settings)
                requested = state.scenario
            }
            if state.themeIndex != appliedTheme {
                // The whole theme or nothing: every theme in the list was validated at start.
                terminal.setPalette(palette(state.theme))
                appliedTheme = state.themeIndex
            }
            let screen = render(state, analysis, ensemble: state.currentEnsemble ?? state.ensemble)
            terminal.draw(Bridge.frame(screen))
            if exitAfterFirstFrame { return 0 }
            if let crash = crashForTesting { Self.crash(crash) }

            // Wait for one event, then take every event already pending, so that a held
            // key is applied in full before the next frame and never lags behind.
            let wait = session?.millisecondsUntilNext(now: now()).map { Int32(min($0, 60_000)) } ?? -1
            var event = terminal.nextEvent(timeoutMilliseconds: wait)
            while let current = event {
                if var playing = session, case .key(let key) = current {
                    switch key {
                    case .character(" "): playing.togglePause(&state, now: now())
                    case .character("n"): playing.nextCaption(&state, now: now())
                    case .character("b"): playing.previousCaption(&state, now: now())
                    case .character("q"), .ctrl("c"): return 0
                    default:
                        if playing.paused, let action = Bridge.action(current) {
                            reduce(&state, action)
                            playing.presenterActed = true
                        }
                    }
                    session = playing
                    if state.shouldQuit { return 0 }
                    event = terminal.nextEvent(timeoutMilliseconds: 0)
                    continue
                }
                if var playing = session, case .mouse = current {
                    if playing.paused, let action = Bridge.action(current) {
                        reduce(&state, action)
                        playing.presenterActed = true
                        session = playing
                    }
                    event = terminal.nextEvent(timeoutMilliseconds: 0)
                    continue
                }
                if session == nil, !state.demoProgress.isEmpty, case .key = current {
                    state.demoProgress = ""
                    state.caption = nil
                }
                switch current {
                case .quit(let signal):
                    return 128 + signal
                case .wake:
                    if let (s, result) = worker.take() { reduce(&state, .ensembleFinished(result, for: s)) }
                case .key(.ctrl("l")):
                    terminal.invalidate()
                default:
                    if let action = Bridge.action(current) {
                        reduce(&state, action)
                        if let text = state.clipboard {
                            terminal.copyToClipboard(text)
                            state.clipboard = nil
                        }
                        if let request = state.saveRequest {
                            state.saveRequest = nil
                            do {
                                let path = try ScenarioStore.save(
                                    request, scenario: state.scenario, in: ScenarioStore.directory)
                                state.explanation = (request.overwrite ? "Replaced " : "Saved ") + path
                            } catch StorageError.exists {
                                state.overwriteQuestion = request
                            } catch {
                                state.warning = "not saved: \(error)"
                            }
                        }
                        if state.openRequested {
                            state.openRequested = false
                            let (list, skipped) = ScenarioStore.list(in: ScenarioStore.directory)
                            let folder = ScenarioStore.directory
                            state.openList = list
                            state.openIndex = 0
                            state.openFolder = displayPath(folder)
                            state.openSkipped = skipped.map {
                                $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0
                            }
                        }
                        if state.exportRequested {
                            state.exportRequested = false
                            let ensemble = state.ensembleScenario == state.scenario ? state.ensemble : nil
                            let document = Document(analysis: Analysis(state.scenario), ensemble: ensemble)
                            do {
                                let stem = try ScenarioStore.export(document, in: ScenarioStore.directory)
                                state.explanation = "Exported \(stem).json and .csv"
                            } catch {
                                state.warning = "export failed: \(error)"
                            }
                        }
                        if case .keyPressed(let key) = action, !state.shouldQuit { onKey?(key) }
                    }
                }
                if state.shouldQuit { return 0 }
                event = terminal.nextEvent(timeoutMilliseconds: 0)
            }
        }
    }

    /// Removes the empty `twofutures-PID.log` files of processes that are gone (killed
    /// before they could remove their own); a log with text in it stays for the user.
    static func removeStaleLogs(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix("twofutures-") && name.hasSuffix(".log") {
            guard let pid = Int32(name.dropFirst("twofutures-".count).dropLast(".log".count)),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    static func palette(_ theme: Theme) -> TerminalPalette {
        TerminalPalette(
            background: theme.colors[.background].flatMap(RGB.init(hex:)),
            roles: Bridge.roles.map { theme.colors[$0].flatMap(RGB.init(hex:)) })
    }
}
