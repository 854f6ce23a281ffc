import ArgumentParser
import Foundation

/// `twofutures generate-manual`: prints the man page, twofutures(1), in roff (`-man`
/// macros), generated from the same description of every command and option that
/// `twofutures --experimental-dump-help` prints. Hidden: `make install` uses it.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the man page twofutures(1), generated from the help of every command.",
        shouldDisplay: false
    )

    func run() throws {
        let info: ManPage.ToolInfo
        do {
            info = try JSONDecoder().decode(ManPage.ToolInfo.self, from: Data(TwoFutures._dumpHelp().utf8))
        } catch {
            throw ExitError(message: "cannot read the command descriptions: \(error)", code: .software)
        }
        print(ManPage.render(info.command, source: "twofutures \(TwoFutures.version)"), terminator: "")
    }
}

/// Renders the JSON of `--experimental-dump-help` (swift-argument-parser's ToolInfo,
/// serialization version 0) as a man page.
enum ManPage {
    struct ToolInfo: Decodable {
        var command: Command
    }

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var defaultSubcommand: String?
        var subcommands: [Command]?
        var arguments: [Argument]?

        var visible: Bool { shouldDisplay ?? true }
        var visibleArguments: [Argument] { (arguments ?? []).filter(\.visible) }
        var visibleSubcommands: [Command] { (subcommands ?? []).filter(\.visible) }
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String

            var spelled: String {
                switch kind {
                case "long": "--" + name
                case "short": "-" + name
                default: "-" + name
                }
            }
        }

        var kind: String
        var shouldDisplay: Bool?
        var isOptional: Bool?
        var isRepeating: Bool?
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?

        var visible: Bool { shouldDisplay ?? true }
        var isPositional: Bool { kind == "positional" }

        /// `--preset <preset>` or `<file>`, in roff.
        var synopsis: String {
            let value = "\\fI<\(escape(valueName ?? "value"))>\\fR"
            if isPositional { return value }
            let name = "\\fB\(escape((names ?? []).map(\.spelled).last ?? ""))\\fR"
            return kind == "option" ? "\(name) \(value)" : name
        }

        /// `-h, --help` or `--preset <preset>`: the tag of the option's paragraph.
        var tag: String {
            let value = "\\fI<\(escape(valueName ?? "value"))>\\fR"
            if isPositional { return value }
            let spelled = (names ?? []).map { "\\fB\(escape($0.spelled))\\fR" }.joined(separator: ", ")
            return kind == "option" ? "\(spelled) \(value)" : spelled
        }
    }

    /// The whole page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS of the root command, then one
    /// subsection per subcommand with its usage, description and options.
    static func render(_ root: Command, source: String) -> String {
        let name = root.commandName
        var out = [
            ".TH \(quoted(name.uppercased())) 1 \"\" \(quoted(source)) \"User Commands\"",
            ".nh",
            ".ad l",
            ".SH NAME",
            "\(escape(name)) \\- \(escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
        ]
        out.append(usage(root, path: name))
        for sub in root.visibleSubcommands {
            out.append(".br")
            out.append(usage(sub, path: "\(name) \(sub.commandName)"))
        }
        if let discussion = root.discussion, !discussion.isEmpty {
            out.append(".SH DESCRIPTION")
            out += paragraphs(discussion)
        }
        if let defaultName = root.defaultSubcommand {
            out.append(".PP")
            out.append(
                escape(
                    "Without a subcommand, \(name) runs `\(name) \(defaultName)` and takes its options."))
        }
        out.append(".SH OPTIONS")
        out += options(root.visibleArguments)
        let subcommands = root.visibleSubcommands
        if !subcommands.isEmpty {
            out.append(".SH COMMANDS")
            for sub in subcommands { out += section(sub, path: "\(name) \(sub.commandName)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One command's subsection; nested subcommands follow as their own subsections.
    static func section(_ command: Command, path: String) -> [String] {
        var out = [".SS \(quoted(path))"]
        if let abstract = command.abstract, !abstract.isEmpty { out += paragraphs(abstract) }
        out.append(".PP")
        out.append(usage(command, path: path))
        if let discussion = command.discussion, !discussion.isEmpty {
            out.append(".PP")
            out += paragraphs(discussion)
        }
        out += options(command.visibleArguments)
        for sub in command.visibleSubcommands { out += section(sub, path: "\(path) \(sub.commandName)") }
        return out
    }

    /// `twofutures run [--preset <preset>] …` in bold and italics.
    static func usage(_ command: Command, path: String) -> String {
        var words = ["\\fB\(escape(path))\\fR"]
        if !command.visibleSubcommands.isEmpty && !(command.arguments ?? []).contains(where: \.isPositional) {
            words.append(command.defaultSubcommand == nil ? "\\fI<subcommand>\\fR" : "[\\fI<subcommand>\\fR]")
        }
        for argument in command.visibleArguments {
            var word = argument.synopsis
            if argument.isRepeating ?? false { word += " \\&..." }
            if argument.isOptional ?? false { word = "[\(word)]" }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    /// A `.TP` paragraph per option: its names, help, allowed values and default.
    static func options(_ arguments: [Argument]) -> [String] {
        var out = [String]()
        for argument in arguments {
            out.append(".TP")
            out.append(argument.tag)
            var help = argument.abstract ?? ""
            if let values = argument.allValues, !values.isEmpty {
                help += (help.isEmpty ? "" : " ") + "Values: \(values.joined(separator: ", "))."
            }
            if let value = argument.defaultValue, !value.isEmpty {
                help += (help.isEmpty ? "" : " ") + "Default: \(value)."
            }
            out += help.isEmpty ? ["\\&"] : paragraphs(help)
            if let discussion = argument.discussion, !discussion.isEmpty {
                out.append(".IP")
                out += paragraphs(discussion)
            }
        }
        return out
    }

    /// Help text as roff: each line of the text stays a line (`.br`), an empty line starts a
    /// paragraph, and indented lines (examples) are kept as they are (`.nf`).
    static func paragraphs(_ text: String) -> [String] {
        var out = [String]()
        var verbatim = false
        var previousWasText = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if verbatim {
                    out.append(".fi")
                    verbatim = false
                }
                if previousWasText { out.append(".PP") }
                previousWasText = false
                continue
            }
            if line.first == " " || line.first == "\t" {
                if !verbatim {
                    out.append(".nf")
                    verbatim = true
                }
                out.append(escape(String(line)))
            } else {
                if verbatim {
                    out.append(".fi")
                    verbatim = false
                } else if previousWasText {
                    out.append(".br")
                }
                out.append(escape(trimmed))
            }
            previousWasText = true
        }
        if verbatim { out.append(".fi") }
        if out.last == ".PP" { out.removeLast() }
        return out
    }

    /// Text safe for roff: backslashes and hyphens escaped, every non-ASCII character as a
    /// `\[uXXXX]` escape (so the page needs no input encoding), and a line that would start
    /// with a control character (`.` or `'`) protected with `\&`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case "\t": out += " "
            case _ where scalar.value < 0x20: continue
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default: out += "\\[u" + String(format: "%04X", scalar.value) + "]"
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    /// A macro argument in double quotes (a quote inside becomes `\(dq`).
    static func quoted(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }
}
