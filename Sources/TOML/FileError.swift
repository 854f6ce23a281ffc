/// A file that cannot be used, as one line: "PATH:LINE: field: what is wrong". Theme and
/// scenario files report their errors with it.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }
}
