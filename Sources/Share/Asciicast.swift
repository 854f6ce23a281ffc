import FuturesModel

/// An asciicast v2 recording (asciinema's `.cast`): a header line and one line per event,
/// each a JSON value. Written by hand, in a fixed order and number format, so that the same
/// recording always gives the same bytes.
public struct Asciicast: Sendable, Equatable {
    /// The first line: the format's version (2), the terminal's size and what it was.
    public struct Header: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var title: String?
        /// `env.TERM`: the terminal the bytes are meant for.
        public var term: String
        /// Unix time of the recording's start; nil for a made recording (the same bytes each time).
        public var timestamp: Int?

        public init(width: Int, height: Int, title: String? = nil, term: String, timestamp: Int? = nil) {
            self.width = width
            self.height = height
            self.title = title
            self.term = term
            self.timestamp = timestamp
        }
    }

    /// One event: `[seconds, "o", data]` (output), `[seconds, "r", "WxH"]` (a resize) or
    /// `[seconds, "m", label]` (a marker: a chapter).
    public struct Event: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case output = "o"
            case resize = "r"
            case marker = "m"
        }
        /// Microseconds from the start.
        public var time: Int
        public var kind: Kind
        public var data: String

        public init(time: Int, kind: Kind = .output, data: String) {
            self.time = time
            self.kind = kind
            self.data = data
        }
    }

    public var header: Header
    public var events: [Event]

    public init(header: Header, events: [Event] = []) {
        self.header = header
        self.events = events
    }

    /// The file's text: the header, then each event, one JSON value a line.
    public var text: String {
        var out = headerLine + "\n"
        for event in events {
            out += "[\(Self.seconds(event.time)), \"\(event.kind.rawValue)\", \(JSONWriter.quoted(event.data))]\n"
        }
        return out
    }

    var headerLine: String {
        var fields = ["\"version\": 2", "\"width\": \(header.width)", "\"height\": \(header.height)"]
        if let timestamp = header.timestamp { fields.append("\"timestamp\": \(timestamp)") }
        if let title = header.title { fields.append("\"title\": \(JSONWriter.quoted(title))") }
        fields.append("\"env\": {\"TERM\": \(JSONWriter.quoted(header.term))}")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Microseconds as seconds with six decimals ("1.500000").
    static func seconds(_ microseconds: Int) -> String {
        let us = max(0, microseconds)
        let fraction = String(us % 1_000_000)
        return "\(us / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
