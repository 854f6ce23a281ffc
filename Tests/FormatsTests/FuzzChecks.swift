import Dashboard
import Formats
import Foundation
import FuturesModel
import TOML
import TestSupport

// The invariants of every parser's result or error, shared by the parser fuzz tests
// (ParserFuzzTests) and the libFuzzer harness of `make fuzz` (scripts/fuzz/Harness.swift,
// which compiles this file with it): plain Swift, no Testing.

/// What one input did: parsed (or not), and the broken invariant if any.
struct FuzzResult {
    var parsed: Bool
    var problem: String?
    static func ok(_ parsed: Bool) -> FuzzResult { FuzzResult(parsed: parsed, problem: nil) }
    static func bad(_ problem: String) -> FuzzResult { FuzzResult(parsed: false, problem: problem) }
}

enum FuzzParser: String, CaseIterable, Sendable, CustomStringConvertible {
    case scenario, token, theme, demo, set, lens

    var description: String { rawValue }

    func check(_ bytes: [UInt8]) -> FuzzResult {
        let text = Fuzzer.text(bytes)
        switch self {
        case .scenario: return FuzzChecks.scenario(text)
        case .token: return FuzzChecks.token(text)
        case .theme: return FuzzChecks.theme(text)
        case .demo: return FuzzChecks.demo(text)
        case .set: return FuzzChecks.set(text)
        case .lens: return FuzzChecks.lens(text)
        }
    }
}

/// The invariants each parser's result or error must keep.
enum FuzzChecks {
    static let path = "fuzz/in.toml"

    /// A message for one terminal line: non-empty, no line breaks, no control characters.
    static func lineProblem(_ message: String) -> String? {
        if message.isEmpty { return "empty message" }
        let bad = message.unicodeScalars.first {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
        if let bad { return "message has U+\(String(bad.value, radix: 16)): \(message.debugDescription)" }
        return nil
    }

    /// A file error: the path, an existing line (1…lines+1), a one-line message.
    static func fileProblem(path: String, line: Int, message: String, text: String, expectedPath: String) -> String? {
        if path != expectedPath { return "error names \(path.debugDescription), not \(expectedPath)" }
        let lines = Fuzzer.lineCount(text)
        if !(1...lines + 1).contains(line) { return "error line \(line) outside 1…\(lines + 1): \(message)" }
        return lineProblem(message)
    }

    static func scenario(_ text: String) -> FuzzResult {
        let file: ScenarioFile
        do {
            file = try ScenarioFile.parse(text, path: path)
        } catch {
            return FuzzResult(
                parsed: false,
                problem: fileProblem(
                    path: error.path, line: error.line, message: error.message, text: text, expectedPath: path))
        }
        if let v = file.scenario.violation { return .bad(v) }
        if let p = lineProblem(file.name) { return .bad("name: \(p)") }
        do {
            let again = try ScenarioFile.parse(file.toml, path: "again.toml")
            // A file is always written for the current model, whatever it was read as.
            var written = file
            written.modelVersion = Constants.modelVersion
            if again != written { return .bad("round trip: \(again) != \(written)") }
        } catch {
            return .bad("round trip: the written file does not parse: \(error); written: \(file.toml.debugDescription)")
        }
        return .ok(true)
    }

    static func theme(_ text: String) -> FuzzResult {
        switch ThemeParser.parse(text, path: path) {
        case .failure(let error):
            return FuzzResult(
                parsed: false,
                problem: fileProblem(
                    path: error.path, line: error.line, message: error.message, text: text, expectedPath: path))
        case .success(let theme):
            if let p = lineProblem(theme.name) { return .bad("name: \(p)") }
            if !theme.description.isEmpty, let p = lineProblem(theme.description) { return .bad("description: \(p)") }
            for role in Role.allCases {
                guard let c = theme.colors[role], ThemeParser.isHexColor(c) else { return .bad("colour of \(role)") }
            }
            return .ok(true)
        }
    }

    static func demo(_ text: String) -> FuzzResult {
        let script: DemoScript
        do {
            script = try DemoParser.parse(text, file: "fuzz/in.demo")
        } catch let error as DemoError {
            return FuzzResult(
                parsed: false,
                problem: fileProblem(
                    path: error.file, line: error.line, message: error.reason, text: text,
                    expectedPath: "fuzz/in.demo"))
        } catch {
            return .bad("unexpected error type \(type(of: error)): \(error)")
        }
        let lines = Fuzzer.lineCount(text)
        for line in script.lines {
            if !(1...lines).contains(line.line) { return .bad("line \(line.line) outside 1…\(lines)") }
            switch line.command {
            case .set(let id, let v):
                if !v.isFinite || !id.spec.contains(v) { return .bad("set \(id.spec.id) \(v)") }
            case .sleep(let ms):
                if !(0...600_000).contains(ms) { return .bad("sleep \(ms)") }
            case .key(_, let count, let delay):
                if !(1...1000).contains(count) || !(0...600_000).contains(delay) {
                    return .bad("key \(count) @\(delay)")
                }
            case .size(let w, let h):
                if !(80...1000).contains(w) || !(24...500).contains(h) { return .bad("size \(w)x\(h)") }
            case .duration(let seconds):
                if !(1...86_400).contains(seconds) { return .bad("duration \(seconds)") }
            case .caption, .select, .preset, .theme, .lens, .pause, .chapter, .note, .focus, .predict, .replay,
                .expect:
                break
            }
        }
        // Round trip: the commands written back as a script parse to the same commands.
        let written = script.lines.map { demoText($0.command) }.joined(separator: "\n")
        do {
            let again = try DemoParser.parse(written, file: "again.demo")
            if again.lines.map(\.command) != script.lines.map(\.command) {
                return .bad("round trip: \(again.lines.map(\.command)) != \(script.lines.map(\.command))")
            }
        } catch {
            return .bad("round trip: \(error); written: \(written.debugDescription)")
        }
        return .ok(true)
    }

    /// Text in double quotes, with `\` and `"` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One demo command as script text.
    static func demoText(_ command: DemoCommand) -> String {
        switch command {
        case .caption(let text): return "caption " + quoted(text)
        case .chapter(let text): return "chapter " + quoted(text)
        case .note(let text): return "note " + quoted(text)
        case .predict(let text): return "predict " + quoted(text)
        case .expect(let text): return "expect " + quoted(text)
        case .focus(let target): return "focus \(target?.rawValue ?? "off")"
        case .replay: return "replay"
        case .duration(let seconds): return "duration \(seconds)s"
        case .key(let key, let count, let delay): return "key \(DemoParser.name(of: key)) \(count) @\(delay)ms"
        case .select(let id): return "select \(id.spec.id)"
        case .set(let id, let v): return "set \(id.spec.id) \(v.description)"
        case .preset(let p): return "preset \(p.rawValue)"
        case .theme(let name): return "theme \(name)"
        case .lens(let id): return "lens \(id)"
        case .sleep(let ms): return "sleep \(ms)ms"
        case .pause: return "pause"
        case .size(let w, let h): return "size \(w)x\(h)"
        }
    }

    /// A lens: its id from the path, one-line texts, values in range and not the default
    /// (a default is left out); written back as a file, it reads back the same.
    static func lens(_ text: String) -> FuzzResult {
        let lens: Lens
        switch LensParser.parse(text, path: path) {
        case .failure(let error):
            return FuzzResult(
                parsed: false,
                problem: fileProblem(
                    path: error.path, line: error.line, message: error.message, text: text, expectedPath: path))
        case .success(let parsed): lens = parsed
        }
        if lens.id != "in" || lens.file != path { return .bad("id \(lens.id), file \(lens.file ?? "nil")") }
        for (field, value) in [("name", lens.name), ("argument", lens.argument), ("source", lens.source)] {
            if let p = lineProblem(value) { return .bad("\(field): \(p)") }
        }
        for (id, v) in lens.values {
            let spec = ParameterID.assumption(id).spec
            if !v.isFinite || !spec.contains(v) || v == spec.defaultValue { return .bad("\(id.id) = \(v)") }
        }
        var written = "name = \(TOMLWriter.quoted(lens.name))\nargument = \(TOMLWriter.quoted(lens.argument))\n"
        written += "source = \(TOMLWriter.quoted(lens.source))\n[assumptions]\n"
        for (id, v) in lens.values.sorted(by: { $0.key.id < $1.key.id }) { written += "\(id.id) = \(v.description)\n" }
        guard case .success(let again) = LensParser.parse(written, path: path), again == lens else {
            return .bad("round trip: \(written.debugDescription) does not read back the same")
        }
        return .ok(true)
    }

    static func token(_ text: String) -> FuzzResult {
        let scenario: Scenario
        do {
            scenario = try ShareToken.decode(text)
        } catch let error as InputError {
            return FuzzResult(parsed: false, problem: lineProblem(error.message))
        } catch {
            return .bad("unexpected error type \(type(of: error)): \(error)")
        }
        if let v = scenario.violation { return .bad(v) }
        let token = ShareToken.encode(scenario)
        guard let again = try? ShareToken.decode(token) else { return .bad("round trip: \(token) does not decode") }
        if again != scenario || ShareToken.encode(again) != token { return .bad("round trip: \(token)") }
        return .ok(true)
    }

    static func set(_ text: String) -> FuzzResult {
        let pairs: [(ParameterID, Double)]
        do {
            pairs = try InputParser.assignments(text)
        } catch let error as InputError {
            return FuzzResult(parsed: false, problem: lineProblem(error.message))
        } catch {
            return .bad("unexpected error type \(type(of: error)): \(error)")
        }
        for (id, v) in pairs where !v.isFinite || !id.spec.contains(v) { return .bad("\(id.spec.id) = \(v)") }
        let written = pairs.map { "\($0.0.spec.id)=\($0.1.description)" }.joined(separator: ",")
        guard let again = try? InputParser.assignments(written),
            again.map(\.0) == pairs.map(\.0), again.map(\.1) == pairs.map(\.1)
        else { return .bad("round trip: \(written) does not parse to the same") }
        return .ok(true)
    }
}
