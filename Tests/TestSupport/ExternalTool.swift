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

    /// Runs `executable` with `args`, in `directory` when given, with exactly `environment`
    /// when given (else this process's), and waits for it.
    public static func run(
        _ executable: String, _ args: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
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

    /// An XML document as Python's strict parser (expat) reads it.
    public struct XMLRoot: Sendable {
        /// The root element's tag, with its namespace as `{uri}name`.
        public let tag: String
        public let attributes: [String: String]
        /// The text of every `text` element (SVG's), in document order.
        public let texts: [String]
    }

    /// Parses an XML file with Python's strict parser (expat); returns the root element and
    /// the SVG text elements' text, or throws the parser's message.
    public static func parseXML(_ file: String) throws -> XMLRoot {
        let python = try path("python3", package: "python3")
        let code = """
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
            print(json.dumps({"tag": root.tag, "attributes": root.attrib, "texts": texts}))
            """
        let result = try run(python, ["-c", code, file])
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let tag = object["tag"] as? String, let attributes = object["attributes"] as? [String: String],
            let texts = object["texts"] as? [String]
        else { throw NotWellFormed(message: result.stderr) }
        return XMLRoot(tag: tag, attributes: attributes, texts: texts)
    }

    /// Renders an SVG file to PNG with rsvg-convert (librsvg2-bin); returns the run (the
    /// PNG is written to `png`).
    public static func rsvgConvert(_ svg: String, to png: String) throws -> Output {
        try run(try path("rsvg-convert", package: "librsvg2-bin"), [svg, "-o", png])
    }

    /// A PNG's width and height from its header (nil when it is no PNG).
    public static func pngSize(_ file: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: file), data.count >= 24,
            Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        else { return nil }
        func big(_ at: Int) -> Int { data[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
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
