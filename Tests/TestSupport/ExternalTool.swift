import Foundation

/// The programs some tests check their output with (`make deps` installs them): pyte and
/// asciinema (PyPI, in the virtual environment `.build/share-tools`), rsvg-convert
/// (Debian's librsvg2-bin). A missing one fails the test with a line that says to run
/// `make deps`.
public enum ExternalTool {
    /// The result of a run.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The repository's root (for `scripts/`).
    public static let repository = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// `make deps`'s virtual environment of Python tools.
    public static let tools = repository.appendingPathComponent(".build/share-tools/bin").path

    /// `name`'s path in `tools`, else on PATH; throws `Missing` when it is in neither.
    public static func path(_ name: String, package: String) throws -> String {
        let folders =
            [Substring(tools)] + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(tool: name, package: package)
    }

    /// python3's path, once it imports `module`; throws `Missing` otherwise.
    public static func python(with module: String) throws -> String {
        let python = try path("python3", package: "python3")
        guard try run(python, ["-c", "import \(module)"]).status == 0 else {
            throw Missing(tool: "the Python module \(module)", package: "\(module) from PyPI")
        }
        return python
    }

    /// Runs `executable` with `args` and waits for it.
    public static func run(_ executable: String, _ args: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Replays an asciicast through pyte (`scripts/cast-replay.py`): the final screen's
    /// lines, or with `cells` its JSON with every cell's colours.
    public static func replay(_ cast: String, cells: Bool = false) throws -> Output {
        let python = try python(with: "pyte")
        let script = repository.appendingPathComponent("scripts/cast-replay.py").path
        return try run(python, [script] + (cells ? ["--cells"] : []) + [cast])
    }

    /// Parses an XML file with Python's strict parser (expat); returns the root element's
    /// tag and attributes, or throws the parser's message.
    public static func parseXML(_ file: String) throws -> (tag: String, attributes: [String: String]) {
        let python = try path("python3", package: "python3")
        let code = """
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            print(json.dumps({"tag": root.tag, "attributes": root.attrib}))
            """
        let result = try run(python, ["-c", code, file])
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let tag = object["tag"] as? String, let attributes = object["attributes"] as? [String: String]
        else { throw NotWellFormed(message: result.stderr) }
        return (tag, attributes)
    }

    /// A tool that is not installed.
    public struct Missing: Error, CustomStringConvertible {
        public let tool: String
        public let package: String
        public var description: String { "\(tool) is missing (\(package)): run `make deps`" }
    }

    /// XML that does not parse.
    public struct NotWellFormed: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "not well-formed XML: \(message)" }
    }
}
