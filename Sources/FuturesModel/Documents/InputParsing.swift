import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsing and validation of user input shared by the CLI, scenario files and demo scripts.
/// Nothing is ever clamped: an out-of-range value is an error.
public enum InputParser {
    /// Parses `id=value[,id=value…]`. A value is a number, a percentage like `70%` for a
    /// lever, or for `policy_start` a whole number of months or a date like `2027-01`.
    public static func assignments(_ text: String) throws -> [(ParameterID, Double)] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        return try parts.map { part in
            let piece = part.trimmed()
            guard let eq = piece.firstIndex(of: "="), eq != piece.startIndex else {
                throw InputError("--set expects id=value[,id=value…], got '\(input: piece)'")
            }
            let key = String(piece[..<eq]).trimmed()
            let raw = String(piece[piece.index(after: eq)...]).trimmed()
            let id = try parameter(key)
            return (id, try value(raw, for: id))
        }
    }

    /// Looks up a parameter id, suggesting the closest valid one when unknown.
    public static func parameter(_ key: String) throws -> ParameterID {
        if let id = ParameterID(id: key) { return id }
        let ids = ParameterTable.all.map(\.id)
        var message: InputError.Message = "unknown id '\(input: key)'"
        if let near = closest(to: key, among: ids) { message += "; did you mean '\(near)'?" }
        message += " Valid ids: \(ids.joined(separator: ", "))"
        throw InputError(message)
    }

    /// Parses and range-checks one parameter value.
    public static func value(_ raw: String, for id: ParameterID) throws -> Double {
        if id == .policyStart { return Double(try policyStart(raw)) }
        let spec = id.spec
        let allowed = rangeText(spec)
        var text = raw
        var percent = false
        if text.hasSuffix("%") {
            guard spec.kind == .lever else {
                throw InputError(
                    "\(spec.id) takes a plain number within \(allowed); percentages are for levers, got '\(input: raw)'"
                )
            }
            text.removeLast()
            percent = true
        }
        guard let x = number(text) else {
            throw InputError(
                "\(spec.id): '\(input: raw)' is not a number; allowed: \(allowed)")
        }
        // Divide, not multiply by 0.01: 70% is exactly 0.7, as in a scenario file or token.
        let v = percent ? x / 100 : x
        guard spec.contains(v) else {
            throw InputError("\(spec.id) must be within \(allowed), got '\(input: raw)'")
        }
        return v
    }

    /// "0…1 (or 0%…100%)" for levers, "2.0…5.0 (×/yr)" for assumptions ("0.0…1.0" when
    /// unitless), "0…24 months (or 2026-01…2028-01)" for the policy's start.
    public static func rangeText(_ spec: ParameterSpec) -> String {
        switch spec.kind {
        case .lever: "0…1 (or 0%…100%)"
        case .timing:
            "\(Int(spec.min))…\(Int(spec.max)) months (or \(monthLabel(Int(spec.min)))…\(monthLabel(Int(spec.max))))"
        case .assumption: spec.unit == "–" ? "\(spec.min)…\(spec.max)" : "\(spec.min)…\(spec.max) (\(spec.unit))"
        }
    }

    /// `policy_start`: whole months 0…24 ("12") or a month from 2026-01 to 2028-01 ("2027-01").
    public static func policyStart(_ raw: String) throws -> Int {
        let allowed = rangeText(ParameterTable.policyStart)
        let r = Constants.policyStartRange
        let text = raw.trimmed()
        let months: Int
        if let (year, month) = yearMonth(text) {
            months = (year - Constants.startYear) * 12 + (month - Constants.startMonth)
        } else if let x = number(text) {
            guard x == x.rounded(), abs(x) <= 1e6 else {
                throw InputError(
                    "policy_start must be a whole number of months, got '\(input: raw)'; allowed: \(allowed)"
                )
            }
            months = Int(x)
        } else {
            throw InputError(
                "policy_start: '\(input: raw)' is not a number of months or a date like 2027-01; "
                    + "allowed: \(allowed)")
        }
        guard r.contains(months) else {
            throw InputError("policy_start must be within \(allowed), got '\(input: raw)'")
        }
        return months
    }

    /// "YYYY-MM" with a month 01…12, as (year, month).
    static func yearMonth(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }

    public static func horizon(_ raw: String) throws -> Int {
        let r = Constants.horizonRange
        guard let h = Int(raw), r.contains(h) else {
            throw InputError(
                "--horizon must be a whole number of months within \(r.lowerBound)…\(r.upperBound), got '\(input: raw)'"
            )
        }
        return h
    }

    public static func members(_ raw: String) throws -> Int { try members(raw, option: "--members", minimum: 0) }

    /// A member count for `option` (`--worlds-members`, say), a whole number within
    /// `minimum`…`Constants.maxMembers`; the error names the option.
    public static func members(_ raw: String, option: String, minimum: Int) throws -> Int {
        guard let n = Int(raw), n >= minimum, n <= Constants.maxMembers else {
            throw InputError(
                "\(option) must be a whole number within \(minimum)…\(Constants.maxMembers), got '\(input: raw)'"
            )
        }
        return n
    }

    public static func seed(_ raw: String) throws -> UInt64 {
        guard let s = UInt64(raw) else {
            throw InputError(
                "--seed must be a whole number within 0…\(UInt64.max), got '\(input: raw)'")
        }
        return s
    }

    /// `map --size`: "NXxNY", each side a whole number of points within 2…200.
    public static func mapSize(_ raw: String) throws -> (nx: Int, ny: Int) {
        let parts = raw.split(separator: "x", omittingEmptySubsequences: false)
        let sides = parts.map { part in part.allSatisfy { $0.isASCII && $0.isNumber } ? Int(part) : nil }
        guard sides.count == 2, let nx = sides[0], let ny = sides[1], FuturesMap.sizes.contains(nx),
            FuturesMap.sizes.contains(ny)
        else {
            let r = FuturesMap.sizes
            throw InputError(
                "--size must be NXxNY with each side within \(r.lowerBound)…\(r.upperBound), like 41x21, got '\(input: raw)'"
            )
        }
        return (nx, ny)
    }

    /// Worker threads for an ensemble, 1…64.
    public static func threads(_ raw: String) throws -> Int {
        guard let n = Int(raw), (1...64).contains(n) else {
            throw InputError(
                "--threads must be a whole number within 1…64, got '\(input: raw)'")
        }
        return n
    }

    /// `seek --probability`: a probability in (0, 1], written 0.5 or 50%.
    public static func probability(_ raw: String) throws -> Double {
        let percent = raw.hasSuffix("%")
        guard let x = number(percent ? String(raw.dropLast()) : raw).map({ percent ? $0 / 100 : $0 }), x > 0, x <= 1
        else {
            throw InputError("--probability must be within 0…1 (above 0), like 0.5 or 50%, got '\(raw)'")
        }
        return x
    }

    public static func uncertainty(_ raw: String) throws -> Double {
        guard let r = number(raw), r >= 0, r <= 1 else {
            throw InputError("--uncertainty must be a number within 0…1, got '\(input: raw)'")
        }
        return r
    }

    public static func preset(_ raw: String) throws -> Preset {
        guard let p = Preset(name: raw) else {
            throw InputError(
                "unknown preset '\(input: raw)'; use future1, status_quo (or status-quo) or future2"
            )
        }
        return p
    }

    /// A plain decimal number: optional sign, digits with an optional point, optional
    /// exponent. Rejects "nan", "inf", hex and empty strings, which `Double(_:)` accepts.
    public static func number(_ raw: String) -> Double? {
        var digits = 0, seenPoint = false, seenExponent = false, exponentDigits = 0
        var previous: Character? = nil
        for ch in raw {
            switch ch {
            case "0"..."9":
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case ".":
                if seenPoint || seenExponent { return nil }
                seenPoint = true
            case "e", "E":
                if seenExponent || digits == 0 { return nil }
                seenExponent = true
            case "+", "-":
                if !(previous == nil || previous == "e" || previous == "E") { return nil }
            default:
                return nil
            }
            previous = ch
        }
        guard digits > 0, !seenExponent || exponentDigits > 0, let x = Double(raw), x.isFinite else { return nil }
        return x
    }

    /// The closest id by edit distance, when it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        // No id is near a long word, and the edit distance of one is slow.
        guard word.count <= 64 else { return nil }
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 <= max(2, word.count / 3) { return best.0 }
        // A unique candidate that contains the word ("smuggling").
        let containing = candidates.filter { $0.contains(word.lowercased()) }
        return word.count >= 3 && containing.count == 1 ? containing[0] : nil
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
