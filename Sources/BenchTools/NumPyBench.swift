import Foundation

/// The NumPy reference (`scripts/numpy_ensemble.py`: the same model and percentiles,
/// written as a NumPy user would) timed in the same run as the Swift ensemble, so the ratio
/// compares like with like on a loaded machine. Without python3, NumPy or the script, both
/// figures are null and `note` says why.
public enum NumPyBench {
    /// The script, relative to the source tree.
    public static let script = "scripts/numpy_ensemble.py"

    /// `numpy_ms` (the script's median over its repetitions) and `numpy_ratio`
    /// (numpy_ms / ensemble_ms, at least 25 wanted), plus why they are null when they are.
    public static func figures(members n: Int, ensembleMs: Double) -> (figures: [Figure], note: String?) {
        let (ms, note) = measure(members: n)
        let ratio = ms.map { $0 / ensembleMs }
        return (
            [
                Figure("numpy_ms", "NumPy reference, \(n) members (scripts/numpy_ensemble.py)", ms: ms ?? .nan),
                Figure(
                    "numpy_ratio", "NumPy time / ensemble time", value: ratio ?? .nan, unit: "x", goal: 25,
                    decimals: 2, atLeast: true),
            ], note
        )
    }

    /// The script's median time in milliseconds, or nil and the reason.
    static func measure(members n: Int) -> (Double?, String?) {
        guard let script = locate() else {
            return (nil, "numpy_ms: \(script) not found beside the binary's source tree")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python(besideScript: script), script, String(n), "7"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (nil, "numpy_ms: python3 could not be started") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 3: return (nil, "numpy_ms: NumPy is not installed (make deps installs it into .build/share-tools)")
        case 127: return (nil, "numpy_ms: python3 is not installed")
        default: return (nil, "numpy_ms: the NumPy reference failed (exit \(process.terminationStatus))")
        }
        guard
            let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let ms = doc["numpy_ms"] as? Double, ms > 0
        else { return (nil, "numpy_ms: the NumPy reference printed no time") }
        return (ms, nil)
    }

    /// The python3 of `make deps`' virtual environment (`.build/share-tools`, where it puts
    /// NumPy) in the script's source tree, if there is one; else the python3 on PATH.
    static func python(besideScript script: String) -> String {
        let root = URL(fileURLWithPath: script).deletingLastPathComponent().deletingLastPathComponent()
        let venv = root.appendingPathComponent(".build/share-tools/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// The script in the source tree the binary was built in: found by walking up from the
    /// executable (`.build/<config>/twofutures`), then from the working directory.
    static func locate() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for start in [
            executable.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ] {
            var dir = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent(script).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }
}
