import Dashboard
import Formats
import FuturesModel

/// The saved scenarios and the exports: one folder, `$XDG_DATA_HOME/twofutures/scenarios`
/// (`~/.local/share/…` when unset), where `s` saves, `o` lists and `e` exports. Every file
/// is written whole or not at all (`AtomicFile`).
public enum ScenarioStore {
    /// `$XDG_DATA_HOME/twofutures/scenarios`, else `~/.local/share/twofutures/scenarios`.
    public static var directory: String { DataFolders.current.userFolder(.scenarios)! }

    /// Saves `scenario` as `<name as a file name>.toml` in `dir` (made when missing). An
    /// existing file of that name is replaced only with `request.overwrite` (the user said
    /// y); else this throws `.exists(path)`. Returns the path.
    /// `lens`: the lens the assumptions are, recorded as `lens = "id"` while they match it
    /// (`ScenarioFile.toml` checks).
    public static func save(
        _ request: SaveRequest, scenario: Scenario, in dir: String, lens: Lens? = nil
    ) throws(StorageError) -> String {
        try Files.createFolder(dir)
        let path = Files.path(request.fileName, in: dir)
        if !request.overwrite && Files.exists(path) { throw .exists(path: path) }
        let file = ScenarioFile(name: request.name, scenario: scenario, lens: lens)
        try AtomicFile.create(path, contents: file.toml, replace: request.overwrite)
        return path
    }

    /// The scenario files in `dir` (not hidden ones), by file name, and one line for each
    /// file that cannot be used: "PATH: cannot read the file" or its `FILE:LINE: …` error.
    /// A file's `lens = "id"` names one of `lenses`.
    public static func list(
        in dir: String, lenses: [Lens] = Lens.builtIn
    ) -> (scenarios: [SavedScenario], skipped: [String]) {
        var list: [SavedScenario] = []
        var errors: [String] = []
        for file in Files.names(in: dir, suffix: ".toml") where !file.hasPrefix(".") {
            let path = Files.path(file, in: dir)
            guard let text = try? Files.readText(path) else {
                errors.append("\(path): cannot read the file")
                continue
            }
            do {
                let parsed = try ScenarioFile.parse(text, path: path, lenses: lenses)
                list.append(
                    SavedScenario(
                        name: parsed.name, path: path, scenario: parsed.scenario, notes: parsed.notes,
                        notice: parsed.isVersion1 ? ModelVersion.notice(file) : nil))
            } catch {
                errors.append(error.description)
            }
        }
        return (list, errors)
    }

    /// Exports a run as `run-N.json` and `run-N.csv`, and with `svg` the screen as
    /// `run-N.svg` (the first N free for all three) in `dir` (made when missing); returns
    /// the path without the extension.
    public static func export(
        _ document: RunDocument, svg: String? = nil, in dir: String
    ) throws(StorageError) -> String {
        try Files.createFolder(dir)
        for n in 1...10_000 {
            let stem = Files.path("run-\(n)", in: dir)
            if Files.exists(stem + ".json") || Files.exists(stem + ".csv") || Files.exists(stem + ".svg") { continue }
            try AtomicFile.create(stem + ".json", contents: document.json())
            try AtomicFile.create(stem + ".csv", contents: document.csv())
            if let svg { try AtomicFile.create(stem + ".svg", contents: svg) }
            return stem
        }
        throw .tooManyExports(folder: dir)
    }
}
