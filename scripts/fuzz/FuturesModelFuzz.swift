// A libFuzzer harness for the pure input parsers of FuturesModel: the share token and
// `--set`. Built by `make fuzz` with `swiftc -sanitize=fuzzer,address` together with the
// sources of FuturesModel (one module, so no import). Not part of the package or of CI.
// FUZZ_TARGET=token|set chooses the parser. A crash, or a broken invariant (a trap),
// is a finding; libFuzzer writes the input to crash-<hash>.

import Foundation

private let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "token"

private func checkMessage(_ error: Error) {
    guard let e = error as? InputError else { fatalError("unexpected error type \(type(of: error))") }
    precondition(!e.message.isEmpty, "empty message")
    precondition(
        !e.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
        "message is not one line: \(e.message.debugDescription)")
}

private func checkScenario(_ s: Scenario) {
    for id in ParameterID.all {
        precondition(s[id].isFinite && id.spec.contains(s[id]), "\(id.spec.id) = \(s[id])")
    }
    precondition(Constants.horizonRange.contains(s.horizon), "horizon \(s.horizon)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch fuzzTarget {
    case "set":
        do {
            let pairs = try InputParser.assignments(text)
            for (id, v) in pairs { precondition(v.isFinite && id.spec.contains(v), "\(id.spec.id) = \(v)") }
            let written = pairs.map { "\($0.0.spec.id)=\($0.1.description)" }.joined(separator: ",")
            let again = try InputParser.assignments(written)
            precondition(again.map(\.1) == pairs.map(\.1), "round trip of \(written)")
        } catch {
            checkMessage(error)
        }
    default:
        do {
            let s = try ShareToken.decode(text)
            checkScenario(s)
            let token = ShareToken.encode(s)
            let again = try ShareToken.decode(token)
            precondition(again == s, "round trip of \(token)")
        } catch {
            checkMessage(error)
        }
    }
    return 0
}
