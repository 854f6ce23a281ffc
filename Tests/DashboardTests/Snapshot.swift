import Foundation
import Testing

/// The folder of the golden files, `Tests/DashboardTests/Snapshots`, beside this file
/// whatever folder the test that asks sits in.
let snapshotDirectory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

/// A dependency-free golden-file check: compares `text` with `Snapshots/<name>.txt`.
///
/// With the environment variable `RECORD_SNAPSHOTS=1` the file is (re)written and the
/// check passes; otherwise a missing or different file fails the test.
func assertSnapshot(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = snapshotDirectory
    let file = directory.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let stored = try? String(contentsOf: file, encoding: .utf8)
    if recording {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let stored else {
        Issue.record(
            "no snapshot \(file.lastPathComponent); run with RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    let want = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
    guard want != text else { return }
    Issue.record(
        "snapshot \(name) differs:\n\(firstDifference(want, text))", sourceLocation: sourceLocation)
}

/// The first differing line of two texts, for a readable failure.
func firstDifference(_ want: String, _ got: String) -> String {
    let a = want.split(separator: "\n", omittingEmptySubsequences: false)
    let b = got.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? String(a[i]) : "<none>"
        let y = i < b.count ? String(b[i]) : "<none>"
        if x != y { return "line \(i + 1)\n want: \(x)\n  got: \(y)" }
    }
    return "(same lines)"
}
