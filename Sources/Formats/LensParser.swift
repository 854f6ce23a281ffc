import Dashboard
import FuturesModel
import TOML

/// Reads lenses from TOML text (docs/lenses-and-themes.md): `name`, `argument` and `source`
/// (strings, required) and an optional `[assumptions]` table of numbers; an assumption
/// left out takes its default. The id is the file name without `.toml`. Pure: the caller
/// reads the file.
public enum LensParser {
    static let topKeys: Set<String> = ["name", "argument", "source", "assumptions"]

    /// The lens in `text`, or the first problem found; `path` names the lens (its file
    /// name is the id) and the messages.
    public static func parse(_ text: String, path: String) -> Result<Lens, LensError> {
        func fail(_ line: Int, _ message: String) -> Result<Lens, LensError> {
            .failure(LensError(path: path, line: line, message: message))
        }
        let id = LensCatalog.id(path: path)
        guard Lens.isValidID(id) else {
            return fail(
                1,
                "'\(sanitized(untrusted: id, limit: 60))' cannot be a lens id: name the file with lower-case "
                    + "letters, digits, - and _ (like all-critics.toml)")
        }
        let root: TOMLTable
        switch TOMLReader.parse(text, path: path, allowed: topKeys, expected: "name, argument, source, [assumptions]") {
        case .success(let table): root = table
        case .failure(let error): return .failure(error)
        }
        var texts = [String: String]()
        for key in ["name", "argument", "source"] {
            guard let raw = root[key] else { return fail(1, "\(key): missing") }
            guard let string = raw.string else { return fail(raw.line, "\(key): must be a string") }
            let text = sanitized(untrusted: string).trimmingSpaces
            guard !text.isEmpty else { return fail(raw.line, "\(key): must not be empty") }
            texts[key] = text
        }
        var values = [AssumptionID: Double]()
        if let rawTable = root["assumptions"] {
            guard let table = rawTable.table else { return fail(rawTable.line, "assumptions: must be a table") }
            for key in table.keys.sorted() {
                switch value(table[key]!, key: key) {
                case .success(let (assumption, x)):
                    // A default written out is the same lens as one left out.
                    if x != assumption.spec.defaultValue { values[assumption] = x }
                case .failure(let failure): return fail(table[key]!.line, "assumptions.\(failure.message)")
                }
            }
        }
        return .success(
            Lens(
                id: id, name: texts["name"]!, argument: texts["argument"]!, source: texts["source"]!, values: values,
                file: path))
    }

    /// One `[assumptions]` entry, range-checked (never clamped), or the message after
    /// "assumptions.": "control_leak: unknown assumption …".
    static func value(_ raw: TOMLValue, key: String) -> Result<(AssumptionID, Double), Failure> {
        let field = sanitized(untrusted: key, limit: 60)
        guard let parameter = ParameterID(id: key) else {
            let ids = AssumptionID.allCases.map(\.id)
            let unknown = "\(field): unknown assumption '\(field)'"
            let list = ids.joined(separator: ", ")
            guard let near = InputParser.closest(to: key, among: ids) else {
                return .failure(Failure(unknown + "; assumptions: " + list))
            }
            return .failure(Failure(unknown + "; did you mean '\(near)'? Assumptions: " + list))
        }
        guard case .assumption(let id) = parameter else {
            let what = parameter == .policyStart ? "the policy's start" : "a lever"
            return .failure(Failure("\(field): \(key) is \(what); a lens sets only assumptions"))
        }
        // As written: an integer is echoed without a ".0" in a message.
        guard let number = raw.double?.description ?? raw.int.map({ String($0) }) else {
            return .failure(Failure("\(field): must be a number within \(InputParser.rangeText(parameter.spec))"))
        }
        do {
            return .success((id, try InputParser.value(number, for: parameter)))
        } catch {
            return .failure(Failure("\(field): \((error as? InputError)?.message ?? "bad value")"))
        }
    }

    /// Why one entry cannot be used.
    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
