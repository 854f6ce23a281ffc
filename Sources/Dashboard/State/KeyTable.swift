import FuturesModel

/// Where a key binding acts: the dashboard, an overlay, a prompt, the `o` list, or a
/// demo while it plays.
public enum KeyContext: Sendable, Equatable, Hashable, CaseIterable {
    case normal, help, prompt, list, demo
    /// The map view over the normal dashboard: its own keys first, then the normal ones.
    case map
    /// The answer view (`A`): its own keys only.
    case answer
}

/// What a bound key does; `reduce` carries it out.
public enum Command: Sendable, Equatable, Hashable {
    case selectPrevious, selectNext
    case decrease, increase, decreaseFine, increaseFine, minimum, maximum
    case switchGroup
    case preset(Preset)
    case undo, redo, reset
    case pin, clearPins
    case nextChart, previousChart
    case nextTheme, previousTheme
    /// v / V: the next or previous lens (all ten assumptions as one change).
    case nextLens, previousLens
    case cycleMoves
    /// f: the attribution's probability (Future 1 → Future 2 → China's markets); shows the
    /// attribution where another view of "What moves it" is up.
    case cycleAttribution
    /// w: the screen across worlds, or the central run as set.
    case toggleLanguage
    /// m: open or close the map of futures.
    case openMap
    /// In the map view: the next or previous parameter for the Y axis.
    case mapNextY, mapPreviousY
    /// A: open or close the answer view.
    case openAnswer
    /// In the answer view: the next or previous future (Future 1, Future 2, China's
    /// markets); its columns scrolled left or right.
    case answerNextFuture, answerPreviousFuture, answerScrollLeft, answerScrollRight
    case goalSeek
    case shareToken, export, save, open
    case help
    /// z: the selected chart fills the chart area, or goes back.
    case zoom
    /// Esc: close the overlay, discard a waiting result, or shrink an enlarged chart.
    case close
    case redraw
    case quit
    case listPrevious, listNext, listPageUp, listPageDown, listFirst, listLast, listOpen
    case demoPause, demoNextCaption, demoPreviousCaption
    /// ] and [ (PgDn, PgUp): the next or previous chapter; G: the chapter whose number was
    /// typed before it; l: the list of chapters.
    case demoNextChapter, demoPreviousChapter, demoGoToChapter, demoListChapters
}

/// One key and the command it runs.
public struct KeyCommand: Sendable, Equatable {
    public let key: Key
    public let command: Command

    public init(_ key: Key, _ command: Command) {
        self.key = key
        self.command = command
    }
}

/// A short hint for the status bar ("↑↓ select"); a lower rank shows first. Essential
/// hints (help, quit) always show; the others as far as they fit, by rank. `ascii` is the
/// hint for themes drawn in plain ASCII ("h l adjust" for "←→ adjust"); `narrow` a shorter
/// one for bars under `StatusBar.wideFrom` columns ("1 2 3 presets").
public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let what: String
    public let rank: Int
    public var essential = false
    public var ascii: (keys: String, what: String)?
    public var narrow: (keys: String, what: String)?

    public init(
        keys: String, what: String, rank: Int, essential: Bool = false, ascii: (String, String)? = nil,
        narrow: (String, String)? = nil
    ) {
        self.keys = keys
        self.what = what
        self.rank = rank
        self.essential = essential
        self.ascii = ascii
        self.narrow = narrow
    }

    public static func == (a: KeyHint, b: KeyHint) -> Bool {
        a.keys == b.keys && a.what == b.what && a.rank == b.rank && a.essential == b.essential
            && a.ascii?.keys == b.ascii?.keys && a.ascii?.what == b.ascii?.what
            && a.narrow?.keys == b.narrow?.keys && a.narrow?.what == b.narrow?.what
    }
}

/// One row of the key table: how the keys are written, what they do, where they act,
/// and the keys with their commands. A row without keys is handled elsewhere (Ctrl-Z by
/// the terminal) or documents the mouse.
public struct KeyBinding: Sendable, Equatable {
    /// The keys as people write them: "↑ ↓ / k j".
    public let label: String
    public let help: String
    /// A shorter form for the help overlay's compact layout (80×24).
    public let short: String
    public let shortHelp: String
    public let contexts: Set<KeyContext>
    public let keys: [KeyCommand]
    public let hint: KeyHint?

    init(
        _ label: String, _ help: String, short: String, _ shortHelp: String, in contexts: Set<KeyContext> = [.normal],
        keys: [KeyCommand], hint: KeyHint? = nil
    ) {
        self.label = label
        self.help = help
        self.short = short
        self.shortHelp = shortHelp
        self.contexts = contexts
        self.keys = keys
        self.hint = hint
    }
}

/// Every binding of the dashboard (DESIGN.md "Keys", htop/lazygit habits): the one table
/// that the reducer's match, the status bar's hints, the help overlay and docs/dashboard.md's
/// key table come from.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding(
            "↑ ↓ / k j", "select a slider (wraps)", short: "↑↓ jk", "select",
            keys: [
                .init(.up, .selectPrevious), .init(.char("k"), .selectPrevious), .init(.down, .selectNext),
                .init(.char("j"), .selectNext),
            ],
            hint: KeyHint(keys: "↑↓", what: "select", rank: 2, ascii: ("j k", "select"))),
        KeyBinding(
            "← → / h l", "−/+ 5 points (Policy starts: 3 months; assumptions: one step)", short: "←→ hl",
            "−/+ 5 points",
            keys: [
                .init(.left, .decrease), .init(.char("h"), .decrease), .init(.right, .increase),
                .init(.char("l"), .increase),
            ],
            hint: KeyHint(keys: "←→", what: "adjust", rank: 3, ascii: ("h l", "adjust"))),
        KeyBinding(
            "Shift+← → / H L", "−/+ 1 point (Policy starts: 1 month; assumptions: a fifth of a step)",
            short: "⇧←→ HL", "−/+ 1 point",
            keys: [
                .init(.shiftLeft, .decreaseFine), .init(.char("H"), .decreaseFine),
                .init(.shiftRight, .increaseFine), .init(.char("L"), .increaseFine),
            ],
            hint: KeyHint(keys: "⇧←→", what: "fine", rank: 8, ascii: ("H L", "fine"))),
        KeyBinding(
            "Home / End", "minimum / maximum", short: "Home End", "min / max",
            keys: [.init(.home, .minimum), .init(.end, .maximum)]),
        KeyBinding(
            "Tab", "levers ⇄ assumptions", short: "Tab", "levers ⇄ assumptions",
            keys: [.init(.tab, .switchGroup), .init(.backTab, .switchGroup)],
            hint: KeyHint(keys: "Tab", what: "group", rank: 7)),
        KeyBinding(
            "1 2 3", "presets: Future 1, Future 2, status quo, starting 2026-01 (assumptions stay)", short: "1 2 3",
            // In the answer view too: the answer is for your levers, and a preset asks it anew.
            "Future 1, 2 or status quo", in: [.normal, .answer],
            keys: [
                .init(.char("1"), .preset(.future1)), .init(.char("2"), .preset(.future2)),
                .init(.char("3"), .preset(.statusQuo)),
            ],
            // "1 Future 1 · 2 Future 2 · 3 status quo": after each " · " a key (see `StatusBar`).
            // First among the hints; "1 2 3 presets" in a narrow bar, so that the answer's key
            // fits beside it at 80×24 (the futures' key row names Future 1 and 2 at every size).
            hint: KeyHint(
                keys: "1", what: "Future 1 · 2 Future 2 · 3 status quo", rank: 0, narrow: ("1 2 3", "presets"))),
        KeyBinding(
            "u / Ctrl-R", "undo / redo", short: "u ^R", "undo / redo",
            keys: [.init(.char("u"), .undo), .init(.ctrl("r"), .redo)],
            hint: KeyHint(keys: "u", what: "undo", rank: 9)),
        KeyBinding("r", "reset levers and assumptions", short: "r", "reset all", keys: [.init(.char("r"), .reset)]),
        KeyBinding(
            "p / P", "pin the current run as a ghost line (up to 3) / clear pins", short: "p P", "pin / clear pins",
            keys: [.init(.char("p"), .pin), .init(.char("P"), .clearPins)],
            hint: KeyHint(keys: "p", what: "pin", rank: 10)),
        KeyBinding(
            "c / C", "next / previous chart", short: "c C", "next / previous chart",
            keys: [.init(.char("c"), .nextChart), .init(.char("C"), .previousChart)],
            hint: KeyHint(keys: "c", what: "chart", rank: 7)),
        KeyBinding(
            "a", "what moves it: tornado → attribution → across worlds", short: "a", "tornado, Shapley, worlds",
            keys: [.init(.char("a"), .cycleMoves)], hint: KeyHint(keys: "a", what: "what moves it", rank: 12)),
        KeyBinding(
            "f", "the attribution's probability: P(Future 1) → P(Future 2) → P(China's markets)", short: "f",
            "split F1 / F2 / markets", keys: [.init(.char("f"), .cycleAttribution)],
            hint: KeyHint(keys: "f", what: "F1/F2/markets split", rank: 14)),
        KeyBinding(
            "w", "the whole screen across worlds (medians, probabilities) or as set (the central run)",
            short: "w", "across worlds / as set", keys: [.init(.char("w"), .toggleLanguage)],
            hint: KeyHint(keys: "w", what: "worlds / as set", rank: 6)),
        KeyBinding(
            "m", "map of futures over the selected slider and another (m or Esc closes)", short: "m",
            "map of futures", keys: [.init(.char("m"), .openMap)], hint: KeyHint(keys: "m", what: "map", rank: 11)),
        KeyBinding(
            "A", "the answer: which lever moves which future, under whose assumptions (←→ future, A or Esc closes)",
            short: "A", "the answer", keys: [.init(.char("A"), .openAnswer)],
            // Second, after the presets: the answer is one key away at every size.
            hint: KeyHint(keys: "A", what: "answer", rank: 1)),
        KeyBinding(
            "z", "zoom the selected chart to the whole chart area (z or Esc returns)", short: "z", "zoom a chart",
            keys: [.init(.char("z"), .zoom)], hint: KeyHint(keys: "z", what: "zoom", rank: 13)),
        KeyBinding(
            "v / V", "next / previous lens: a critic's (or the essay's) set of assumptions, one undo step",
            short: "v V", "next / previous lens",
            keys: [.init(.char("v"), .nextLens), .init(.char("V"), .previousLens)],
            hint: KeyHint(keys: "v", what: "lens", rank: 8)),
        KeyBinding(
            "t / T", "next / previous theme (named on the message line; from 100 columns, in the status bar)",
            short: "t T", "next / previous theme",
            keys: [.init(.char("t"), .nextTheme), .init(.char("T"), .previousTheme)],
            hint: KeyHint(keys: "t", what: "theme", rank: 11)),
        KeyBinding(
            "g", "goal-seek: the least of this lever for Future 1 (Enter applies, Esc discards)",
            short: "g", "goal-seek this lever", keys: [.init(.char("g"), .goalSeek)]),
        KeyBinding(
            "y", "show the share token and copy it (OSC 52)", short: "y", "share token (copied)",
            keys: [.init(.char("y"), .shareToken)]),
        KeyBinding(
            "e", "export the run as JSON and CSV, and the screen as SVG, next to the saved scenarios", short: "e",
            "export JSON, CSV, SVG",
            keys: [.init(.char("e"), .export)]),
        KeyBinding(
            "s", "save the scenario under a name (asks before replacing a file)", short: "s", "save under a name",
            keys: [.init(.char("s"), .save)]),
        KeyBinding(
            "o", "open a saved scenario from a list", short: "o", "open a saved one",
            keys: [.init(.char("o"), .open)]),
        KeyBinding(
            "? / Esc", "help / close help or shrink an enlarged chart", short: "? Esc", "help / close",
            keys: [.init(.char("?"), .help), .init(.escape, .close)],
            hint: KeyHint(keys: "?", what: "help", rank: 5, essential: true)),
        KeyBinding(
            "Ctrl-L", "redraw the whole screen", short: "^L", "redraw", in: [.normal, .help, .list, .demo, .answer],
            keys: [.init(.ctrl("l"), .redraw)]),
        KeyBinding(
            "q / Ctrl-C", "quit", short: "q ^C", "quit", in: [.normal, .help, .list, .demo, .answer],
            keys: [.init(.char("q"), .quit), .init(.ctrl("c"), .quit)],
            hint: KeyHint(keys: "q", what: "quit", rank: 6, essential: true)),
        KeyBinding(
            "Ctrl-Z", "suspend to the shell; `fg` brings the dashboard back, fully redrawn", short: "^Z",
            "suspend", keys: []),
        KeyBinding(
            "mouse", "click a track to set it; the wheel nudges; a click on a chart enlarges it",
            short: "mouse", "track, wheel, chart", keys: []),
        // The map view (`m`); the other keys act as usual.
        KeyBinding(
            "map: ↑ ↓ / Tab", "choose the map's Y slider", short: "map ↑↓ Tab", "Y slider",
            in: [.map],
            keys: [
                .init(.up, .mapPreviousY), .init(.char("k"), .mapPreviousY), .init(.down, .mapNextY),
                .init(.char("j"), .mapNextY), .init(.tab, .mapNextY), .init(.backTab, .mapPreviousY),
            ],
            hint: KeyHint(keys: "↑↓", what: "Y axis", rank: 1, ascii: ("j k", "Y axis"))),
        KeyBinding(
            "map: ← →", "move the selected slider (X), as usual", short: "map ←→", "move X",
            in: [.map], keys: [], hint: KeyHint(keys: "←→", what: "move X", rank: 3, ascii: ("h l", "move X"))),
        KeyBinding(
            "map: m / Esc", "close the map", short: "map m Esc", "close", in: [.map],
            keys: [.init(.char("m"), .openMap), .init(.escape, .close)],
            hint: KeyHint(keys: "m", what: "close map", rank: 2)),
        // The answer view (`A`): only its own keys (and q, Ctrl-L).
        KeyBinding(
            "answer: ← → / Tab", "the future whose points fill the cells", short: "A: ←→", "answer: future",
            in: [.answer],
            keys: [
                .init(.left, .answerPreviousFuture), .init(.char("h"), .answerPreviousFuture),
                .init(.right, .answerNextFuture), .init(.char("l"), .answerNextFuture),
                .init(.tab, .answerNextFuture), .init(.backTab, .answerPreviousFuture),
            ],
            hint: KeyHint(keys: "←→", what: "future", rank: 1, ascii: ("h l", "future"))),
        KeyBinding(
            "answer: < > / Shift+← →", "scroll the columns", short: "A: < >", "answer: columns", in: [.answer],
            keys: [
                .init(.char("<"), .answerScrollLeft), .init(.char(","), .answerScrollLeft),
                .init(.shiftLeft, .answerScrollLeft), .init(.char("H"), .answerScrollLeft),
                .init(.char(">"), .answerScrollRight), .init(.char("."), .answerScrollRight),
                .init(.shiftRight, .answerScrollRight), .init(.char("L"), .answerScrollRight),
            ],
            hint: KeyHint(keys: "< >", what: "columns", rank: 3)),
        KeyBinding(
            "answer: A / Esc", "close the answer", short: "A: A Esc", "close the answer", in: [.answer],
            keys: [.init(.char("A"), .openAnswer), .init(.escape, .close)],
            hint: KeyHint(keys: "A", what: "close", rank: 2)),
        // The `o` list.
        KeyBinding(
            "↑ ↓ / k j", "choose", short: "↑↓ jk", "choose", in: [.list],
            keys: [
                .init(.up, .listPrevious), .init(.char("k"), .listPrevious), .init(.down, .listNext),
                .init(.char("j"), .listNext), .init(.tab, .listNext),
            ]),
        KeyBinding(
            "PgUp PgDn Home End", "a page up / down, the first / last", short: "PgUp PgDn", "a page", in: [.list],
            keys: [
                .init(.pageUp, .listPageUp), .init(.pageDown, .listPageDown), .init(.home, .listFirst),
                .init(.end, .listLast),
            ]),
        KeyBinding(
            "Enter / Esc", "open the selected scenario (one undoable change) / cancel", short: "Enter Esc",
            "open / cancel", in: [.list],
            keys: [.init(.enter, .listOpen), .init(.escape, .close), .init(.char("o"), .close)]),
        // A demo while it plays.
        KeyBinding(
            "demo: Space / n / b", "while a demo plays: pause or resume / next caption / previous caption",
            short: "Space n b", "demo: pause, next, back", in: [.demo],
            keys: [
                .init(.char(" "), .demoPause), .init(.char("n"), .demoNextCaption),
                .init(.char("b"), .demoPreviousCaption),
            ],
            // "Space pause · n next · b back": after each " · " a key (see `StatusBar`).
            hint: KeyHint(keys: "Space", what: "pause · n next · b back", rank: 1, essential: true)),
        KeyBinding(
            "demo: ] [ / PgDn PgUp", "next / previous chapter, with the state the script has there",
            short: "] [", "demo: chapter", in: [.demo],
            keys: [
                .init(.char("]"), .demoNextChapter), .init(.pageDown, .demoNextChapter),
                .init(.char("["), .demoPreviousChapter), .init(.pageUp, .demoPreviousChapter),
            ],
            hint: KeyHint(keys: "] [", what: "chapter", rank: 2)),
        KeyBinding(
            "demo: <n> G", "jump to chapter n (3G: the third)", short: "<n>G", "demo: chapter n", in: [.demo],
            keys: [.init(.char("G"), .demoGoToChapter)], hint: KeyHint(keys: "3G", what: "chapter 3", rank: 4)),
        KeyBinding(
            "demo: l", "list the chapters (↑↓ choose, Enter jumps, Esc closes)", short: "l", "demo: chapters",
            in: [.demo], keys: [.init(.char("l"), .demoListChapters)],
            hint: KeyHint(keys: "l", what: "chapters", rank: 3)),
    ]

    /// The command `key` runs in `context`, if any.
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        if context == .map { return lookup[.map]?[key] ?? lookup[.normal]?[key] }
        return lookup[context]?[key]
    }

    /// The bindings that act in `context` (rows without keys included for `.normal`).
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) && ($0.keys.isEmpty ? context == .normal : true) }
    }

    /// The status bar's hints in `context`, by rank: the map view's own with the essential
    /// ones (help, quit); the answer view's own (quit among them); a playing demo's own
    /// (Space, n, b) and quit; the normal dashboard's everywhere else.
    public static func hints(in context: KeyContext = .normal) -> [KeyHint] {
        switch context {
        case .map: mapHints
        case .answer: answerHints
        case .demo: demoHints
        default: normalHints
        }
    }

    /// Worked out once: the status bar draws them every frame.
    private static let normalHints = bindings.filter { $0.contexts.contains(.normal) }.compactMap(\.hint)
        .sorted { $0.rank < $1.rank }
    private static let mapHints =
        (bindings.filter { $0.contexts.contains(.map) }.compactMap(\.hint) + normalHints.filter(\.essential))
        .sorted { $0.rank < $1.rank }
    private static let demoHints = bindings.filter { $0.contexts.contains(.demo) }.compactMap(\.hint)
        .sorted { $0.rank < $1.rank }
    private static let answerHints = bindings.filter { $0.contexts.contains(.answer) }.compactMap(\.hint)
        .sorted { $0.rank < $1.rank }

    /// The status bar's hints of the normal dashboard, by rank.
    public static var hints: [KeyHint] { hints(in: .normal) }

    /// The rows the help overlay and docs/dashboard.md list: the normal dashboard's, then the
    /// map view's and the answer view's.
    public static var documented: [KeyBinding] {
        bindings(in: .normal) + bindings.filter { $0.contexts.contains(.map) }
            + bindings.filter { $0.contexts.contains(.answer) && !$0.contexts.contains(.normal) }
    }

    /// A demo's own keys (Space, n, b), which the help overlay adds while one is loaded.
    public static var demoOnly: [KeyBinding] {
        bindings.filter { $0.contexts == [.demo] }
    }

    /// The dashboard's keys as docs/dashboard.md's Markdown table ("| key | does |").
    public static var markdown: String {
        var lines = ["| key | does |", "|---|---|"]
        for b in documented { lines.append("| \(b.label) | \(b.help) |") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let lookup: [KeyContext: [Key: Command]] = {
        var table: [KeyContext: [Key: Command]] = [:]
        for context in KeyContext.allCases {
            var map: [Key: Command] = [:]
            for binding in bindings where binding.contexts.contains(context) {
                for k in binding.keys where map[k.key] == nil { map[k.key] = k.command }
            }
            table[context] = map
        }
        return table
    }()
}
