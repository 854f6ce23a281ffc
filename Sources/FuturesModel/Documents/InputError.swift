/// A bad input: one line that names the bad word and what is allowed.
///
/// The line quotes the input it rejects, and that input may hold anything: escapes, line
/// breaks, a bidi override. FuturesModel imports Foundation only, so it does not make the
/// quote safe to show itself: the message keeps each quote raw, as an `.input` piece, and
/// the module that shows the line escapes it (`message(showingInput:)`; Dashboard's
/// `message` escapes with `sanitized(untrusted:limit:)`, at most `inputLimit` characters).
///
///     throw InputError("unknown preset '\(input: raw)'; use future1, status_quo or future2")
public struct InputError: Error, Equatable, Sendable {
    /// A piece of the message: fixed wording, or input quoted as it was given.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case input(String)
    }

    /// How many characters of a quoted input a shown message keeps (then `…`).
    public static let inputLimit = 60

    /// The message, in order; neighbouring `.text` pieces are joined.
    public let pieces: [Piece]

    public init(_ message: Message) { pieces = message.pieces }

    /// Errors are equal when they say the same, quoted input as given: `InputError("got
    /// 'x'")` equals `InputError("got '\(input: "x")'")`.
    public static func == (lhs: InputError, rhs: InputError) -> Bool {
        lhs.message { $0 } == rhs.message { $0 }
    }

    /// The line with each quoted input shown as `show` writes it (`show` makes it safe).
    public func message(showingInput show: (String) -> String) -> String {
        pieces.map {
            switch $0 {
            case .text(let text): text
            case .input(let input): show(input)
            }
        }.joined()
    }

    /// The text of an `InputError`, written as a string literal: `\(input: raw)` quotes
    /// input; any other interpolation is fixed wording.
    public struct Message: ExpressibleByStringInterpolation, Equatable, Sendable {
        public private(set) var pieces: [Piece] = []

        public init(stringLiteral text: String) { append(.text(text)) }

        public init(stringInterpolation: StringInterpolation) { pieces = stringInterpolation.message.pieces }

        /// Fixed wording that is already a `String`.
        public init(verbatim text: String) { append(.text(text)) }

        public static func + (lhs: Message, rhs: Message) -> Message {
            var out = lhs
            for piece in rhs.pieces { out.append(piece) }
            return out
        }

        public static func += (lhs: inout Message, rhs: Message) { lhs = lhs + rhs }

        mutating func append(_ piece: Piece) {
            if case .text(let text) = piece {
                if text.isEmpty { return }
                if case .text(let before) = pieces.last {
                    pieces[pieces.count - 1] = .text(before + text)
                    return
                }
            }
            pieces.append(piece)
        }

        public struct StringInterpolation: StringInterpolationProtocol {
            var message = Message()

            public init(literalCapacity: Int, interpolationCount: Int) {}

            public mutating func appendLiteral(_ literal: String) { message.append(.text(literal)) }

            public mutating func appendInterpolation(_ value: some Any) { message.append(.text("\(value)")) }

            /// Input quoted as given, made safe where the message is shown.
            public mutating func appendInterpolation(input: some StringProtocol) {
                message.append(.input(String(input)))
            }
        }

        private init() {}
    }
}
