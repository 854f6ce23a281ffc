import Dashboard
import Foundation
import Storage
import Testing

/// Theme files read from folders: the shipped ones, the catalog's order, the search path.
@Suite("Theme files")
struct ThemeStoreTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("../../Themes").standardized.path
    /// The theme fixtures the parser tests use too.
    static let fixtures = root.appendingPathComponent("../FormatsTests/Fixtures/themes").standardized.path

    static func shippedTheme(_ name: String) throws -> Theme {
        try ThemeStore.load("\(shipped)/\(name).toml").get()
    }

    @Test("every shipped theme parses, and the five kinds are there")
    func shippedThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.shipped).filter { $0.hasSuffix(".toml") }
        #expect(files.count >= 5)
        for file in files {
            let result = ThemeStore.load("\(Self.shipped)/\(file)")
            if case .failure(let error) = result { Issue.record("\(file): \(error)") }
        }
        let catalog = ThemeStore.catalog(directories: [Self.shipped])
        #expect(catalog.errors.isEmpty)
        #expect(catalog.themes.first?.name == "dark")
        for name in ["dark", "light", "high-contrast", "colorblind", "mono"] {
            #expect(catalog.theme(named: name)?.source?.hasSuffix("Themes/\(name).toml") == true, "\(name)")
        }
        #expect(try Self.shippedTheme("mono").glyphs == .ascii)
        #expect(try Self.shippedTheme("dark").glyphs == .braille)
    }

    @Test("earlier folders override later ones; bad files are reported; built-ins fill in")
    func catalogOrder() {
        let catalog = ThemeStore.catalog(directories: [
            "\(Self.fixtures)/user", "/nonexistent/folder", "\(Self.fixtures)/shipped", "\(Self.fixtures)/bad",
        ])
        #expect(catalog.themes.map(\.name) == ["dark", "extra", "light"])
        #expect(catalog.theme(named: "dark")?.description == "user dark")
        #expect(catalog.theme(named: "light")?.source == nil)
        #expect(catalog.errors.count == 6)
        #expect(ThemeStore.catalog(directories: []).themes.map(\.name) == ["dark", "light"])
    }

    @Test("the search path: --theme-dir, XDG, then Themes/ beside the executable or above it")
    func searchPath() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tf-themes-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
        let dirs = DataFolders(
            environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"],
            executable: base.appendingPathComponent(".build/release/twofutures").path
        ).searchPath(.themes, explicit: "/tmp/mine")
        #expect(dirs.count == 3)
        #expect(dirs[0] == "/tmp/mine")
        #expect(dirs[1] == "/cfg/twofutures/themes")
        #expect(dirs[2].hasSuffix("tf-themes-\(getpid())/Themes"))
    }

    @Test("an unreadable or non-UTF-8 file is one error at line 1")
    func unreadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tf-theme-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.toml").path
        try Data([0x6E, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
        #expect(ThemeStore.load(bad) == .failure(ThemeError(path: bad, line: 1, message: "not UTF-8 text")))
        let missing = folder.appendingPathComponent("none.toml").path
        #expect(
            ThemeStore.load(missing) == .failure(ThemeError(path: missing, line: 1, message: "cannot read the file")))
    }
}
