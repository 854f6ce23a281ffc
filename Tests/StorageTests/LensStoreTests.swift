import Dashboard
import Foundation
import FuturesModel
import Storage
import Testing

/// Lens files read from folders: the shipped ones, the search path, overrides.
@Suite("Lens files")
struct LensStoreTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("../../Lenses").standardized.path
    /// The lens fixtures the parser tests use too.
    static let fixtures = root.appendingPathComponent("../FormatsTests/Fixtures/lenses").standardized.path

    @Test("the shipped folder gives the seven, from their files, with no error")
    func shippedLenses() {
        let catalog = LensStore.catalog(directories: [Self.shipped])
        #expect(catalog.errors.isEmpty)
        #expect(catalog.lenses.map(\.id) == Lens.builtIn.map(\.id))
        for lens in catalog.lenses { #expect(lens.file == "\(Self.shipped)/\(lens.id).toml") }
    }

    @Test("a user folder overrides the shipped one by id and adds its own; a bad file is reported")
    func override() throws {
        let catalog = LensStore.catalog(directories: [
            "\(Self.fixtures)/user", "/nonexistent/folder", Self.shipped,
        ])
        #expect(
            catalog.lenses.map(\.id)
                == ["essay", "backfire", "leaky", "distillation", "price", "all-critics", "optimist", "zero", "cheap"])
        #expect(try catalog.lens("backfire").file == "\(Self.fixtures)/user/backfire.toml")
        #expect(try catalog.lens("price").file == "\(Self.shipped)/price.toml")
        #expect(
            catalog.errors.map(\.description) == [
                "\(Self.fixtures)/user/leaky.toml:6: assumptions.control_leakage: control_leakage must be within "
                    + "0.0…1.0, got '2'"
            ])
    }

    @Test("with no folder to read, the compiled-in seven fill in")
    func noFolders() {
        #expect(LensStore.catalog(directories: ["/nonexistent/folder"]).lenses == Lens.builtIn)
        #expect(LensStore.catalog(directories: []) == LensCatalog.builtIn)
    }

    @Test("the search path: --lens-dir, XDG (or ~/.config), then Lenses/ beside the executable or above it")
    func searchPath() throws {
        let base = try TemporaryFolder("lenses")
        defer { base.remove() }
        try FileManager.default.createDirectory(atPath: base.file("Lenses"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base.file(".build/release"), withIntermediateDirectories: true)
        let executable = base.file(".build/release/twofutures")
        let dirs = DataFolders(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"], executable: executable)
            .searchPath(.lenses, explicit: "/tmp/mine")
        #expect(dirs == ["/tmp/mine", "/cfg/twofutures/lenses", base.file("Lenses")])
        let home = DataFolders(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"], executable: executable)
        #expect(home.searchPath(.lenses) == ["/home/u/.config/twofutures/lenses", base.file("Lenses")])
        // Installed: share/twofutures/Lenses beside the bin folder comes before any Lenses/ above.
        try FileManager.default.createDirectory(
            atPath: base.file("prefix/share/twofutures/Lenses"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base.file("prefix/bin"), withIntermediateDirectories: true)
        let installed = DataFolders(environment: ["HOME": "/home/u"], executable: base.file("prefix/bin/twofutures"))
        #expect(installed.shippedFolder(.lenses) == base.file("prefix/share/twofutures/Lenses"))
    }

    @Test("the catalog of a search path: a lens in --lens-dir overrides the user's and the shipped one")
    func catalogOfSearchPath() throws {
        let base = try TemporaryFolder("lens-search")
        defer { base.remove() }
        let config = base.file("config/twofutures/lenses")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base.file("mine"), withIntermediateDirectories: true)
        let file = "name = \"%@\"\nargument = \"a\"\nsource = \"s\"\n[assumptions]\nchina_price_advantage = %@\n"
        try String(format: file, "User price", "40").write(
            toFile: config + "/price.toml", atomically: true, encoding: .utf8)
        try String(format: file, "Dir price", "45").write(
            toFile: base.file("mine/price.toml"), atomically: true, encoding: .utf8)
        let folders = DataFolders(
            environment: ["XDG_CONFIG_HOME": base.file("config"), "HOME": base.path],
            executable: URL(fileURLWithPath: Self.shipped).deletingLastPathComponent().path + "/.build/release/x")
        #expect(try LensStore.catalog(lensDir: nil, folders: folders).lens("price").name == "User price")
        let catalog = LensStore.catalog(lensDir: base.file("mine"), folders: folders)
        #expect(try catalog.lens("price").values == [.chinaPriceAdvantage: 45])
        #expect(try catalog.lens("backfire").file == "\(Self.shipped)/backfire.toml")
    }
}
