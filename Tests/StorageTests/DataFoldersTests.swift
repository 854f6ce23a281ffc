import Foundation
import Storage
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
        let dirs = DataFolders(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"], executable: executable)
            .searchPath(.themes, explicit: "/tmp/mine")
        #expect(dirs == ["/tmp/mine", "/cfg/twofutures/themes", base.path + "/prefix/share/twofutures/Themes"])
        let noXDG = DataFolders(environment: ["HOME": "/home/u"], executable: executable).searchPath(.themes)
        #expect(noXDG == ["/home/u/.config/twofutures/themes", base.path + "/prefix/share/twofutures/Themes"])
    }

    @Test("source tree: without share/twofutures the first Themes/ above the executable is used")
    func sourceTree() throws {
        let base = try Self.tree(["Themes/", ".build/release/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent(".build/release/twofutures").path
        let folders = DataFolders(environment: [:], executable: executable)
        #expect(folders.shippedFolder(.themes) == base.path + "/Themes")
        #expect(folders.shippedFolder(.demos) == nil)
        let candidates = folders.shippedCandidates(.demos)
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
        #expect(
            DataFolders(environment: [:], executable: link.path).shippedFolder(.demos)
                == base.path + "/prefix/share/twofutures/Demos")
    }

    @Test("a demo by path, by bare name or name.demo, and a one-line error naming the folder searched")
    func demoLookup() throws {
        let base = try Self.tree(["prefix/bin/", "prefix/share/twofutures/Demos/tour.demo", "other/x.demo"])
        defer { try? FileManager.default.removeItem(at: base) }
        let folders = DataFolders(
            environment: [:], executable: base.appendingPathComponent("prefix/bin/twofutures").path)
        let tour = base.path + "/prefix/share/twofutures/Demos/tour.demo"
        #expect(try DemoStore.resolve("tour", folders: folders).get() == tour)
        #expect(try DemoStore.resolve("tour.demo", folders: folders).get() == tour)
        let path = base.path + "/other/x.demo"
        #expect(try DemoStore.resolve(path, folders: folders).get() == path)

        guard case .failure(let missing) = DemoStore.resolve("nope", folders: folders) else {
            Issue.record("a missing demo was found")
            return
        }
        #expect(missing.searched == [base.path + "/prefix/share/twofutures/Demos"])
        #expect(
            missing.description
                == "no demo 'nope': not a file, and not found in \(base.path)/prefix/share/twofutures/Demos "
                + "(shipped: tour)")
        guard case .failure(let badPath) = DemoStore.resolve(base.path + "/other/y.demo", folders: folders) else {
            Issue.record("a missing path was found")
            return
        }
        #expect(badPath.description == "cannot read \(base.path)/other/y.demo: no such file")
    }

    @Test("no Demos folder anywhere: the error lists every folder searched")
    func noDemosFolder() throws {
        let base = try Self.tree(["bin/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let folders = DataFolders(environment: [:], executable: base.appendingPathComponent("bin/twofutures").path)
        guard case .failure(let error) = DemoStore.resolve("tour", folders: folders) else {
            Issue.record("a demo was found without a Demos folder")
            return
        }
        #expect(error.searched.first == base.path + "/share/twofutures/Demos")
        #expect(error.searched.contains(base.path + "/bin/Demos"))
        #expect(error.description.contains(error.searched.joined(separator: ", ")))
    }

    @Test("one search for every kind: lenses like themes, scenarios under XDG_DATA_HOME, demos only shipped")
    func everyKind() throws {
        let base = try Self.tree(["prefix/bin/", "prefix/share/twofutures/Lenses/", "prefix/share/twofutures/Themes/"])
        defer { try? FileManager.default.removeItem(at: base) }
        let executable = base.appendingPathComponent("prefix/bin/twofutures").path
        let shared = base.path + "/prefix/share/twofutures"
        let xdg = DataFolders(
            environment: ["XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data", "HOME": "/home/u"],
            executable: executable)
        #expect(xdg.searchPath(.lenses, explicit: "/mine") == ["/mine", "/cfg/twofutures/lenses", shared + "/Lenses"])
        #expect(xdg.searchPath(.scenarios) == ["/data/twofutures/scenarios"])
        #expect(xdg.userFolder(.demos) == nil)
        #expect(xdg.searchPath(.demos).isEmpty)
        // Empty or relative XDG variables are ignored, as the XDG spec says.
        let home = DataFolders(
            environment: ["XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "rel/data", "HOME": "/home/u"], executable: executable
        )
        #expect(home.userFolder(.themes) == "/home/u/.config/twofutures/themes")
        #expect(home.userFolder(.lenses) == "/home/u/.config/twofutures/lenses")
        #expect(home.userFolder(.scenarios) == "/home/u/.local/share/twofutures/scenarios")
    }
}
