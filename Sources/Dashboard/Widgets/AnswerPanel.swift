import FuturesModel

/// The answer view's columns: how wide they are and how many fit (the reducer scrolls by
/// it, the panel draws by it).
public enum AnswerLayout {
    /// Yours, then the built-in lenses.
    public static let columnCount = Lens.builtIn.count + 1
    /// The row labels' width ("Distillation defence").
    static let labelWidth = 22

    /// The width of the text inside the view's box at a screen `width`.
    static func contentWidth(_ width: Int) -> Int { max(0, width - 4) }

    /// A column's width: 9 to 12 characters, wider where all of them fit with room to spare.
    static func cellWidth(width: Int) -> Int {
        min(14, max(9, (contentWidth(width) - labelWidth) / columnCount))
    }

    /// How many columns fit side by side at a screen `width` (at least one).
    public static func visibleColumns(width: Int) -> Int {
        max(1, min(columnCount, (contentWidth(width) - labelWidth) / cellWidth(width: width)))
    }
}

/// The answer view (`A`): which lever moves which future, under whose assumptions. Rows are
/// the five levers and a year's delay; columns your assumptions and each lens's; cells the
/// Shapley points of the chosen probability, shaded by size. Above, the finding in one
/// sentence (`Answer.finding`); below, each column's probabilities with these levers.
/// Before any answer it says it is computing; a partial one says "250 worlds…".
public struct AnswerPanel: Sendable, Equatable {
    /// The answer for the current scenario, if any has arrived.
    public var answer: Answer?
    /// Whether `answer` is final (else more worlds follow).
    public var complete: Bool
    public var scenario: Scenario
    public var view: AnswerView
    /// The worlds of the final answer; 0 when no job across worlds runs.
    public var target: Int

    public init(answer: Answer?, complete: Bool, scenario: Scenario, view: AnswerView, target: Int) {
        self.answer = answer
        self.complete = complete
        self.scenario = scenario
        self.view = view
        self.target = target
    }

    /// The role a verdict's numbers are drawn in.
    static func role(_ verdict: Summary.Verdict) -> Role {
        verdict == .future1 ? .future1 : .future2
    }

    /// A cell's style by the size of its points: "0.0" muted; under 3 points plain colour;
    /// under 10 bold; 10 or more reversed (a block), so that it reads without colour too.
    static func shade(_ x: Double, _ role: Role) -> Style {
        if Format.points(x) == "0.0" { return Style(.muted) }
        let points = abs(x) * 100
        if points >= 10 { return Style(role, [.bold, .reverse]) }
        return points >= 3 ? Style(role, .bold) : Style(role)
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        guard rect.width >= 20 && rect.height >= 6 else { return }
        screen.fill(rect)
        screen.box(
            rect, title: "The answer: which lever moves which future, under whose assumptions", style: Style(.accent))
        let inner = rect.inset(1)
        let x0 = inner.x + 1
        let width = AnswerLayout.contentWidth(rect.width)
        let clip = Rect(x: x0, y: inner.y, width: width, height: inner.height)
        let verdict = view.verdict
        var y = inner.y
        // The future chosen, and how many worlds.
        var x = screen.write("Points of ", x: x0, y: y, role: .muted, clip: clip)
        for v in Summary.Verdict.allCases {
            let style = v == verdict ? Style(Self.role(v), [.bold, .reverse]) : Style(.muted)
            x = screen.write(" P(\(v.name)) ", x: x, y: y, style: style, clip: clip)
        }
        let worlds: String
        if let answer {
            worlds =
                complete ? "\(grouped(answer.settings.members)) worlds" : "\(grouped(answer.settings.members)) worlds…"
        } else {
            worlds = ""
        }
        if x + 12 + worlds.count < clip.maxX { screen.write("  ←→ chooses", x: x, y: y, role: .muted, clip: clip) }
        screen.write(
            worlds, x: clip.maxX - worlds.count, y: y, role: complete ? .muted : .accent, flags: complete ? [] : .bold,
            clip: clip)
        y += 1
        guard let answer else {
            let text =
                target > 0
                ? "Computing the answer: each view's 33 scenarios over \(grouped(min(target, Job.firstAnswerMembers))) "
                    + "worlds, then \(grouped(target))…"
                : "No worlds to compute: the dashboard runs no ensemble (--members 0); `twofutures answer` gives it."
            for (i, line) in Format.wrap(text, width: width).enumerated() {
                screen.write(line, x: x0, y: y + 1 + i, role: .muted, clip: clip)
            }
            return
        }
        let columns = answer.columns
        let cell = AnswerLayout.cellWidth(width: rect.width)
        let visible = AnswerLayout.visibleColumns(width: rect.width)
        let first = max(0, min(view.scroll, columns.count - visible))
        let shown = Array(columns[first..<min(columns.count, first + visible)])
        let label = AnswerLayout.labelWidth
        let p = "P(\(verdict.name))"

        // What fits: the table's 13 rows always; the finding, the legend, the note, blank rows as room allows.
        // Where no lever moves it from Future 2's levers to these, the next step: 1 (which acts here).
        let nothing = answer.nothingMoves(verdict) && scenario.levers != Preset.future1.levers
        let finding = Format.wrap(
            answer.finding(for: verdict) + (answer.delayFinding(for: verdict).map { " " + $0 } ?? "")
                + (nothing ? " Press 1 for Future 1's levers and what each adds." : ""), width: width)
        let names = shown.map { $0.id == "yours" ? "your assumptions" : $0.name }
        let wrapped = Format.wrap(
            "Views: " + zip(shown, names).map { "\(Answer.shortName($0.id)) = \($1)" }.joined(separator: " · "),
            width: width)
        // One view a line where there is room for it (200×60), else the views run on.
        let listed = ["Views:"] + zip(shown, names).map { "  " + Format.pad(Answer.shortName($0.id), 10) + $1 }
        let legend = inner.height - 13 - finding.count - 4 >= listed.count ? listed : wrapped
        let later = Answer.delayedStart(scenario.policyStart)
        let note: String =
            if later == scenario.policyStart {
                "A year's delay: none, the policy already starts at the latest, \(monthLabel(later))."
            } else if scenario.levers == Preset.statusQuo.levers {
                "A year's delay changes nothing: these are the status quo's levers, which apply before the start anyway."
            } else {
                "A year's delay: points of \(p) if the policy starts \(monthLabel(later)) instead of "
                    + "\(monthLabel(scenario.policyStart))."
            }
        let notes =
            Format.wrap(note, width: width)
            + Format.wrap(
                "Shading by size: 10 points or more in a block, 3 or more bold, 0.0 grey. Each view draws its "
                    + "\(grouped(answer.settings.members)) worlds around its own assumptions, with the same draws.",
                width: width)
        var spare = inner.height - 13
        let findingShown = min(finding.count, max(1, spare))
        spare -= findingShown
        let legendShown = min(legend.count, max(0, spare))
        spare -= legendShown
        let notesShown = min(notes.count, max(0, spare))
        spare -= notesShown
        let leadShown = spare > 0
        if leadShown { spare -= 1 }
        var blanks = max(0, spare)
        func blank() {
            if blanks > 0 {
                y += 1
                blanks -= 1
            }
        }

        blank()
        for line in finding.prefix(findingShown) {
            screen.write(line, x: x0, y: y, role: .foreground, flags: .bold, clip: clip)
            y += 1
        }
        blank()
        let titles = [
            "Points of \(p) each lever adds, from Future 2's levers to yours (Shapley), under each view's assumptions:",
            "Points of \(p) each lever adds, from Future 2's levers to yours (Shapley):",
            "Points of \(p) each lever adds from Future 2's levers to yours:",
            "Points of \(p) each lever adds (Shapley):",
        ]
        screen.write(titles.first { $0.count <= width } ?? titles[3], x: x0, y: y, role: .muted, clip: clip)
        y += 1
        // The header: the views' short names, and where the columns scroll, which are shown.
        if visible < columns.count {
            let range = "views \(first + 1)–\(first + shown.count) of \(columns.count)"
            let text = (first > 0 ? "◂ " : "") + range + (first + shown.count < columns.count ? " ▸" : "")
            screen.write(text, x: x0, y: y, role: .accent, flags: .bold, clip: clip)
        }
        func cellX(_ i: Int) -> Int { x0 + label + i * cell }
        for (i, column) in shown.enumerated() {
            let name = Format.pad(Answer.shortName(column.id), cell - 1, right: true)
            screen.write(name, x: cellX(i), y: y, role: .accent, flags: .bold, clip: clip)
        }
        y += 1
        func row(_ title: String, _ values: [Double?], shaded: Bool, percent: Bool = false) {
            screen.write(Format.pad(title, label - 1), x: x0, y: y, role: .foreground, clip: clip)
            for (i, value) in values.enumerated() {
                let text = value.map { percent ? Format.percent($0) : Format.points($0) } ?? "—"
                let style =
                    shaded ? value.map { Self.shade($0, Self.role(verdict)) } ?? Style(.muted) : Style(.foreground)
                screen.write(
                    Format.pad(text, cell - 2, right: true) + " ", x: cellX(i) + 1, y: y, style: style, clip: clip)
            }
            y += 1
        }
        for lever in LeverID.allCases {
            row(lever.spec.name, shown.map { $0[lever][verdict] }, shaded: true)
        }
        row(
            "A year's delay",
            shown.map { later == scenario.policyStart ? nil : $0.delayed[verdict] - $0.summary[verdict] },
            shaded: true)
        blank()
        screen.write("With these levers, across worlds:", x: x0, y: y, role: .muted, clip: clip)
        y += 1
        for v in Summary.Verdict.allCases {
            row("  P(\(v.name))", shown.map { $0.summary[v] }, shaded: false, percent: true)
        }
        if leadShown {
            screen.write(Format.pad("  Median lead", label - 1), x: x0, y: y, role: .foreground, clip: clip)
            for (i, column) in shown.enumerated() {
                let text = Format.pad(Format.outcome(column.summary.medianLead, .leadMonths), cell - 2, right: true)
                screen.write(text, x: cellX(i) + 1, y: y, role: .foreground, clip: clip)
            }
            y += 1
        }
        blank()
        for line in legend.prefix(legendShown) {
            screen.write(line, x: x0, y: y, role: .muted, clip: clip)
            y += 1
        }
        for line in notes.prefix(notesShown) {
            screen.write(line, x: x0, y: y, role: .muted, clip: clip)
            y += 1
        }
    }
}
