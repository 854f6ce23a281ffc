import FuturesModel
import TOML

extension InputError {
    /// The line as the dashboard and the command line show it (Dashboard's `message`).
    var message: String { message { sanitized(untrusted: $0, limit: InputError.inputLimit) } }
}
