import Dashboard
import Foundation
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that appear complete or not at all: written to a temporary file in the same
/// folder, fsynced, then linked into place (`link` fails when the target exists, so an
/// existing file is never overwritten) or, to replace a file the user agreed to replace,
/// renamed over it. A write that fails or is killed leaves the target untouched (at worst
/// a hidden `.twofutures-*` temporary file).
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `save` found a file of that name and was not allowed to replace it.
    struct Exists: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) exists" }
    }

    /// `path` with the home folder written `~`.
    static func displayPath(_ path: String) -> String {
        let home = NSHomeDirectory()
        guard home.count > 1, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// `$XDG_DATA_HOME/twofutures/scenarios`, else `~/.local/share/twofutures/scenarios`.
    static var scenariosDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let base =
            env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("twofutures/scenarios")
    }

    /// Writes `data` to a new file at `path`; fails if `path` exists, unless `replace`.
    static func create(_ path: String, data: Data, replace: Bool = false) throws {
        let dir = (path as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/.twofutures-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot write in \(dir): \(String(cString: strerror(errno)))") }
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes the file 0600: give it the mode of the file it replaces, or the
        // mode a new file gets (0666 less the umask).
        var existing = stat()
        if replace, stat(path, &existing) == 0 {
            fchmod(fd, existing.st_mode & 0o7777)
        } else {
            let mask = umask(0o022)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        var error: Int32 = 0
        let killAfter = faultInjectionBytes
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                if let killAfter, offset >= killAfter { raise(SIGKILL) }
                let chunk = killAfter.map { max(1, min(buffer.count - offset, $0 - offset)) } ?? (buffer.count - offset)
                let n = write(fd, buffer.baseAddress! + offset, chunk)
                if n <= 0 {
                    error = errno
                    return
                }
                offset += n
            }
        }
        if error == 0, fsync(fd) != 0 { error = errno }
        close(fd)
        if error == 0 {
            if replace {
                if rename(temp, path) != 0 { error = errno }
            } else if link(temp, path) != 0 {
                error = errno
            }
        }
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

    /// For the kill-mid-write test only: `TWOFUTURES_TEST_KILL_AFTER_BYTES=N` makes a write
    /// send SIGKILL to this process once N bytes of a file are written (the rest unwritten).
    static let faultInjectionBytes: Int? = ProcessInfo.processInfo.environment["TWOFUTURES_TEST_KILL_AFTER_BYTES"]
        .flatMap { Int($0) }

    /// Saves `scenario` as `<name as a file name>.toml` in the scenarios folder. An existing
    /// file of that name is replaced only with `overwrite` (the user said y); else this
    /// throws `Exists`. Returns the path.
    static func save(_ request: SaveRequest, scenario: Scenario) throws -> String {
        let dir = scenariosDirectory
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(dir)")
        }
        let path = (dir as NSString).appendingPathComponent(request.fileName)
        if !request.overwrite && FileManager.default.fileExists(atPath: path) { throw Exists(path: path) }
        try create(
            path, data: Data(ScenarioFile(name: request.name, scenario: scenario).toml.utf8), replace: request.overwrite
        )
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
                errors.append("\(path): cannot read the file")
                continue
            }
            do {
                let parsed = try ScenarioFile.parse(text, path: path)
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
