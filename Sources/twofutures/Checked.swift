import ArgumentParser
import FuturesModel
import TOML

/// A command-line value from a fixed list of words, typed. Its help and its shell
/// completions list the words. ArgumentParser takes any word; `value()` checks it when the
/// command runs, so that a bad one gets this program's one-line message
/// ("--format must be json, csv or table, got 'xml'") and exit status 64 rather than
/// ArgumentParser's "The value 'xml' is invalid for '--format <format>'".
struct Checked<Value: CheckedValue>: ExpressibleByArgument, Sendable {
    /// The word as given.
    let text: String

    init(_ text: String) { self.text = text }

    init?(argument: String) { text = argument }

    var defaultValueDescription: String { text }

    static var allValueStrings: [String] { Value.words.map(\.word) }

    static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: Value.words.map { ($0.word, $0.meaning) })
    }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// The value the word names, or the one-line error.
    func value() throws -> Value { try Value(checking: text) }
}

/// A type a `Checked` option takes: its words and the check of one.
protocol CheckedValue: Sendable {
    /// The words the help, the man page and the completions list, each with what it means.
    static var words: [(word: String, meaning: String)] { get }

    /// The value `text` names; throws an `InputError` that says what is allowed.
    init(checking text: String) throws
}

/// `--preset`: `future1`, `status_quo` (also `status-quo`), `future2`.
extension Preset: CheckedValue {
    static var words: [(word: String, meaning: String)] {
        [
            ("future1", "Future 1's levers: 90, 85, 85, 85, 75 %"),
            ("status_quo", "today's levers: 50, 30, 20, 30, 20 % (also status-quo)"),
            ("future2", "Future 2's levers: 30, 10, 10, 10, 10 %"),
        ]
    }

    init(checking text: String) throws { self = try InputParser.preset(text) }
}

/// `answer --future`: whose probability the table splits: `1`, `2` or `markets`.
extension Summary.Verdict: CheckedValue {
    static var words: [(word: String, meaning: String)] {
        [
            ("1", "P(Future 1): a lead of 12 months or more"),
            ("2", "P(Future 2): a lead of 3 months or less"),
            ("markets", "P(China's markets): the American stack below half of developing markets' AI users"),
        ]
    }

    init(checking text: String) throws {
        switch text {
        case "1": self = .future1
        case "2": self = .future2
        case "markets": self = .chinaMarkets
        default: throw InputError("--future must be 1, 2 or markets, got '\(input: text)'")
        }
    }
}

/// An output format: its cases, in order, are the words and the error lists them.
protocol FormatValue: CheckedValue, CaseIterable, RawRepresentable<String> {
    /// What the format gives, for the help.
    var meaning: String { get }
}

extension FormatValue {
    static var words: [(word: String, meaning: String)] { allCases.map { ($0.rawValue, $0.meaning) } }

    init(checking text: String) throws {
        guard let format = Self(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue)
            let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
            throw InputError("--format must be \(list), got '\(input: text)'")
        }
        self = format
    }
}

/// `run`, `compare`, `robust`, `map` and `answer`: JSON, CSV or the human table.
enum OutputFormat: String, FormatValue {
    case json, csv, table

    var meaning: String {
        switch self {
        case .json: "the JSON document of docs/MODEL.md section 5"
        case .csv:
            "comma-separated rows: per month (run), scenario (compare), lever (robust), point (map) or "
                + "column and quantity (answer)"
        case .table: "a summary to read"
        }
    }
}

/// `parameters` and `seek`: the table (Markdown or text) or JSON.
enum ReportFormat: String, FormatValue {
    case table, json

    var meaning: String {
        switch self {
        case .table: "to read"
        case .json: "for programs"
        }
    }
}

/// `bench`: one JSON object (the default) or the table with the budgets.
enum BenchFormat: String, FormatValue {
    case json, table

    var meaning: String {
        switch self {
        case .json: "one object of the figures"
        case .table: "the figures with their budgets"
        }
    }
}
