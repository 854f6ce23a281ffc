import FuturesModel

/// "What moves it" as levers across worlds (MODEL.md §4): per lever (and the start) the
/// bars of |ΔP(Future 1)| and |ΔP(Future 2)| on a fixed 0–100-point scale (so that a lens
/// where nothing pays shows short bars), the signed points, and the median gain in lead;
/// a note under each row and a footnote where there is room.
public struct AcrossWorldsPanel: Sendable, Equatable {
    /// The scenario on screen.
    public var scenario: Scenario
    /// The latest levers-across-worlds result; stale (another scenario) while a new one
    /// computes.
    public var robustness: RobustnessResult?

    public init(scenario: Scenario, robustness: RobustnessResult?) {
        self.scenario = scenario
        self.robustness = robustness
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        let n = robustness.map { " \($0.settings.members)" } ?? ""
        let current = robustness?.scenario == scenario
        // Rows past the panel's height are named by count, as the tornado's are.
        let count = robustness?.rows.count ?? 0, fit = max(0, rect.height - 3)
        let cut = count > fit ? " (\(fit) of \(count))" : ""
        let title =
            !current
            ? "Across\(n) worlds · computing…"
            : rect.width >= 50 ? "Each lever across\(n) worlds, F2's → F1's setting\(cut)" : "Across\(n) worlds\(cut)"
        guard let inner = MovesLayout.box(rect, title: title, into: &screen) else { return }
        let nameWidth = MovesLayout.nameWidth(inner)
        guard let result = robustness else {
            screen.writeCentered(
                "computing across worlds…", in: inner, row: inner.height / 2, style: Style(.muted))
            return
        }
        let showMedian = inner.width >= 45
        let fixed = nameWidth + 2 + 2 * 5 + (showMedian ? 7 : 0)
        let bar = max(1, (inner.width - fixed) / 2)
        let columns = (f1: inner.x + nameWidth + 1, f2: inner.x + nameWidth + 1 + bar + 6)
        let median = inner.maxX - 6
        // The header.
        let header = Style(.muted)
        screen.write("ΔP(F1)", x: columns.f1, y: inner.y, style: Style(.future1, .bold), clip: inner)
        screen.write("ΔP(F2)", x: columns.f2, y: inner.y, style: Style(.future2, .bold), clip: inner)
        if showMedian { screen.write("median", x: median, y: inner.y, style: header, clip: inner) }
        let rows = result.rows
        let long = wrap(footnote(result, pivotal: true), width: inner.width)
        let spacing = 1 + 2 * rows.count + 1 + long.count <= inner.height ? 2 : 1
        let lines = spacing == 2 ? long : wrap(footnote(result, pivotal: false), width: inner.width)
        var y = inner.y + 1
        for row in rows where y < inner.maxY {
            let name = row.kind == .timing ? "Start now" : Labels.fitting(row.parameter, width: nameWidth)
            screen.write(Format.pad(name, nameWidth), x: inner.x, y: y, role: .foreground, clip: inner)
            drawPoints(row.pFuture1.delta, role: .future1, x: columns.f1, width: bar, y: y, inner, &screen)
            drawPoints(row.pFuture2.delta, role: .future2, x: columns.f2, width: bar, y: y, inner, &screen)
            if showMedian {
                let gain = Format.pad(signedMonths(row.medianGain), 6, right: true)
                screen.write(gain, x: median, y: y, role: .foreground, flags: .bold, clip: inner)
            }
            if spacing == 2, y + 1 < inner.maxY {
                screen.write(note(row, width: inner.width - 2), x: inner.x + 2, y: y + 1, role: .muted, clip: inner)
            }
            y += spacing
        }
        if inner.maxY - lines.count >= y { MovesLayout.footnote(lines, inner, into: &screen) }
    }

    /// A bar of |delta| on a 0–100-point scale in eighths, then the signed points.
    private func drawPoints(
        _ delta: Double, role: Role, x: Int, width: Int, y: Int, _ inner: Rect, _ screen: inout Screen
    ) {
        let eighths = Int((abs(delta) * Double(width * 8)).rounded())
        let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        for c in 0..<width {
            let filled = eighths - c * 8
            let ch: Character = filled >= 8 ? "█" : filled > 0 ? partial[filled] : " "
            if ch != " " { screen[x + c, y] = Cell(ch, Style(role)) }
        }
        let text = RobustnessRow.points(delta, unit: "")
        screen.write(Format.pad(text, 5, right: true), x: x + width, y: y, role: .foreground, flags: .bold, clip: inner)
    }

    /// "30→90 %: helps in 100 %, hurts in 0 %, pivotal in 54 %"; with a `width`, the longest
    /// form that fits ("helps 100 %, hurts 0 %, pivotal 54 %", then without "hurts"), so
    /// that no number is cut.
    public func note(_ row: RobustnessRow, width: Int? = nil) -> String {
        let setting =
            row.kind == .timing
            ? "\(monthLabel(Int(row.weak)))→now"
            : "\(Format.value(row.weak, row.parameter.spec))→\(Format.value(row.strong, row.parameter.spec))"
        let (helps, hurts, pivotal) = (
            Format.percent(row.helps), Format.percent(row.hurts), Format.percent(row.pivotal)
        )
        let forms = [
            "\(setting): helps in \(helps), hurts in \(hurts), pivotal in \(pivotal)",
            "\(setting): helps \(helps), hurts \(hurts), pivotal \(pivotal)",
            "\(setting): helps \(helps), pivotal \(pivotal)",
        ]
        guard let width else { return forms[0] }
        return forms.first { $0.count <= width } ?? forms.last!
    }

    /// How to read the rows (`pivotal`: the notes under the rows show, so say what it means).
    func footnote(_ result: RobustnessResult, pivotal: Bool) -> String {
        "Each row: one setting from Future 2's value to Future 1's (the start: "
            + "\(monthLabel(Robustness.lateStart)) → now) in the same \(result.settings.members) worlds, the rest as "
            + "set. ΔP in points, bars 0–100; median gain in months."
            + (pivotal ? " Pivotal: the world's future changes with it." : "") + " a: tornado."
    }
}
