import ArgumentParser
import FuturesModel

/// `themes --check` and `lenses --check`: "FILE: ok (…)" on stdout for each good file,
/// its one-line `FILE:LINE: …` error on stderr for each bad one, and exit 65 when any is bad.
func checkFiles<Value, Failure: Error & CustomStringConvertible>(
    _ files: [String], kind: String, load: (String) -> Result<Value, Failure>, ok: (Value) -> String
) throws {
    guard !files.isEmpty else { throw InputError("--check needs at least one \(kind) file") }
    var stderr = StandardError()
    var bad = 0
    for file in files {
        switch load(file) {
        case .success(let value): print("\(file): ok (\(ok(value)))")
        case .failure(let error):
            bad += 1
            print(error.description, to: &stderr)
        }
    }
    if bad > 0 { throw ExitCode.dataError }
}
