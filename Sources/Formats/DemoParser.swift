import Dashboard
import FoundationEssentials
import FuturesModel
import TOML

/// Parses `.demo` text: one command per line, `#` starts a comment line, blank lines are
/// skipped. A pure function; every error names the file and line and what was expected.
public enum DemoParser {
    /// The commands, in the order docs/demos.md lists them.
    public static let commands = [
        "caption", "key", "select", "set", "preset", "theme", "lens", "sleep", "pause", "size", "chapter", "note",
        "focus", "predict", "replay", "expect", "duration",
    ]

    /// Parses a whole script.
    public static func parse(_ text: String, file: String) throws -> DemoScript {
        var lines = [DemoLine]()
        // Split on the scalar: "\r\n" is one Character, so a Character split would miss it.
        let rows = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in rows.enumerated() {
            var row = String(raw)
            if row.hasSuffix("\r") { row.removeLast() }
            let trimmed = row.trimmed()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                lines.append(DemoLine(try command(trimmed), line: index + 1))
            } catch let error as InputError {
                throw DemoError(file: file, line: index + 1, error.message)
            }
        }
        try checkOrder(lines, file: file)
        return DemoScript(file: file, lines: lines)
    }

    /// A `note` needs a caption, chapter or `predict` before it to belong to, and a
    /// `predict` needs a change after it to reveal.
    static func checkOrder(_ lines: [DemoLine], file: String) throws {
        var owner = false
        var question: DemoLine?
        for line in lines {
            switch line.command {
            case .caption, .chapter: owner = true
            case .predict:
                if let question {
                    throw DemoError(
                        file: file, line: question.line,
                        "this predict is never revealed: another predict (line \(line.line)) comes before any change")
                }
                owner = true
                question = line
            case .note:
                if !owner {
                    throw DemoError(
                        file: file, line: line.line,
                        "a note belongs to the caption, chapter or predict before it, and none comes before this one")
                }
            default: if line.command.changesState { question = nil }
            }
        }
        if let question {
            throw DemoError(
                file: file, line: question.line,
                "this predict is never revealed: no key, set, preset, lens or replay comes after it")
        }
    }

    /// Parses one non-empty, non-comment line.
    public static func command(_ line: String) throws -> DemoCommand {
        let name = String(line.prefix { !$0.isWhitespace })
        let rest = String(line.dropFirst(name.count)).trimmed()
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        switch name {
        case "caption":
            return .caption(try quoted(rest, usage: "caption \"TEXT\""))
        case "chapter":
            return .chapter(try nonEmpty(quoted(rest, usage: "chapter \"TITLE\""), "chapter \"TITLE\""))
        case "note":
            return .note(try nonEmpty(quoted(rest, usage: "note \"TEXT\""), "note \"TEXT\""))
        case "predict":
            return .predict(
                try nonEmpty(quoted(rest, usage: "predict \"QUESTION\""), "predict \"QUESTION\""))
        case "expect":
            return .expect(try nonEmpty(quoted(rest, usage: "expect \"TEXT\""), "expect \"TEXT\""))
        case "focus":
            try expectCount(words, 1, "focus TARGET")
            if words[0] == "off" { return .focus(nil) }
            guard let target = Spotlight(rawValue: words[0]) else {
                let targets = (Spotlight.allCases.map(\.rawValue) + ["off"]).joined(separator: ", ")
                throw InputError("unknown focus target '\(input: words[0])'; expected one of: \(targets)")
            }
            return .focus(target)
        case "replay":
            try expectCount(words, 0, "replay")
            return .replay
        case "duration":
            try expectCount(words, 1, "duration LENGTH")
            return .duration(seconds: try talkLength(words[0]))
        case "key":
            return try key(words)
        case "select":
            try expectCount(words, 1, "select ID")
            return .select(try InputParser.parameter(words[0]))
        case "set":
            try expectCount(words, 2, "set ID VALUE")
            let id = try InputParser.parameter(words[0])
            return .set(id, try InputParser.value(words[1], for: id))
        case "preset":
            try expectCount(words, 1, "preset NAME")
            return .preset(try InputParser.preset(words[0]))
        case "theme":
            try expectCount(words, 1, "theme NAME")
            return .theme(words[0])
        case "lens":
            try expectCount(words, 1, "lens ID")
            return .lens(words[0])
        case "sleep":
            try expectCount(words, 1, "sleep DURATION")
            return .sleep(milliseconds: try duration(words[0]))
        case "pause":
            try expectCount(words, 0, "pause")
            return .pause
        case "size":
            try expectCount(words, 1, "size WxH")
            return try size(words[0])
        default:
            throw InputError(
                "unknown command '\(input: name)'; expected one of: \(commands.joined(separator: ", "))"
            )
        }
    }

    static func expectCount(_ words: [String], _ n: Int, _ usage: String) throws {
        guard words.count == n else {
            throw InputError("expected '\(usage)', got \(words.count) argument\(words.count == 1 ? "" : "s")")
        }
    }

    /// `"text"`: double quotes around the whole argument; `\"` and `\\` inside.
    static func quoted(_ rest: String, usage: String = "caption \"TEXT\"") throws -> String {
        guard rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") else {
            throw InputError("expected '\(usage)' with the text in double quotes")
        }
        var text = ""
        var escaped = false
        for c in rest.dropFirst().dropLast() {
            if escaped {
                text.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                throw InputError("expected '\(usage)'; write a quote inside the text as \\\"")
            } else {
                text.append(c)
            }
        }
        if escaped { throw InputError("expected '\(usage)'; the text ends in a lone backslash") }
        return text
    }

    /// The text of a command that needs some: blank is an error.
    static func nonEmpty(_ text: String, _ usage: String) throws -> String {
        guard !text.trimmed().isEmpty else {
            throw InputError("expected '\(usage)' with some text between the quotes")
        }
        return text
    }

    /// A talk's length: `20m`, `90s`, `1h`, `1h30m` or `1m30s`; from 1 second to 24 hours.
    public static func talkLength(_ word: String) throws -> Int {
        let expected: InputError.Message = "expected a length like 20m, 90s or 1h30m, got '\(input: word)'"
        var seconds = 0
        var digits = ""
        var units = Set<Character>()
        for c in word {
            if c.isASCII && c.isNumber {
                digits.append(c)
                continue
            }
            let scale: Int
            switch c {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            default: throw InputError(expected)
            }
            guard let n = Int(digits), digits.count <= 5, units.insert(c).inserted else { throw InputError(expected) }
            seconds += n * scale
            digits = ""
        }
        guard digits.isEmpty, !units.isEmpty else { throw InputError(expected) }
        guard (1...86_400).contains(seconds) else {
            throw InputError("a talk's length must be from 1s to 24h, got '\(input: word)'")
        }
        return seconds
    }

    /// `key NAME [COUNT] [@DELAY]`.
    static func key(_ words: [String]) throws -> DemoCommand {
        guard (1...3).contains(words.count) else {
            throw InputError("expected 'key NAME [COUNT] [@DELAY]', got \(words.count) arguments")
        }
        let key = try keyName(words[0])
        var count = 1
        var delay = defaultKeyDelay
        for word in words.dropFirst() {
            if word.hasPrefix("@") {
                delay = try duration(String(word.dropFirst()))
            } else if let n = Int(word), n >= 1, n <= 1000, !word.hasPrefix("+") {
                count = n
            } else {
                throw InputError(
                    "expected a count 1…1000 or a delay like @120ms after the key, got '\(input: word)'"
                )
            }
        }
        return .key(key, count: count, delayMilliseconds: delay)
    }

    /// The pause before each key press when no `@DELAY` is given.
    public static let defaultKeyDelay = 150

    /// Named keys, as written in scripts (matched without regard to case).
    public static let keyNames: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("ShiftLeft", .shiftLeft), ("ShiftRight", .shiftRight), ("Home", .home), ("End", .end),
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("Tab", .tab), ("BackTab", .backTab),
        ("Enter", .enter), ("Escape", .escape), ("Backspace", .backspace), ("Space", .char(" ")),
    ]

    /// A key name: a named key, `Ctrl-X`, or a single printable character.
    public static func keyName(_ word: String) throws -> Key {
        if word.count == 1, let c = word.first, !c.isWhitespace { return .char(c) }
        if let named = keyNames.first(where: { $0.name.lowercased() == word.lowercased() }) { return named.key }
        if word.lowercased().hasPrefix("ctrl-"), word.count == 6, let c = word.last, c.isLetter, c.isASCII {
            return .ctrl(Character(c.lowercased()))
        }
        throw InputError(
            "unknown key '\(input: word)'; expected a single character, Ctrl-A…Ctrl-Z or one of: "
                + "\(keyNames.map(\.name).joined(separator: " "))")
    }

    /// The script name of a key: the inverse of `keyName`.
    public static func name(of key: Key) -> String {
        if let named = keyNames.first(where: { $0.key == key }) { return named.name }
        switch key {
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        default: return "\(key)"
        }
    }

    /// `150ms`, `1.5s` or `2s`: whole milliseconds, at most 10 minutes.
    public static func duration(_ word: String) throws -> Int {
        let expected: InputError.Message = "expected a duration like 150ms or 1.5s, got '\(input: word)'"
        var number: Substring
        var scale: Double
        if word.hasSuffix("ms") {
            number = word.dropLast(2)
            scale = 1
        } else if word.hasSuffix("s") {
            number = word.dropLast()
            scale = 1000
        } else {
            throw InputError(expected)
        }
        guard !number.hasPrefix("-"), !number.hasPrefix("+"), let x = InputParser.number(String(number)) else {
            throw InputError(expected)
        }
        let ms = x * scale
        guard ms <= 600_000 else {
            throw InputError("a duration must be at most 10 minutes, got '\(input: word)'")
        }
        return Int(ms.rounded())
    }

    /// `size WxH`: at least 80x24.
    static func size(_ word: String) throws -> DemoCommand {
        let parts = word.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), !parts[0].hasPrefix("+"),
            !parts[1].hasPrefix("+")
        else {
            throw InputError("expected a size like 120x36, got '\(input: word)'")
        }
        guard (Layout.minimum.width...1000).contains(w), (Layout.minimum.height...500).contains(h) else {
            throw InputError(
                "a size must be from \(Layout.minimum.width)x\(Layout.minimum.height) to 1000x500, got '\(input: word)'"
            )
        }
        return .size(width: w, height: h)
    }
}
