import Dashboard
import FuturesModel
import TOML

/// A scenario file that cannot be used, as one line: "x.toml:7: levers.export_controls: …".
public typealias ScenarioFileError = FileError

/// A saved scenario (docs/CLI.md "Scenarios"): TOML with `model`, `name`, optional `notes`,
/// `lens`, `horizon`, `policy_start`, `[levers]` and `[assumptions]`. A lever left out
/// takes its `status_quo` value, an assumption left out its lens's value (docs/lenses-and-themes.md
/// "Lenses"), else its default. Files of model `twofutures/2` read as they are;
/// those of `twofutures/1` still read (their start is 0); `modelVersion` says which version
/// a file was written for, so that callers can say once that a version-1 file runs under
/// the current model. Pure: the caller reads and writes the file.
public struct ScenarioFile: Sendable, Equatable {
    public var name: String
    public var notes: String?
    public var scenario: Scenario
    /// The `model` the file names (`twofutures/1`, `twofutures/2` or `twofutures/3`).
    public var modelVersion: String
    /// The lens whose assumptions these are, recorded as `lens = "id"` when the file is
    /// written and the assumptions still match it exactly (they are written in full all
    /// the same). Reading keeps the lens a file names only while its assumptions match it.
    public var lens: Lens?

    public init(
        name: String, notes: String? = nil, scenario: Scenario, modelVersion: String = Constants.modelVersion,
        lens: Lens? = nil
    ) {
        self.name = name
        self.notes = notes
        self.scenario = scenario
        self.modelVersion = modelVersion
        self.lens = lens
    }

    /// Whether the file was written for model version 1 (and is read under the current one).
    public var isVersion1: Bool { ModelVersion.isVersion1(modelVersion) }

    static let topKeys: Set<String> = [
        "model", "name", "notes", "lens", "horizon", "policy_start", "levers", "assumptions",
    ]

    /// The scenario in `text`, or the first problem found; `path` is only used in messages.
    /// A `lens = "id"` names one of `lenses` (the lenses found, see Storage's `LensStore`).
    public static func parse(
        _ text: String, path: String, lenses: [Lens] = Lens.builtIn
    ) throws(ScenarioFileError) -> ScenarioFile {
        func fail(_ line: Int, _ message: String) -> ScenarioFileError {
            ScenarioFileError(path: path, line: line, message: message)
        }
        let root = try TOMLReader.parse(
            text, path: path, allowed: topKeys,
            expected: "model, name, notes, lens, horizon, policy_start, [levers], [assumptions]"
        ).get()
        guard let rawModel = root["model"] else {
            throw fail(1, "model: missing (expected model = \"\(Constants.modelVersion)\")")
        }
        guard let model = rawModel.string else { throw fail(rawModel.line, "model: must be a string") }
        guard ModelVersion.readable.contains(model) else {
            throw fail(
                rawModel.line,
                "model: unknown model version \"\(sanitized(untrusted: model))\"; this twofutures reads "
                    + ModelVersion.readable.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let version1 = ModelVersion.isVersion1(model)
        guard let rawName = root["name"] else { throw fail(1, "name: missing") }
        guard let nameText = rawName.string else { throw fail(rawName.line, "name: must be a string") }
        let name = sanitized(untrusted: nameText).trimmingSpaces
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
        if let raw = root["policy_start"] {
            guard !version1 else {
                throw fail(
                    raw.line, "policy_start: not part of \(model) files; write model = \"\(Constants.modelVersion)\"")
            }
            switch policyStart(raw) {
            case .success(let months): scenario.policyStart = months
            case .failure(let error): throw fail(raw.line, error.message)
            }
        }
        let named = try lens(root["lens"], model: model, lenses: lenses, fail: fail)
        if let named { scenario.assumptions = named.assumptions }
        for kind in [ParameterKind.lever, .assumption] {
            let table = kind == .lever ? "levers" : "assumptions"
            guard let rawTable = root[table] else { continue }
            guard let values = rawTable.table else { throw fail(rawTable.line, "\(table): must be a table") }
            for key in values.keys.sorted() {
                let raw = values[key]!
                let field = "\(table).\(sanitized(untrusted: key))"
                let id: ParameterID
                do {
                    id = try InputParser.parameter(key)
                } catch {
                    throw fail(raw.line, "\(field): \((error as? InputError)?.message ?? "unknown id")")
                }
                if version1, id == .assumption(.enforcementEffectiveness) {
                    throw fail(
                        raw.line, "\(field): not part of \(model) files; write model = \"\(Constants.modelVersion)\"")
                }
                guard id.spec.kind == kind else {
                    let other =
                        switch id.spec.kind {
                        case .lever: "a lever; put it under [levers]"
                        case .timing: "the policy's start; put it before the tables"
                        case .assumption: "an assumption; put it under [assumptions]"
                        }
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
                        raw.line, "\(field): \(sanitized(untrusted: (error as? InputError)?.message ?? "bad value"))")
                }
            }
        }
        return ScenarioFile(
            name: name, notes: notes, scenario: scenario, modelVersion: model,
            lens: named.flatMap { $0.matches(scenario.assumptions) ? $0 : nil })
    }

    /// The lens a `lens = "id"` names, if any; an unknown id is an error at its line.
    static func lens(
        _ raw: TOMLValue?, model: String, lenses: [Lens], fail: (Int, String) -> ScenarioFileError
    ) throws(ScenarioFileError) -> Lens? {
        guard let raw else { return nil }
        guard !ModelVersion.isVersion1(model) else {
            throw fail(raw.line, "lens: not part of \(model) files; write model = \"\(Constants.modelVersion)\"")
        }
        guard let id = raw.string else { throw fail(raw.line, "lens: must be a string, a lens id like \"backfire\"") }
        do {
            return try Lens.named(id, in: lenses)
        } catch {
            throw fail(raw.line, "lens: \(error.message)")
        }
    }

    /// `policy_start` as whole months, from an integer or a date string, or why not.
    static func policyStart(_ raw: TOMLValue) -> Result<Int, PolicyStartError> {
        let text: String
        if let months = raw.int {
            text = String(months)
        } else if let date = raw.string {
            text = date
        } else {
            return .failure(
                PolicyStartError("policy_start: must be a whole number of months or a date string like \"2027-01\""))
        }
        do {
            return .success(try InputParser.policyStart(text))
        } catch {
            return .failure(PolicyStartError(sanitized(untrusted: (error as? InputError)?.message ?? "bad value")))
        }
    }

    /// Why a `policy_start` value cannot be used.
    struct PolicyStartError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Deterministic TOML that `parse` reads back exactly: every lever and assumption (and
    /// the lens, while the assumptions match it), written for the current model version.
    public var toml: String {
        var out = "model = \(TOMLWriter.quoted(Constants.modelVersion))\n"
        out += "name = \(TOMLWriter.quoted(name))\n"
        if let notes { out += "notes = \(TOMLWriter.quoted(notes))\n" }
        if let lens, lens.matches(scenario.assumptions) { out += "lens = \(TOMLWriter.quoted(lens.id))\n" }
        out += "horizon = \(scenario.horizon)\n"
        out += "policy_start = \(scenario.policyStart)\n\n[levers]\n"
        for id in LeverID.allCases { out += "\(id.id) = \(scenario.levers[id].description)\n" }
        out += "\n[assumptions]\n"
        for id in AssumptionID.allCases { out += "\(id.id) = \(scenario.assumptions[id].description)\n" }
        return out
    }
}
