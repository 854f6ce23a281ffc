import FuturesModel
import TOML

/// How an `InputError` is shown, on the screen and on the command line. FuturesModel keeps
/// the input a message quotes raw (it imports Foundation only); here it is made safe.
extension InputError: CustomStringConvertible {
    /// The one line to show: each quoted input escaped by `sanitized(untrusted:limit:)`,
    /// at most `InputError.inputLimit` characters ("unknown preset 'a\nb'; use …").
    public var message: String {
        message { sanitized(untrusted: $0, limit: InputError.inputLimit) }
    }

    /// `message`.
    public var description: String { message }
}
