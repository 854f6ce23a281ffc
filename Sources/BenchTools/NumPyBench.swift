import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The NumPy reference (`scripts/numpy_ensemble.py`: the same model and percentiles,
/// written as a NumPy user would) timed in the same run as the Swift ensemble, so the ratio
/// compares like with like on a loaded machine; likewise `scripts/numpy_worlds.py` for the
/// worlds analysis. Without python3, NumPy or the script, both figures are null and `note`
/// says why.
public enum NumPyBench {
    /// The script, relative to the source tree.
    public static let script = "scripts/numpy_ensemble.py"

    /// The NumPy reference of the worlds analysis (MODEL.md §4 "Across worlds", what
    /// `run --worlds` computes: 240 scenario Summaries over one set of uniforms).
    public static let worldsScript = "scripts/numpy_worlds.py"

    /// `numpy_ms` (the script's median over its repetitions) and `numpy_ratio`
    /// (numpy_ms / ensemble_ms, at least 25 wanted), plus why they are null when they are.
    public static func figures(members n: Int, ensembleMs: Double) -> (figures: [Figure], note: String?) {
        let (ms, note) = measure(script: script, key: "numpy_ms", arguments: [String(n), "7"])
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

    /// `numpy_worlds_ms` (scripts/numpy_worlds.py's median time of one whole worlds analysis
    /// of the status quo at `n` members, default 2,000 like `run --worlds`, over
    /// `repetitions` runs) and `numpy_worlds_ratio` (numpy_worlds_ms / worlds_ms, at least
    /// 50 wanted), plus why they are null when they are. `worldsMs` must be the Swift worlds
    /// analysis of the same scenario at the same member count.
    public static func worldsFigures(
        members n: Int = 2000, worldsMs: Double, repetitions: Int = 5
    ) -> (figures: [Figure], note: String?) {
        let (ms, note) = measure(
            script: worldsScript, key: "numpy_worlds_ms", arguments: [String(n), String(repetitions)])
        let ratio = ms.map { $0 / worldsMs }
        return (
            [
                Figure(
                    "numpy_worlds_ms", "NumPy worlds analysis, \(n) members (scripts/numpy_worlds.py)",
                    ms: ms ?? .nan),
                Figure(
                    "numpy_worlds_ratio", "NumPy worlds time / worlds time", value: ratio ?? .nan, unit: "x",
                    goal: 50, decimals: 2, atLeast: true),
            ], note
        )
    }

    /// A script's median time in milliseconds (its JSON's `numpy_ms`), or nil and the
    /// reason, a line that starts with `key`.
    static func measure(script: String, key: String, arguments: [String]) -> (Double?, String?) {
        guard let path = locate(script) else {
            return (nil, "\(key): \(script) not found beside the binary's source tree")
        }
        let (status, data) = Subprocess.run(["/usr/bin/env", python(besideScript: path), path] + arguments)
        switch status {
        case 0: break
        case 3: return (nil, "\(key): NumPy is not installed (make deps installs it into .build/share-tools)")
        case 127: return (nil, "\(key): python3 is not installed")
        default: return (nil, "\(key): the NumPy reference failed (exit \(status))")
        }
        struct Timing: Decodable {
            // swift-format-ignore: AlwaysUseLowerCamelCase
            let numpy_ms: Double
        }
        guard let ms = (try? JSONDecoder().decode(Timing.self, from: Data(data)))?.numpy_ms, ms > 0 else {
            return (nil, "\(key): the NumPy reference printed no time")
        }
        return (ms, nil)
    }

    /// The python3 of `make deps`' virtual environment (`.build/share-tools`, where it puts
    /// NumPy) in the script's source tree, if there is one; else the python3 on PATH.
    static func python(besideScript script: String) -> String {
        let root = URL(fileURLWithPath: script).deletingLastPathComponent().deletingLastPathComponent()
        let venv = root.appendingPathComponent(".build/share-tools/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// A script (a path relative to the source tree) in the source tree the binary was built
    /// in: found by walking up from the executable (`.build/<config>/twofutures`), then from
    /// the working directory.
    static func locate(_ script: String) -> String? {
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
