/// What the presenter's second terminal (`twofutures notes`) shows of a running demo: where
/// it stands, what the audience reads, the notes only the presenter reads, what comes
/// next, and the time. A value the dashboard sends whenever it changes (one JSON line).
public struct PresenterSnapshot: Sendable, Equatable, Codable {
    /// The demo's file name ("tour.demo").
    public var demo: String
    /// The current chapter's title and number (1-based; 0 and nil before the first), and how
    /// many chapters the demo has.
    public var chapter: String?
    public var chapterNumber: Int
    public var chapterCount: Int
    /// The current step (a caption: 1-based, 0 before the first) and how many there are.
    public var step: Int
    public var steps: Int
    /// The caption on the audience's screen, and its speaker notes.
    public var caption: String?
    public var notes: [String]
    /// The next step's caption (nil at the last one), and the chapter it starts, if any.
    public var next: String?
    public var nextChapter: String?
    /// The demo waits for the presenter (a `pause` or a `predict`, or Space).
    public var paused: Bool
    /// A question to the room waiting for its answer (`predict`).
    public var prediction: String?
    /// The demo has played to its end.
    public var finished: Bool
    /// Milliseconds since the demo started, when this snapshot was taken.
    public var elapsedMilliseconds: Int
    /// The talk's planned length in seconds (`duration 20m` or `--duration`), if any.
    public var durationSeconds: Int?

    public init(
        demo: String, chapter: String? = nil, chapterNumber: Int = 0, chapterCount: Int = 0, step: Int = 0,
        steps: Int = 0, caption: String? = nil, notes: [String] = [], next: String? = nil, nextChapter: String? = nil,
        paused: Bool = false, prediction: String? = nil, finished: Bool = false, elapsedMilliseconds: Int = 0,
        durationSeconds: Int? = nil
    ) {
        self.demo = demo
        self.chapter = chapter
        self.chapterNumber = chapterNumber
        self.chapterCount = chapterCount
        self.step = step
        self.steps = steps
        self.caption = caption
        self.notes = notes
        self.next = next
        self.nextChapter = nextChapter
        self.paused = paused
        self.prediction = prediction
        self.finished = finished
        self.elapsedMilliseconds = elapsedMilliseconds
        self.durationSeconds = durationSeconds
    }

    /// The same snapshot apart from the time: whether the notes terminal needs a new one
    /// (it counts the seconds itself).
    public func sameMoment(as other: PresenterSnapshot) -> Bool {
        var a = self, b = other
        a.elapsedMilliseconds = 0
        b.elapsedMilliseconds = 0
        return a == b
    }
}
