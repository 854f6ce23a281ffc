import Dashboard
import Foundation
import FuturesModel
import Storage
import Testing

@Suite("Saved scenarios and exports")
struct ScenarioStoreTests {
    @Test("save writes NAME.toml, refuses to replace it unless asked, and the list reads it back")
    func saveAndList() throws {
        let folder = try TemporaryFolder("scenarios")
        defer { folder.remove() }
        let dir = folder.file("data/twofutures/scenarios")
        var scenario = Scenario()
        scenario.levers.smugglingEnforcement = 0.7
        let request = SaveRequest(name: "Enforcement first")
        let path = try ScenarioStore.save(request, scenario: scenario, in: dir)
        #expect(path == dir + "/" + request.fileName)
        #expect(throws: StorageError.exists(path: path)) {
            try ScenarioStore.save(request, scenario: Scenario(), in: dir)
        }
        var again = request
        again.overwrite = true
        #expect(try ScenarioStore.save(again, scenario: scenario, in: dir) == path)

        try AtomicFile.create(dir + "/broken.toml", contents: "model = \"twofutures/2\"\n")
        try AtomicFile.create(dir + "/.hidden.toml", contents: "not toml at all")
        let (scenarios, skipped) = ScenarioStore.list(in: dir)
        #expect(scenarios.map(\.name) == ["Enforcement first"])
        #expect(scenarios.first?.scenario == scenario)
        #expect(skipped == ["\(dir)/broken.toml:1: name: missing"])
        let none = ScenarioStore.list(in: folder.file("none"))
        #expect(none.scenarios.isEmpty && none.skipped.isEmpty)
    }

    @Test("export writes run-N.json and run-N.csv, and run-N.svg when given, with the first free N")
    func export() throws {
        let folder = try TemporaryFolder("exports")
        defer { folder.remove() }
        let document = RunDocument(analysis: Analysis(Scenario()), ensemble: nil)
        let first = try ScenarioStore.export(document, in: folder.path)
        #expect(first == folder.file("run-1"))
        #expect(try Files.readText(first + ".json") == document.json())
        #expect(try Files.readText(first + ".csv") == document.csv())
        try AtomicFile.create(folder.file("run-2.csv"), contents: "taken")
        #expect(try ScenarioStore.export(document, in: folder.path) == folder.file("run-3"))
        // With the screen's SVG (the dashboard's e): a third file, and a taken .svg also skips N.
        try AtomicFile.create(folder.file("run-4.svg"), contents: "taken")
        let pictured = try ScenarioStore.export(document, svg: "<svg/>", in: folder.path)
        #expect(pictured == folder.file("run-5"))
        #expect(try Files.readText(pictured + ".svg") == "<svg/>")
        #expect(try Files.readText(pictured + ".json") == document.json())
    }

    @Test("the scenarios folder follows XDG_DATA_HOME; displayPath writes the home as ~")
    func folders() {
        let folders = DataFolders(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"], executable: "/bin/tf")
        #expect(folders.userFolder(.scenarios) == "/data/twofutures/scenarios")
        #expect(displayPath(NSHomeDirectory() + "/.local/share/x") == "~/.local/share/x")
        #expect(displayPath("/elsewhere/x") == "/elsewhere/x")
    }
}
