import Foundation
import Testing

/// `twofutures --help`, each command's `--help`, `--version`; and the README's commands.
@Suite("twofutures --help and --version")
struct HelpVersionCLITests {
    /// Every subcommand with its abstract, as `--help` lists them (`dashboard` is the default).
    static let commands: [(name: String, abstract: String)] = [
        ("dashboard (default)", "The live dashboard (the default): move the levers, watch both futures respond."),
        ("run", "Run the model headless and print json, csv or a table."),
        ("bench", "Measure the performance budgets: the core in-process, the dashboard on a pseudo-terminal."),
        ("parameters", "List what --set accepts, with sources, as Markdown tables or JSON."),
        ("themes", "List the colour themes found, with their source files, or check theme files."),
        ("demo", "Play a .demo script in the dashboard, or headless to print the final screen as text."),
        ("notes", "Speaker notes in a second terminal: follow a running demo, with what comes next and the clock."),
        ("record", "The dashboard as usual, recording every key press to FILE in the .demo format."),
        ("compare", "Compare scenario files or share tokens side by side."),
        ("seek", "Find the smallest value of one lever (others fixed) that reaches Future 1."),
        ("robust", "Levers across worlds: what each lever changes in every world of the ensemble."),
        ("map", "The map of futures: which future each pair of values of two parameters reaches."),
        ("answer", "Which lever moves which future, under whose assumptions: the levers across worlds, lens by lens."),
        (
            "lenses",
            "List the lenses found (named sets of assumptions), with their files, or check lens files."
        ),
    ]

    /// `text` with every run of spaces and line breaks as one space (help wraps its lines).
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("help lists every subcommand with its abstract, each command's help starts with it, --version the version")
    func help() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stderr.isEmpty)
        let text = Self.words(help.stdout)
        #expect(
            text.hasPrefix(
                "OVERVIEW: Explore two futures of the US-China AI race: an illustrative model, not a forecast."),
            "\(help.stdout)")
        #expect(text.contains("USAGE: twofutures <subcommand>"), "\(help.stdout)")
        // Each subcommand once, in order, with its abstract.
        let listed = try #require(text.components(separatedBy: "SUBCOMMANDS: ").last)
        var rest = Substring(listed)
        for (name, abstract) in Self.commands {
            let entry = "\(name) \(abstract)"
            guard let found = rest.range(of: entry) else {
                Issue.record("missing or out of order: \(entry)\nin: \(listed)")
                continue
            }
            rest = rest[found.upperBound...]
        }
        // No other subcommand: the names at the start of the list's lines, up to its blank line.
        let names = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst().prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.map { String($0.split(separator: " ")[0]) }
        #expect(names == Self.commands.map { String($0.name.split(separator: " ")[0]) })
        // Each subcommand's own help starts with its abstract.
        for (name, abstract) in Self.commands {
            let command = String(name.split(separator: " ")[0])
            let own = try CLI.run([command, "--help"])
            #expect(own.status == 0, "\(command)")
            #expect(Self.words(own.stdout).hasPrefix("OVERVIEW: \(abstract)"), "\(command): \(own.stdout)")
        }
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(
            version.stdout.wholeMatch(of: /twofutures \d+\.\d+\.\d+ \(model twofutures\/3\)\n/) != nil,
            "\(version.stdout)")
    }

    @Test("every help ends with where the guides are: here, the source tree's docs folder")
    func guides() throws {
        let docs = CLI.path("docs")
        for args in [["--help"], ["demo", "--help"], ["help", "notes"]] {
            let help = try CLI.run(args)
            #expect(help.status == 0)
            let last = help.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasSuffix(": \(docs)"), "\(args): \(last)")
        }
        #expect(FileManager.default.fileExists(atPath: docs + "/dashboard.md"))
        let version = try CLI.run(["--version"])
        #expect(!version.stdout.contains("Guides"))
    }

    @Test("the README gives the two commands")
    func commands() {
        #expect(CLI.readme.contains("make run"))
        #expect(CLI.readme.contains("make test"))
    }
}
