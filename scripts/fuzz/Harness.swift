// The libFuzzer harness of `make fuzz`: bytes into one parser, FUZZ_TARGET=scenario|lens|
// theme|demo|token|set. Built by scripts/fuzz/build.sh with `swiftc -sanitize=fuzzer,address`,
// together with Tests/FormatsTests/FuzzChecks.swift, the invariants the parser fuzz tests
// check: a result that keeps the model's invariants and round-trips, or a one-line error
// naming the file and an existing line. Any other outcome, a crash or a trap is a finding;
// libFuzzer writes the input to crash-<hash>. Not part of the package or of CI.

import Foundation

private let parser: FuzzParser = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "token"
    guard let parser = FuzzParser(rawValue: name) else {
        fatalError("FUZZ_TARGET=\(name): expected one of \(FuzzParser.allCases.map(\.rawValue))")
    }
    return parser
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    if let problem = parser.check(bytes).problem {
        fatalError("\(parser): \(problem)")
    }
    return 0
}
