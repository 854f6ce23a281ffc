import Foundation
import Testing

/// Drives the real binary in tmux: keys change the screen, and every way out restores
/// the terminal (checked with `stty -a` in the same pane).
@Suite("Dashboard end to end", .serialized)
struct DashboardEndToEndTests {
    /// Starts the dashboard in a fresh tmux shell and waits for its first frame.
    static func start(
        width: Int = 120, height: Int = 36, args: String = "",
        ready: (String) -> Bool = { $0.contains("┌ POLICY ─") && $0.contains("across 2,000 worlds") }
    ) throws -> Tmux {
        let tmux = try Tmux(width: width, height: height)
        try tmux.waitFor { $0.contains("$") }
        try tmux.send("exec 2>/dev/null; '\(CLI.binary.path)' \(args)", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(ready)
        return tmux
    }

    /// Runs `stty -a` in the pane once the program is gone and returns its output.
    static func sttyAfterExit(_ tmux: Tmux) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let back = try tmux.waitFor { _ in (try? tmux.currentCommand()) == "bash" }
        #expect(try tmux.currentCommand() == "bash", "the dashboard is still running: \(back)")
        try tmux.send("stty -a > \(file)", literal: true)
        try tmux.send("Enter")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), text.contains("icanon") { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return ""
    }

    /// `stty -a` lists each flag as "name" (on) or "-name" (off).
    static func isOn(_ flag: String, in stty: String) -> Bool {
        stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).contains(Substring(flag))
    }

    @Test("a tf1: token opens under model 2, and the status bar says so once")
    func version1Token() throws {
        let tmux = try Self.start(width: 160, height: 40, args: "--scenario tf1:90-85-85-85-75")
        let first = try tmux.capture()
        #expect(first.contains("written for twofutures/1: read under model twofutures/3"), "\(first)")
        #expect(first.contains("as set 14.9"), "\(first)")
        try tmux.send("Down")
        let after = try tmux.waitFor { !$0.contains("written for twofutures/1") }
        #expect(!after.contains("written for twofutures/1"), "the notice goes at the next key")
        try tmux.send("q")
    }

    @Test("--scenario loads a token; e exports the run as JSON and CSV; y shows the token")
    func scenarioExportAndToken() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tf-xdg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = try Tmux(width: 120, height: 36)
        try tmux.waitFor { $0.contains("$") }
        try tmux.send(
            "export XDG_DATA_HOME='\(dir)'; exec 2>/dev/null; '\(CLI.binary.path)' --scenario tf2:90-85-85-85-75",
            literal: true)
        try tmux.send("Enter")
        let first = try tmux.waitFor { $0.contains("┌ POLICY ─") && $0.contains("across 2,000 worlds") }
        #expect(first.contains("as set 14.9"), "\(first)")
        try tmux.send("e")
        let exported = try tmux.waitFor { $0.contains("Exported ") }
        #expect(exported.contains("run-1.json"), "\(exported)")
        let stem = dir + "/twofutures/scenarios/run-1"
        let json = try String(contentsOfFile: stem + ".json", encoding: .utf8)
        let doc = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(doc["attribution"] != nil && doc["sensitivity"] != nil)
        #expect(try String(contentsOfFile: stem + ".csv", encoding: .utf8).hasPrefix("month,"))
        try tmux.send("e")
        _ = try tmux.waitFor { $0.contains("run-2.json") }
        #expect(FileManager.default.fileExists(atPath: dir + "/twofutures/scenarios/run-2.csv"))
        // A failed export is a warning and changes nothing: put a file where the folder was.
        let folder = dir + "/twofutures/scenarios"
        try FileManager.default.moveItem(atPath: folder, toPath: dir + "/twofutures/moved")
        try "not a folder".write(toFile: folder, atomically: true, encoding: .utf8)
        try tmux.send("e")
        let failed = try tmux.waitFor { $0.contains("export failed") }
        #expect(failed.contains("export failed"), "\(failed)")
        #expect(try String(contentsOfFile: folder, encoding: .utf8) == "not a folder")
        // s saves under a typed name, and never over an existing file.
        try FileManager.default.removeItem(atPath: folder)
        try tmux.send("s")
        _ = try tmux.waitFor { $0.contains("Save as:") }
        try tmux.send("Enforcement first", literal: true)
        try tmux.send("Enter")
        let saved = try tmux.waitFor { $0.contains("Saved ") }
        #expect(saved.contains("enforcement-first.toml"), "\(saved)")
        let path = folder + "/enforcement-first.toml"
        let again = try CLI.run(["run", "--scenario", path, "--format", "json"])
        let direct = try CLI.run(["run", "--scenario", "tf2:90-85-85-85-75", "--format", "json"])
        #expect(again.status == 0 && again.stdout == direct.stdout)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        try tmux.send("y")
        let token = try tmux.waitFor { $0.contains("Share token: tf2:90-85-85-85-75") }
        #expect(token.contains("Share token: tf2:90-85-85-85-75"))
        // Saving under the same name asks first; Esc keeps the file as it was.
        try tmux.send("3")
        _ = try tmux.waitFor { $0.contains("as set 3.7") }
        try tmux.send("s")
        _ = try tmux.waitFor { $0.contains("Save as:") }
        try tmux.send("Enforcement first", literal: true)
        try tmux.send("Enter")
        let asked = try tmux.waitFor { $0.contains("enforcement-first.toml exists: y replaces it") }
        #expect(asked.contains("enforcement-first.toml exists: y replaces it"), "\(asked)")
        try tmux.send("Escape")
        let kept = try tmux.waitFor { $0.contains("Not saved: enforcement-first.toml is unchanged.") }
        #expect(kept.contains("Not saved: enforcement-first.toml is unchanged."), "\(kept)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        // o lists the saved scenarios with their outcome; Enter opens one.
        try "model = \"twofutures/1\"\nname = \"Broken\"\n[levers]\nexport_controls = 2\n".write(
            toFile: folder + "/broken.toml", atomically: true, encoding: .utf8)
        try tmux.send("o")
        let list = try tmux.waitFor { $0.contains("Open a saved scenario") && $0.contains("1/1") }
        #expect(list.contains("Enforcement first"), "\(list)")
        #expect(list.contains("Future 1, lead 14.9 mo"), "\(list)")
        #expect(list.contains("enforcement-first.toml"), "\(list)")
        #expect(list.contains("Skipped broken.toml:4: levers.export_controls"), "\(list)")
        try tmux.send("Enter")
        // Explained across worlds once its Summaries are in.
        let opened = try tmux.waitFor { $0.contains("Opened Enforcement first: P(F") }
        #expect(opened.contains("median lead +"), "\(opened)")
        #expect(!opened.contains("Open a saved scenario"), "\(opened)")
        // y replaces it (atomically, keeping its mode).
        chmod(path, 0o640)
        try tmux.send("3", "s")
        _ = try tmux.waitFor { $0.contains("Save as:") }
        try tmux.send("Enforcement first", literal: true)
        try tmux.send("Enter")
        _ = try tmux.waitFor { $0.contains("enforcement-first.toml exists") }
        try tmux.send("y")
        let replaced = try tmux.waitFor { $0.contains("Replaced ") }
        #expect(replaced.contains("enforcement-first.toml"), "\(replaced)")
        let now = try CLI.run(["run", "--scenario", path, "--format", "json"])
        let statusQuo = try CLI.run(["run", "--preset", "status_quo", "--format", "json"])
        #expect(now.status == 0 && now.stdout == statusQuo.stdout)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("a save killed in the middle of writing leaves no partial file, and the file it would replace intact")
    func killedMidWrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tf-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = dir + "/twofutures/scenarios"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let original = "model = \"twofutures/1\"\nname = \"Keep\"\nnotes = \"the user's own words\"\n"
        try original.write(toFile: folder + "/keep.toml", atomically: true, encoding: .utf8)
        // TWOFUTURES_TEST_KILL_AFTER_BYTES makes the write SIGKILL its own process after 40 bytes.
        for (name, answer) in [("Fresh", nil), ("Keep", "y")] as [(String, String?)] {
            let tmux = try Tmux(width: 100, height: 30)
            try tmux.waitFor { $0.contains("$") }
            try tmux.send(
                "export XDG_DATA_HOME='\(dir)' TWOFUTURES_TEST_KILL_AFTER_BYTES=40; exec 2>/dev/null; "
                    + "'\(CLI.binary.path)'; echo status=$?",
                literal: true)
            try tmux.send("Enter")
            _ = try tmux.waitFor { $0.contains("┌ POLICY ─") }
            try tmux.send("s")
            _ = try tmux.waitFor { $0.contains("Save as:") }
            try tmux.send(name, literal: true)
            try tmux.send("Enter")
            if let answer {
                _ = try tmux.waitFor { $0.contains("keep.toml exists") }
                try tmux.send(answer)
            }
            // The killed dashboard leaves the cursor where it last drew, so the shell's line
            // may wrap at the right edge: look for it with the rows joined.
            let joined = { (screen: String) in screen.split(separator: "\n").joined() }
            let killed = try tmux.waitFor { joined($0).contains("status=137") }
            #expect(joined(killed).contains("status=137"), "the save was not killed: \(killed)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!files.contains("fresh.toml"), "a partial fresh.toml: \(files)")
        #expect(try String(contentsOfFile: folder + "/keep.toml", encoding: .utf8) == original)
        // What is left is two hidden temporary files of exactly 40 bytes: the writes were cut short.
        let temps = files.filter { $0.hasPrefix(".twofutures-") }
        #expect(temps.count == 2, "\(files)")
        for temp in temps {
            let size = (try FileManager.default.attributesOfItem(atPath: folder + "/" + temp)[.size] as? Int) ?? -1
            #expect(size == 40, "\(temp)")
        }
        #expect(files.filter { !$0.hasPrefix(".") } == ["keep.toml"])
    }

    @Test("keys move a lever, presets apply, q restores the terminal")
    func keysAndQuit() throws {
        let tmux = try Self.start()
        let first = try tmux.capture()
        #expect(first.contains("Anti-smuggling") && first.contains("30 %"))
        #expect(first.contains("Illustrative model, not a forecast"))
        #expect(first.contains("as set 3.7"))

        try tmux.send("Down")
        try tmux.send("Right")
        try tmux.send("Right")
        let moved = try tmux.waitFor { $0.contains("Anti-smuggling 35→40 %") }
        #expect(moved.contains("Anti-smuggling 35→40 %"), "\(moved)")
        #expect(moved.contains("as set 3.8"), "the outcome follows the lever")

        try tmux.send("1")
        let future1 = try tmux.waitFor { $0.contains("FUTURE 1") }
        #expect(future1.contains("FUTURE 1"))
        #expect(future1.contains("as set 14.9"))
        #expect(future1.contains("90 %") && future1.contains("85 %") && future1.contains("75 %"))

        try tmux.send("q")
        let stty = try Self.sttyAfterExit(tmux)
        #expect(Self.isOn("icanon", in: stty) && Self.isOn("echo", in: stty), "\(stty)")
    }

    @Test("w switches the screen between across worlds and as set, and the status bar says which")
    func language() throws {
        let tmux = try Self.start()
        try tmux.send("1")
        let worlds = try tmux.waitFor {
            $0.contains("MOST LIKELY") && $0.contains("as set 14.9") && $0.contains("across 2,000 worlds")
        }
        #expect(worlds.contains("median") && worlds.contains("┄ as set"), "\(worlds)")
        try tmux.send("w")
        let asSet = try tmux.waitFor { $0.contains("AS SET: FUTURE 1") && $0.contains("as set · 2,000 worlds") }
        #expect(asSet.contains("lead 14.9 mo") && asSet.contains("worlds: median"), "\(asSet)")
        #expect(asSet.contains("As set: the central run") && !asSet.contains("MOST LIKELY"), "\(asSet)")
        #expect(asSet.contains("┄ median") && !asSet.contains("┄ as set"), "\(asSet)")
        try tmux.send("w")
        let back = try tmux.waitFor { $0.contains("MOST LIKELY") && $0.contains("across 2,000 worlds") }
        #expect(back.contains("Across worlds: medians") && !back.contains("AS SET:"), "\(back)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("v shows a lens by name; a a shows the levers across worlds; m opens the map and Esc closes it")
    func lensesWorldsAndMap() throws {
        let tmux = try Self.start()
        try tmux.send("v")
        let lens = try tmux.waitFor {
            $0.contains("lens: Controls backfire") && $0.contains("Lens Controls backfire vs the essay's view: P(F")
        }
        #expect(lens.contains("Lens Controls backfire vs the essay's view: P(F"), "\(lens)")
        try tmux.send("a")
        try tmux.send("a")
        let worlds = try tmux.waitFor {
            $0.contains("ΔP(F1)") && $0.contains("across 2000 worlds") && $0.contains("median")
        }
        #expect(worlds.contains("Export controls") && worlds.contains("median"), "\(worlds)")
        try tmux.send("m")
        let map = try tmux.waitFor {
            $0.contains("Map across worlds: Export controls") && !$0.contains("computing")
                && $0.contains("Export controls →")
        }
        #expect(map.contains("▀") && map.contains("Export controls →"), "\(map)")
        try tmux.send("Down")
        let y = try tmux.waitFor {
            $0.contains("↑ Offshore compute") && $0.contains("Export controls × Offshore compute")
        }
        #expect(y.contains("Export controls × Offshore compute"), "\(y)")
        try tmux.send("Escape")
        let closed = try tmux.waitFor {
            !$0.contains("Map across worlds") && ($0.contains("US lead, months") || $0.contains("US frontier lead"))
        }
        #expect(closed.contains("US lead, months") || closed.contains("US frontier lead"), "\(closed)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("m opens the map across worlds, shaded by probability, the point's P(F1) in the legend; w shows it as set")
    func mapAcrossWorlds() throws {
        let tmux = try Self.start(width: 200, height: 60)
        try tmux.send("1")
        try tmux.send("m")
        let worlds = try tmux.waitFor {
            $0.contains("Where Future 1 lives across worlds: Export controls × Anti-smuggling")
                && !$0.contains("computing") && $0.contains("you: P(Future 1)")
        }
        #expect(worlds.contains("P(Future 2) ≥ 90 %") && worlds.contains("≥ 90 % P(Future 1)"), "\(worlds)")
        #expect(worlds.contains("Across worlds, 500 a point") && worlds.contains("▀"), "\(worlds)")
        #expect(worlds.contains("Future 1 ≥ 12 months") && worlds.contains("contested (3–12 months)"), "\(worlds)")
        try tmux.send("w")
        let asSet = try tmux.waitFor {
            $0.contains("Where Future 1 lives as set: Export controls × Anti-smuggling") && !$0.contains("computing")
                && $0.contains("you: lead 14.9 mo, the central run")
        }
        #expect(!asSet.contains("you: P(Future 1)"), "\(asSet)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("a lens switch is explained against the essay's view across worlds, never against the previous lens")
    func lensExplained() throws {
        let tmux = try Self.start()
        for _ in 0..<5 { try tmux.send("v") }
        let critics = try tmux.waitFor {
            $0.contains("lens: All the critics") && $0.contains("Lens All the critics at once vs the essay's view: P(F")
        }
        #expect(
            critics.contains("Last change: Lens All the critics at once vs the essay's view: P(F2) +"), "\(critics)")
        try tmux.send("V")
        let price = try tmux.waitFor {
            $0.contains("lens: Price wins") && $0.contains("Lens Price wins vs the essay's view: P(F")
        }
        let line = price.split(separator: "\n").first { $0.contains("Last change:") }.map(String.init) ?? ""
        #expect(line.contains("Lens Price wins vs the essay's view: P(F2) +"), "\(price)")
        #expect(line.contains("China's markets +") && !line.contains("lead +5.0 mo"), "\(line)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("A opens the answer (2,000 worlds); 1 applies Future 1's levers in it; ←→ chooses the future; Esc closes")
    func answer() throws {
        let tmux = try Self.start()
        #expect(try tmux.capture().contains("A answer"))
        // At the status quo nothing moves Future 1, and the view says what to press.
        try tmux.send("A")
        let still = try tmux.waitFor {
            $0.contains("The answer: which lever") && $0.contains("2,000 worlds") && $0.contains("Press 1")
        }
        #expect(still.contains("no lever moves Future 1"), "\(still)")
        try tmux.send("1")
        let open = try tmux.waitFor { $0.contains("Future 1 most under") && $0.contains("2,000 worlds") }
        #expect(open.contains("Yours") && open.contains("Critics") && open.contains("Export controls"), "\(open)")
        #expect(open.contains("Future 1 most under"), "\(open)")
        #expect(open.contains("←→ future"), "\(open)")
        try tmux.send("Right")
        let future2 = try tmux.waitFor { $0.contains("Points of P(Future 2) each lever adds") }
        #expect(future2.contains("Future 2"), "\(future2)")
        try tmux.send("Escape")
        let closed = try tmux.waitFor { !$0.contains("The answer: which lever") && $0.contains("┌ POLICY ─") }
        #expect(closed.contains("A answer"), "\(closed)")
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("SIGTERM, SIGHUP and Ctrl-C leave the terminal sane", arguments: ["TERM", "HUP", "C-c"])
    func signals(how: String) throws {
        let tmux = try Self.start()
        if how == "C-c" {
            try tmux.send("C-c")
        } else {
            let shell = try tmux.shellPID()
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            kill.arguments = ["-\(how)", "-P", String(shell)]
            try kill.run()
            kill.waitUntilExit()
            #expect(kill.terminationStatus == 0, "no child of the shell to signal")
        }
        let stty = try Self.sttyAfterExit(tmux)
        #expect(Self.isOn("icanon", in: stty) && Self.isOn("echo", in: stty), "\(stty)")
        let screen = try tmux.capture()
        #expect(!screen.contains("┌ POLICY ─"), "the alternate screen was left: \(screen)")
    }

    @Test("at 80×24, ? opens the help overlay and Esc closes it")
    func help() throws {
        let tmux = try Self.start(width: 80, height: 24)
        try tmux.send("?")
        let help = try tmux.waitFor { $0.contains("redo") }
        #expect(help.contains("redo") && help.contains("undo"))
        try tmux.send("Escape")
        let closed = try tmux.waitFor { !$0.contains("redo") }
        #expect(!closed.contains("redo"))
        try tmux.send("q")
        _ = try Self.sttyAfterExit(tmux)
    }

    @Test("a terminal below 80×24 is asked to be enlarged, and the options set the start")
    func tooSmallAndOptions() throws {
        let small = try Self.start(width: 70, height: 20, ready: { $0.contains("enlarge the terminal") })
        let screen = try small.capture()
        #expect(screen.contains("enlarge the terminal (now 70×20, need 80×24)"), "\(screen)")
        #expect(!screen.contains("┌ POLICY ─"))
        try small.send("q")
        _ = try Self.sttyAfterExit(small)

        let started = try Self.start(args: "--preset future2 --set export_controls=80% --members 500") {
            $0.contains("across 500 worlds")
        }
        let shown = try started.capture()
        #expect(shown.contains("80 %") && shown.contains("10 %"), "\(shown)")
        try started.send("q")
        _ = try Self.sttyAfterExit(started)
    }

    @Test("bad dashboard options exit 64 before the screen changes")
    func badOptions() throws {
        let result = try CLI.run(["--set", "export_controls=2"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("export_controls must be within 0…1"))
        let theme = try CLI.run(["--theme", "neon"])
        #expect(theme.status == 64)
        #expect(theme.stderr.contains("unknown theme 'neon'"))
        let notTTY = try CLI.run([])
        #expect(notTTY.status == 64)
        #expect(notTTY.stderr.contains("twofutures run"))
    }
}
