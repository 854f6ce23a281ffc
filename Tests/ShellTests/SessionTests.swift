import Dashboard
import Formats
import Foundation
import FuturesModel
import Shell
import Terminal
import Testing

/// The main loop in-process on a `MemoryBackend`: scripted events in, frames and effects
/// out. The tmux tests keep what only a real terminal shows (signals, restore, resize).
@Suite("Main loop in memory")
struct SessionTests {
    /// Records the file effects instead of touching files, answering like a folder would.
    struct Recorder: EffectPerformer {
        func perform(_ effect: Effect, in state: State, runtime: Runtime) -> Action? {
            switch effect {
            case .save(let request, _): .saveFinished(.saved(path: "/mem/" + request.fileName, replaced: false))
            case .listSaved:
                .savedListed(
                    OpenList(
                        entries: [
                            SavedScenario(
                                name: "F1", path: "/mem/f1.toml", scenario: Scenario(levers: Preset.future1.levers))
                        ], folder: "/mem"))
            case .export: .exported(.exported(stem: "/mem/run-1"))
            default: nil
            }
        }
    }

    static func session(
        _ script: [MemoryBackend.Step], width: Int = 120, height: Int = 36, members: Int = 400,
        demo: DemoScript? = nil, exitAfterDemo: Bool = false, records: Bool = true
    ) -> (status: Int32, backend: MemoryBackend, effects: [Effect]) {
        let backend = MemoryBackend(width: width, height: height, script: script)
        let options = SessionOptions(
            scenario: Scenario(), settings: EnsembleSettings(members: members), threads: 1, themes: Theme.builtIn,
            themeIndex: 0, demo: demo, exitAfterDemo: exitAfterDemo)
        var session = Session(options: options, backend: backend, effects: Recorder()) { backend.now }
        session.recordsEffects = records
        let status = session.run()
        return (status, backend, session.performed)
    }

    @Test("keys move the outcome, the ensemble arrives on a wake, q quits with status 0")
    func keysAndEnsemble() {
        let (status, backend, effects) = Self.session(
            [.waitForWake] + MemoryBackend.keys(.character("1")) + [.waitForText("across 400 worlds")]
                + MemoryBackend.keys(.character("q")))
        #expect(status == 0)
        #expect(effects == [.quit])
        let screen = backend.lastScreen
        #expect(screen.contains("as set 14.9"), "\(screen)")
        #expect(screen.contains("across 400 worlds"), "\(screen)")
        #expect(backend.frames.count >= 3)
    }

    @Test("the worker computes the map and the levers across worlds too; each arrives on a wake")
    func mapAndWorlds() {
        let (status, backend, _) = Self.session(
            [.waitForWake] + MemoryBackend.keys(.character("m")) + [.waitForText("Map across worlds: Export controls")]
                + MemoryBackend.keys(.character("a"), .character("a")) + [.waitForText("ΔP(F1)")]
                + MemoryBackend.keys(.character("q")))
        #expect(status == 0)
        let screen = backend.lastScreen
        #expect(screen.contains("Map across worlds: Export controls") && !screen.contains("computing"), "\(screen)")
        #expect(screen.contains("you: P(Future 1)") || screen.contains("you: P(F1)"), "\(screen)")
        #expect(screen.contains("ΔP(F1)") && screen.contains("Export controls"), "\(screen)")
    }

    @Test("effects go to the shell and their results come back: y copies, e exports, s saves, o lists")
    func effects() {
        let (status, backend, effects) = Self.session(
            MemoryBackend.keys(
                .character("y"), .character("e"), .character("s"), .character("A"), .enter, .character("o"), .enter,
                .ctrl("l"), .character("q")))
        #expect(status == 0)
        #expect(backend.copied == ["tf2:50-30-20-30-20"])
        #expect(backend.updates.map(\.full).filter { $0 }.count == 2, "the first frame and the one after Ctrl-L")
        #expect(backend.updates.last?.full == true && backend.updates.last?.changes.count == 120 * 36)
        guard effects.count == 6, case .export(let exported) = effects[1] else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(exported.scenario == Scenario())
        #expect(
            effects.enumerated().filter { $0.offset != 1 }.map(\.element) == [
                .copyToClipboard("tf2:50-30-20-30-20"), .save(SaveRequest(name: "A"), Document()), .listSaved, .redraw,
                .quit,
            ])
        // Explained across worlds (its numbers follow when the worker has them).
        #expect(backend.lastScreen.contains("Last change: Opened F1: "), "\(backend.lastScreen)")
    }

    @Test("the program's session keeps no effects (an export's holds a whole State, and they came with every key)")
    func keepsNoEffects() {
        let (status, backend, effects) = Self.session(
            MemoryBackend.keys(.character("e"), .character("y"), .character("q")), records: false)
        #expect(status == 0)
        #expect(backend.copied == ["tf2:50-30-20-30-20"])
        #expect(effects.isEmpty)
    }

    @Test("the script running out is the terminal going away: SIGHUP's status")
    func hangUp() {
        let (status, _, _) = Self.session(MemoryBackend.keys(.down), members: 0)
        #expect(status == 129)
    }

    @Test("a demo plays on the injected clock; Space pauses it; it quits at its end with --exit")
    func demo() throws {
        let script = try DemoParser.parse(
            "caption \"one\"\nsleep 1s\npreset future1\ncaption \"two\"\nsleep 1s\n", file: "d.demo")
        let (status, backend, effects) = Self.session(
            [.advance(milliseconds: 500)] + MemoryBackend.keys(.character(" "))
                + [.advance(milliseconds: 5000)] + MemoryBackend.keys(.character(" "))
                + [.advance(milliseconds: 3000)],
            members: 0, demo: script, exitAfterDemo: true)
        #expect(status == 0)
        #expect(effects == [.quit])
        let captions = backend.frames.map { frame in
            (0..<frame.height).map { y in String((0..<frame.width).map { frame[$0, y].character }) }
                .joined(separator: "\n")
        }
        #expect(captions.contains { $0.contains("step 1/2 paused") })
        #expect(captions.last?.contains("two") == true)
    }
}
