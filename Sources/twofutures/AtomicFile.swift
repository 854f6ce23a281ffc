import Dashboard
import Foundation
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that appear complete or not at all: written to a temporary file in the same
/// folder, fsynced, then linked into place. `link` fails when the target exists, so an
/// existing file is never overwritten; a write that fails or is killed leaves the target
/// untouched (at worst a hidden `.twofutures-*` temporary file).
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `$XDG_DATA_HOME/twofutures/scenarios`, else `~/.local/share/twofutures/scenarios`.
    static var scenariosDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let base =
            env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("twofutures/scenarios")
    }

    /// Writes `data` to a new file at `path`; fails if `path` exists.
    static func create(_ path: String, data: Data) throws {
        let dir = (path as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/.twofutures-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot write in \(dir): \(String(cString: strerror(errno)))") }
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var error: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    error = errno
                    return
                }
                offset += n
            }
        }
        if error == 0, fsync(fd) != 0 { error = errno }
        close(fd)
        if error == 0, link(temp, path) != 0 { error = errno }
        unlink(temp)
        guard error == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(error)))")
        }
        let dirFD = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Saves `scenario` as `<name as a file name>.toml` in the scenarios folder; refuses to
    /// replace an existing file. Returns the path.
    static func save(name: String, scenario: Scenario) throws -> String {
        let dir = scenariosDirectory
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(dir)")
        }
        var stem = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                stem.append(c)
            } else if !stem.isEmpty && stem.last != "-" {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        if stem.isEmpty { stem = "scenario" }
        let path = (dir as NSString).appendingPathComponent(stem + ".toml")
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) exists; choose another name (it is never overwritten)")
        }
        try create(path, data: Data(ScenarioFile(name: name, scenario: scenario).toml.utf8))
        return path
    }

    /// The scenario files in the scenarios folder, by name, and the errors of bad ones.
    static func savedScenarios() -> ([SavedScenario], [String]) {
        let dir = scenariosDirectory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
            $0.hasSuffix(".toml") && !$0.hasPrefix(".")
        }.sorted()
        var list: [SavedScenario] = []
        var errors: [String] = []
        for file in names {
            let path = (dir as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append("cannot read \(path)")
                continue
            }
            do {
                let parsed = try ScenarioFile.parse(text, path: path)
                list.append(SavedScenario(name: parsed.name, path: path, scenario: parsed.scenario))
            } catch {
                errors.append(error.description)
            }
        }
        return (list, errors)
    }

    /// Exports a run as `run-N.json` and `run-N.csv` (the first N free) in `dir`; returns
    /// the path without the extension.
    static func export(_ document: Document, in dir: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(dir)")
        }
        for n in 1...10_000 {
            let stem = (dir as NSString).appendingPathComponent("run-\(n)")
            let fm = FileManager.default
            if fm.fileExists(atPath: stem + ".json") || fm.fileExists(atPath: stem + ".csv") { continue }
            try create(stem + ".json", data: Data(document.json().utf8))
            try create(stem + ".csv", data: Data(document.csv().utf8))
            return stem
        }
        throw Failure(description: "too many exports in \(dir)")
    }
}
