import FuturesModel

/// A scenario file that cannot be used, as one line: "x.toml:7: levers.export_controls: …".
public typealias ScenarioFileError = FileError

/// One entry of the `o` list: a saved scenario and its one-line outcome.
public struct SavedScenario: Sendable, Equatable {
    public var name: String
    public var path: String
    public var scenario: Scenario
    /// The file's `notes`, if any.
    public var notes: String?
    /// "Future 1, lead 15.4 mo".
    public var outcome: String
    /// The future at the horizon (the first word of `outcome`).
    public var future: Future

    public init(name: String, path: String, scenario: Scenario, notes: String? = nil) {
        self.name = name
        self.path = path
        self.scenario = scenario
        self.notes = notes
        let o = Simulation.outcome(scenario)
        future = o.future
        outcome = "\(o.future.title), lead " + Format.outcome(o.leadMonths, .leadMonths)
    }
}

/// A saved scenario (README "Scenarios"): TOML with `model`, `name`, optional `notes`,
/// `horizon`, `[levers]` and `[assumptions]`. A lever left out takes its `status_quo`
/// value, an assumption left out its default. Pure: the caller reads and writes the file.
public struct ScenarioFile: Sendable, Equatable {
    public var name: String
    public var notes: String?
    public var scenario: Scenario

    public init(name: String, notes: String? = nil, scenario: Scenario) {
        self.name = name
        self.notes = notes
        self.scenario = scenario
    }

    static let topKeys: Set<String> = ["model", "name", "notes", "horizon", "levers", "assumptions"]

    /// The scenario in `text`, or the first problem found; `path` is only used in messages.
    public static func parse(_ text: String, path: String) throws(ScenarioFileError) -> ScenarioFile {
        func fail(_ line: Int, _ message: String) -> ScenarioFileError {
            ScenarioFileError(path: path, line: line, message: message)
        }
        let root = try TOMLReader.parse(text, path: path)
        for key in root.keys.sorted() where !topKeys.contains(key) {
            throw fail(
                root[key]!.line,
                "\(Theme.sanitized(key)): unknown key (expected model, name, notes, horizon, [levers], [assumptions])")
        }
        guard let rawModel = root["model"] else {
            throw fail(1, "model: missing (expected model = \"\(Constants.modelVersion)\")")
        }
        guard let model = rawModel.string else { throw fail(rawModel.line, "model: must be a string") }
        guard model == Constants.modelVersion else {
            throw fail(
                rawModel.line,
                "model: unknown model version \"\(Theme.sanitized(model))\"; this twofutures reads "
                    + "\"\(Constants.modelVersion)\"")
        }
        guard let rawName = root["name"] else { throw fail(1, "name: missing") }
        guard let nameText = rawName.string else { throw fail(rawName.line, "name: must be a string") }
        let name = Theme.sanitized(nameText).trimmingSpaces
        guard !name.isEmpty else { throw fail(rawName.line, "name: must not be empty") }
        var notes: String? = nil
        if let raw = root["notes"] {
            guard let text = raw.string else { throw fail(raw.line, "notes: must be a string") }
            notes = text
        }
        var scenario = Scenario()
        if let raw = root["horizon"] {
            let r = Constants.horizonRange
            guard let h = raw.int, r.contains(h) else {
                throw fail(
                    raw.line, "horizon: must be a whole number of months within \(r.lowerBound)…\(r.upperBound)")
            }
            scenario.horizon = h
        }
        for kind in ParameterKind.allCases {
            let table = kind == .lever ? "levers" : "assumptions"
            guard let rawTable = root[table] else { continue }
            guard let values = rawTable.table else { throw fail(rawTable.line, "\(table): must be a table") }
            for key in values.keys.sorted() {
                let raw = values[key]!
                let field = "\(table).\(Theme.sanitized(key))"
                let id: ParameterID
                do {
                    id = try InputParser.parameter(key)
                } catch {
                    throw fail(raw.line, "\(field): \((error as? InputError)?.message ?? "unknown id")")
                }
                guard id.spec.kind == kind else {
                    let other =
                        kind == .lever ? "an assumption; put it under [assumptions]" : "a lever; put it under [levers]"
                    throw fail(raw.line, "\(field): \(key) is \(other)")
                }
                let rawValue: String
                if let d = raw.double {
                    rawValue = d.description
                } else if let i = raw.int {
                    rawValue = String(i)
                } else if let s = raw.string {
                    rawValue = s
                } else {
                    throw fail(raw.line, "\(field): must be a number\(kind == .lever ? " or a \"70%\" string" : "")")
                }
                do {
                    scenario[id] = try InputParser.value(rawValue, for: id)
                } catch {
                    throw fail(
                        raw.line, "\(field): \(Theme.sanitized((error as? InputError)?.message ?? "bad value"))")
                }
            }
        }
        return ScenarioFile(name: name, notes: notes, scenario: scenario)
    }

    /// Deterministic TOML that `parse` reads back exactly: every lever and assumption.
    public var toml: String {
        var out = "model = \(Self.quoted(Constants.modelVersion))\n"
        out += "name = \(Self.quoted(name))\n"
        if let notes { out += "notes = \(Self.quoted(notes))\n" }
        out += "horizon = \(scenario.horizon)\n\n[levers]\n"
        for id in LeverID.allCases { out += "\(id.id) = \(scenario.levers[id].description)\n" }
        out += "\n[assumptions]\n"
        for id in AssumptionID.allCases { out += "\(id.id) = \(scenario.assumptions[id].description)\n" }
        return out
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
