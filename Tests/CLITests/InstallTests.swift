import Foundation
import Testing

/// `scripts/install.sh` (what `make install` and `make uninstall` run) with the binary
/// the tests already use: no build here.
@Suite("install and uninstall")
struct InstallTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("scripts/install.sh").path

    /// Every subcommand the help shows.
    static let subcommands = [
        "dashboard", "run", "bench", "parameters", "themes", "demo", "notes", "record", "compare", "seek", "robust",
        "map",
        "answer", "lenses",
    ]

    /// The man page that swift-argument-parser's GenerateManual plugin wrote (`make manual`,
    /// which `make test` runs before the tests): `TWOFUTURES_MANPAGE`, else
    /// `plugins/GenerateManual/outputs/twofutures/twofutures.1` in the build folder that
    /// holds the binary.
    static var manpage: String? {
        if let path = ProcessInfo.processInfo.environment["TWOFUTURES_MANPAGE"] { return path }
        var folder = CLI.binary.resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            let page = folder.appendingPathComponent("plugins/GenerateManual/outputs/twofutures/twofutures.1").path
            if FileManager.default.fileExists(atPath: page) { return page }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The man page, or nil after recording why the test cannot go on.
    static func requireManpage(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let page = manpage else {
            Issue.record(
                "no man page: run `make manual` (swift package generate-manual) before the tests",
                sourceLocation: sourceLocation)
            return nil
        }
        return page
    }

    /// Runs `executable` with exactly `environment`, in `directory`.
    static func run(
        _ executable: String, _ args: [String], environment: [String: String], directory: URL? = nil
    ) throws -> CLI.Result {
        try CLI.run(executable, args, environment: environment, directory: directory)
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// The regular files below `folder`, relative to it, sorted.
    static func files(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found = [String]()
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(path)
            }
        }
        return found.sorted()
    }

    static func shipped(_ folder: String, _ suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(suffix) }.sorted()
    }

    @Test("install puts every file in place, the installed binary finds its data, uninstall removes it all")
    func installAndUninstall() throws {
        let prefix = try Self.temporaryFolder("prefix")
        let empty = try Self.temporaryFolder("home")
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: empty)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let scriptEnvironment = ["PATH": path, "PREFIX": prefix.path]
        // Something that was there before and is not ours: uninstall must leave it.
        let foreign = prefix.appendingPathComponent("share/man/man1/other.1")
        try FileManager.default.createDirectory(
            at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("other\n".utf8).write(to: foreign)

        guard let manpage = Self.requireManpage() else { return }
        let install = try Self.run(
            "/bin/sh", [Self.script, "install", CLI.binary.path, manpage], environment: scriptEnvironment)
        #expect(install.status == 0, "\(install.stderr)")

        let themes = try Self.shipped("Themes", ".toml")
        let demos = try Self.shipped("Demos", ".demo")
        let lenses = try Self.shipped("Lenses", ".toml")
        let guides = try Self.shipped("docs", ".md")
        let pictures = try Self.shipped("docs/images", ".svg")
        #expect(themes.count == 5)
        #expect(lenses.count == 7)
        #expect(guides.contains("dashboard.md") && pictures.contains("dashboard.svg"))
        let expected =
            [
                "bin/twofutures", "share/bash-completion/completions/twofutures",
                "share/fish/vendor_completions.d/twofutures.fish", "share/man/man1/other.1",
                "share/man/man1/twofutures.1", "share/zsh/site-functions/_twofutures",
                "share/doc/twofutures/README.md",
            ] + themes.map { "share/twofutures/Themes/\($0)" } + demos.map { "share/twofutures/Demos/\($0)" }
            + lenses.map { "share/twofutures/Lenses/\($0)" } + guides.map { "share/doc/twofutures/docs/\($0)" }
            + pictures.map { "share/doc/twofutures/docs/images/\($0)" }
        #expect(Self.files(in: prefix) == expected.sorted())
        // The README and the guides keep the source tree's layout, so their links work.
        for page in ["README.md"] + guides.map({ "docs/\($0)" }) {
            let installed = try String(
                contentsOf: prefix.appendingPathComponent("share/doc/twofutures/\(page)"), encoding: .utf8)
            #expect(
                installed == (try String(contentsOf: Self.root.appendingPathComponent(page), encoding: .utf8)),
                "\(page)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/twofutures").path))

        for completion in [
            "share/bash-completion/completions/twofutures", "share/zsh/site-functions/_twofutures",
            "share/fish/vendor_completions.d/twofutures.fish",
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(completion), encoding: .utf8)
            for sub in Self.subcommands { #expect(text.contains(sub), "\(completion) lacks \(sub)") }
            #expect(!text.contains("generate-manual"), "\(completion) offers the hidden command")
        }
        let manual = try String(
            contentsOf: prefix.appendingPathComponent("share/man/man1/twofutures.1"), encoding: .utf8)
        #expect(manual == (try String(contentsOfFile: manpage, encoding: .utf8)))
        #expect(manual.contains("\n.Dt TWOFUTURES 1\n"))
        for sub in Self.subcommands { #expect(manual.contains("\n.It Em \(sub)\n"), "man lacks \(sub)") }

        // The installed binary, run from elsewhere with an empty home, finds the shipped data.
        let binary = prefix.appendingPathComponent("bin/twofutures").path
        let environment = ["PATH": path, "HOME": empty.path, "XDG_CONFIG_HOME": empty.path]
        let listed = try Self.run(binary, ["themes"], environment: environment, directory: empty)
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for theme in themes {
            let source = prefix.appendingPathComponent("share/twofutures/Themes/\(theme)").path
            #expect(lines.contains { $0.contains(source) }, "\(theme) is not listed from \(source)")
        }
        let lensList = try Self.run(binary, ["lenses"], environment: environment, directory: empty)
        #expect(lensList.status == 0 && lensList.stderr.isEmpty)
        #expect(lensList.stdout.split(separator: "\n").count == 7)
        for lens in lenses {
            let source = prefix.appendingPathComponent("share/twofutures/Lenses/\(lens)").path
            #expect(lensList.stdout.contains(source), "\(lens) is not listed from \(source)")
        }
        let demo = try Self.run(
            binary, ["demo", "quick", "--headless", "--members", "0"], environment: environment, directory: empty)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("TwoFutures"))
        let missing = try Self.run(binary, ["demo", "nope", "--headless"], environment: environment, directory: empty)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains(prefix.appendingPathComponent("share/twofutures/Demos").path))
        let version = try Self.run(binary, ["--version"], environment: environment)
        #expect(version.status == 0)
        #expect(version.stdout.wholeMatch(of: /twofutures \d+\.\d+\.\d+ \(model twofutures\/3\)\n/) != nil)
        let line = version.stdout.trimmingCharacters(in: .newlines)
        #expect(
            CLI.doc("docs/install.md").contains("`twofutures --version` prints `\(line)`"),
            "docs/install.md: update the version")

        let uninstall = try Self.run("/bin/sh", [Self.script, "uninstall"], environment: scriptEnvironment)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(Self.files(in: prefix) == ["share/man/man1/other.1"])
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/twofutures").path))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/doc/twofutures").path))
    }

    @Test("DESTDIR stages the files under DESTDIR/PREFIX; bad arguments fail with one line")
    func destdirAndErrors() throws {
        let stage = try Self.temporaryFolder("stage")
        defer { try? FileManager.default.removeItem(at: stage) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let environment = ["PATH": path, "PREFIX": "/opt/tf", "DESTDIR": stage.path]
        guard let manpage = Self.requireManpage() else { return }
        let install = try Self.run(
            "/bin/sh", [Self.script, "install", CLI.binary.path, manpage], environment: environment)
        #expect(install.status == 0, "\(install.stderr)")
        let staged = Self.files(in: stage)
        #expect(staged.contains("opt/tf/bin/twofutures"))
        #expect(staged.contains("opt/tf/share/man/man1/twofutures.1"))
        #expect(staged.allSatisfy { $0.hasPrefix("opt/tf/") })
        let uninstall = try Self.run("/bin/sh", [Self.script, "uninstall"], environment: environment)
        #expect(uninstall.status == 0)
        #expect(Self.files(in: stage).isEmpty)

        let noBinary = try Self.run(
            "/bin/sh", [Self.script, "install", stage.appendingPathComponent("none").path], environment: environment)
        #expect(noBinary.status == 66)
        #expect(noBinary.stderr.split(separator: "\n").count == 1)
        let noPage = try Self.run(
            "/bin/sh", [Self.script, "install", CLI.binary.path, stage.appendingPathComponent("none.1").path],
            environment: environment)
        #expect(noPage.status == 66)
        #expect(noPage.stderr.contains("no man page at") && noPage.stderr.split(separator: "\n").count == 1)
        #expect(Self.files(in: stage).isEmpty)
        let relative = try Self.run(
            "/bin/sh", [Self.script, "install", CLI.binary.path], environment: ["PATH": path, "PREFIX": "rel"])
        #expect(relative.status == 64)
        #expect(relative.stderr.contains("PREFIX must be an absolute path"))
    }

    @Test("the man page (mdoc, from the plugin) covers every subcommand and option and passes lint")
    func manualPage() throws {
        guard let path = Self.requireManpage() else { return }
        let page = try String(contentsOfFile: path, encoding: .utf8)
        for macro in [".Dt TWOFUTURES 1", ".Sh NAME", ".Nm twofutures", ".Sh SYNOPSIS", ".Sh DESCRIPTION"] {
            #expect(page.contains("\n\(macro)\n"), "the page lacks \(macro)")
        }
        // Every option every visible command shows in its help is documented, as `Fl -name`.
        for sub in Self.subcommands {
            #expect(page.contains("\n.It Em \(sub)\n"), "the page lacks \(sub)")
            let help = try CLI.run([sub, "--help"])
            #expect(help.status == 0)
            let options = Set(help.stdout.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
            #expect(!options.isEmpty)
            for option in options {
                let mdoc = "Fl -" + option.dropFirst(2)
                #expect(page.contains(mdoc + "\n") || page.contains(mdoc + " "), "\(sub): \(option) is missing")
            }
        }
        for hidden in ["generate-manual", "--threads", "--exit-after-first-frame", "--crash-for-testing"] {
            #expect(!page.contains(hidden.hasPrefix("--") ? "Fl -" + hidden.dropFirst(2) : hidden), "\(hidden)")
        }
        // The generator drops every non-ASCII character, so the help must not have any.
        let dump = try CLI.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var texts = [String]()
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary {
                    if ["abstract", "discussion"].contains(key), let text = inner as? String { texts.append(text) }
                    collect(inner)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        #expect(texts.count > 50)
        for text in texts where !text.unicodeScalars.allSatisfy(\.isASCII) {
            Issue.record("help text the man page would garble (not ASCII): \(text)")
        }
        try Self.lint(path)
    }

    /// `groff -mandoc -ww` must be silent; `mandoc -T lint` may only say what the generator
    /// always writes (several sentences on one line; a paragraph break before a value
    /// list), as warnings or style notes, never an error.
    static func lint(_ path: String) throws {
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let tools = ["/usr/bin/", "/usr/local/bin/"]
        let groff = tools.map { $0 + "groff" }.first(where: FileManager.default.isExecutableFile)
        let mandoc = tools.map { $0 + "mandoc" }.first(where: FileManager.default.isExecutableFile)
        if groff == nil && mandoc == nil { Issue.record("neither groff nor mandoc is installed: make deps") }
        if let groff {
            let rendered = try Self.run(groff, ["-mandoc", "-Tutf8", "-ww", path], environment: environment)
            #expect(rendered.status == 0)
            #expect(rendered.stderr.isEmpty, "groff warns: \(rendered.stderr)")
            #expect(rendered.stdout.contains("twofutures seek"))
        }
        if let mandoc {
            let lint = try Self.run(mandoc, ["-T", "lint", path], environment: environment)
            let known = ["WARNING: new sentence, new line", "WARNING: skipping paragraph macro: Pp before Bl"]
            for line in lint.stdout.split(separator: "\n") + lint.stderr.split(separator: "\n") {
                guard !line.contains(": STYLE: "), !known.contains(where: line.contains) else { continue }
                Issue.record("mandoc -T lint: \(line)")
            }
            #expect(lint.status <= 2, "mandoc -T lint exits \(lint.status): errors")
        }
    }
}
