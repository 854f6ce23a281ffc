import Dashboard
import Foundation
import Testing

/// Where the shipped themes and demos are found: installed (`<prefix>/share/twofutures`)
/// or in the source tree, relative to the executable.
@Suite("Data folders")
struct DataFoldersTests {
    /// A fresh folder with the given subfolders and empty files ("a/b/" is a folder).
    static func tree(_ entries: [String]) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tf-data-\(UUID().uuidString)")
        for entry in entries {
            let url = base.appendingPathComponent(entry)
            if entry.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data().write(to: url)
            }
        }
        return base.resolvingSymlinksInPath()
    }

    @Test("installed: --theme-dir, then XDG, then <prefix>/share/twofutures/Themes, not a Themes/ above")
    func installedOrder() throws {
        let base = try Self.tree(["Themes/", "prefix/bin/", "prefix/share/twofutures/Themes/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent("prefix/bin/twofutures").path
        let dirs = ThemeCatalog.searchPath(
            themeDir: "/tmp/mine", environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"],
            executable: executable)
        #expect(dirs == ["/tmp/mine", "/cfg/twofutures/themes", base.path + "/prefix/share/twofutures/Themes"])
        let noXDG = ThemeCatalog.searchPath(themeDir: nil, environment: ["HOME": "/home/u"], executable: executable)
        #expect(noXDG == ["/home/u/.config/twofutures/themes", base.path + "/prefix/share/twofutures/Themes"])
    }

    @Test("source tree: without share/twofutures the first Themes/ above the executable is used")
    func sourceTree() throws {
        let base = try Self.tree(["Themes/", ".build/release/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent(".build/release/twofutures").path
        #expect(DataFolders.find("Themes", executable: executable) == base.path + "/Themes")
        #expect(DataFolders.find("Demos", executable: executable) == nil)
        let candidates = DataFolders.candidates("Demos", executable: executable)
        #expect(candidates.first == base.path + "/.build/share/twofutures/Demos")
        #expect(candidates.dropFirst().first == base.path + "/.build/release/Demos")
        #expect(candidates.last == "/Demos")
    }

    @Test("a symbolic link to the executable finds the data of the real installation")
    func symlink() throws {
        let base = try Self.tree(["prefix/bin/twofutures", "prefix/share/twofutures/Demos/", "home/bin/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let link = base.appendingPathComponent("home/bin/twofutures")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: base.appendingPathComponent("prefix/bin/twofutures"))
        #expect(DataFolders.find("Demos", executable: link.path) == base.path + "/prefix/share/twofutures/Demos")
    }

    @Test("a demo by path, by bare name or name.demo, and a one-line error naming the folder searched")
    func demoLookup() throws {
        let base = try Self.tree(["prefix/bin/", "prefix/share/twofutures/Demos/tour.demo", "other/x.demo"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent("prefix/bin/twofutures").path
        let tour = base.path + "/prefix/share/twofutures/Demos/tour.demo"
        #expect(try DemoLocator.resolve("tour", executable: executable).get() == tour)
        #expect(try DemoLocator.resolve("tour.demo", executable: executable).get() == tour)
        let path = base.path + "/other/x.demo"
        #expect(try DemoLocator.resolve(path, executable: executable).get() == path)

        guard case .failure(let missing) = DemoLocator.resolve("nope", executable: executable) else {
            Issue.record("a missing demo was found")
            return
        }
        #expect(missing.searched == [base.path + "/prefix/share/twofutures/Demos"])
        #expect(
            missing.description
                == "no demo 'nope': not a file, and not found in \(base.path)/prefix/share/twofutures/Demos "
                + "(shipped: tour)")
        guard case .failure(let badPath) = DemoLocator.resolve(base.path + "/other/y.demo", executable: executable)
        else {
            Issue.record("a missing path was found")
            return
        }
        #expect(badPath.description == "cannot read \(base.path)/other/y.demo: no such file")
    }

    @Test("no Demos folder anywhere: the error lists every folder searched")
    func noDemosFolder() throws {
        let base = try Self.tree(["bin/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent("bin/twofutures").path
        guard case .failure(let error) = DemoLocator.resolve("tour", executable: executable) else {
            Issue.record("a demo was found without a Demos folder")
            return
        }
        #expect(error.searched.first == base.path + "/share/twofutures/Demos")
        #expect(error.searched.contains(base.path + "/bin/Demos"))
        #expect(error.description.contains(error.searched.joined(separator: ", ")))
    }
}
