/// A measurement that could not be made (the dashboard did not start, draw or answer), as
/// one line: "bench: the dashboard did not answer an arrow key". The command exits 70.
public struct BenchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
