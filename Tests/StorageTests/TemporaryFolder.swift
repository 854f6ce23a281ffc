import Foundation

/// A fresh empty folder under the temporary directory, for one test; `remove()` deletes it.
struct TemporaryFolder {
    let path: String

    init(_ name: String) throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(name)-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// `name` in the folder.
    func file(_ name: String) -> String { path + "/" + name }
}
