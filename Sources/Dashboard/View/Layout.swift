/// Which arrangement the terminal size allows (DESIGN.md "The screen").
public enum Tier: Sendable, Equatable {
    /// Below 80×24: only the "enlarge the terminal" message.
    case tooSmall
    /// 80×24 and up: one chart at a time, `c` cycles.
    case compact
    /// 120×36 and up: a 2×2 grid of charts that grows with the terminal.
    case grid
}

/// Where every part of the screen goes for a size: a pure function, shared by `render`
/// and by the reducer's mouse hit-testing.
///
/// Top to bottom: the title row; the body, with the sliders (and in the grid the "What
/// moves it" panel) on the left, and on the right the charts, a legend row and the
/// selected parameter's description; the caption band while a demo shows one; the
/// outcome bar; the status bar.
public struct Layout: Sendable, Equatable {
    public static let minimum = (width: 80, height: 24)
    public static let gridMinimum = (width: 120, height: 36)
    /// The side panel's width: fixed per tier, the charts take the rest.
    public static let compactPanelWidth = 43
    public static let gridPanelWidth = 56
    /// Rows of the caption band while a caption shows.
    public static let captionRows = 2

    public let tier: Tier
    public let title: Rect
    /// The sliders.
    public let panel: Rect
    /// "What moves it": the tornado or the attribution.
    public let moves: Rect
    public let charts: [(kind: ChartKind, rect: Rect)]
    /// One row under the charts saying what F1, F2, You and the band are.
    public let legend: Rect
    /// The selected parameter: what it means and where its default comes from.
    public let about: Rect
    /// The demo's caption, above the outcome bar (empty when no caption shows).
    public let caption: Rect
    public let outcome: Rect
    public let status: Rect

    /// The layout for a size. `enlarged` gives the current chart the whole chart area (`z`,
    /// or a click on a chart); `showsCaption` reserves the caption band.
    public init(width: Int, height: Int, chart: ChartKind, enlarged: Bool = false, showsCaption: Bool = false) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let none = Rect(x: 0, y: 0, width: 0, height: 0)
        if width < Self.minimum.width || height < Self.minimum.height {
            tier = .tooSmall
            (title, panel, moves, legend, about, caption, outcome, status) = (
                none, none, none, none, none, none, none, none
            )
            charts = []
            return
        }
        let (titleRow, rest) = screen.splitTop(1)
        let (aboveStatus, statusRow) = rest.splitBottom(1)
        let (aboveOutcome, outcomeRows) = aboveStatus.splitBottom(2)
        let (body, captionRows) = aboveOutcome.splitBottom(showsCaption ? Self.captionRows : 0)
        title = titleRow
        status = statusRow
        outcome = outcomeRows
        self.caption = captionRows
        let sliderRows = SliderPanel.lines.count + 2
        if width >= Self.gridMinimum.width && height >= Self.gridMinimum.height {
            tier = .grid
            let (left, right) = body.splitLeft(Self.gridPanelWidth)
            (panel, moves) = left.splitTop(min(sliderRows, left.height - 6))
            // The description: the meaning and the source line, a third row from 120×36, four on tall screens.
            let aboutRows = body.height >= 50 ? 4 : body.height >= 30 ? 3 : 2
            let (chartArea, below) = right.splitBottom(1 + aboutRows)
            (legend, about) = below.splitTop(1)
            if enlarged {
                charts = [(chart, chartArea)]
                return
            }
            let (top, bottom) = chartArea.splitTop(chartArea.height / 2)
            let (a, b) = top.splitLeft(top.width / 2)
            let (c, d) = bottom.splitLeft(bottom.width / 2)
            charts = zip(ChartKind.grid(current: chart), [a, b, c, d]).map { ($0, $1) }
        } else {
            tier = .compact
            let (left, right) = body.splitLeft(Self.compactPanelWidth)
            panel = left
            // One row of description (the source line), one of legend; the tornado keeps its
            // six policy rows where the height allows, the chart takes the rest.
            let (upper, below) = right.splitBottom(2)
            (legend, about) = below.splitTop(1)
            if enlarged {
                moves = Rect(x: upper.x, y: upper.maxY, width: upper.width, height: 0)
                charts = [(chart, upper)]
                return
            }
            let movesHeight = max(6, min(8, upper.height - 9))
            let (chartRect, movesRect) = upper.splitBottom(movesHeight)
            moves = movesRect
            charts = [(chart, chartRect)]
        }
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.tier == b.tier && a.title == b.title && a.panel == b.panel && a.moves == b.moves
            && a.charts.map(\.kind) == b.charts.map(\.kind) && a.charts.map(\.rect) == b.charts.map(\.rect)
            && a.legend == b.legend && a.about == b.about && a.caption == b.caption && a.outcome == b.outcome
            && a.status == b.status
    }
}
