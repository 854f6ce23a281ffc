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
public struct Layout: Sendable, Equatable {
    public static let minimum = (width: 80, height: 24)
    public static let gridMinimum = (width: 120, height: 36)
    /// The side panel's width: fixed per tier, the charts take the rest.
    public static let compactPanelWidth = 43
    public static let gridPanelWidth = 56
    /// Rows of the slider panel in the grid: borders, the 17 list lines and the description
    /// separator, plus two rows of description (meaning and source, shortened), and up to
    /// six more on tall screens, where the "What moves it" panel below keeps 28 rows.
    public static func gridPanelHeight(body: Int) -> Int { max(22, min(28, body - 28)) }

    public let tier: Tier
    public let title: Rect
    public let panel: Rect
    public let moves: Rect
    public let charts: [(kind: ChartKind, rect: Rect)]
    public let outcome: Rect
    public let status: Rect

    /// The layout for a size; `enlarged` gives the current chart the whole chart area of the grid.
    public init(width: Int, height: Int, chart: ChartKind, enlarged: Bool = false) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        if width < Self.minimum.width || height < Self.minimum.height {
            tier = .tooSmall
            title = Rect(x: 0, y: 0, width: 0, height: 0)
            (panel, moves, outcome, status) = (title, title, title, title)
            charts = []
            return
        }
        let (titleRow, rest) = screen.splitTop(1)
        let (aboveStatus, statusRow) = rest.splitBottom(1)
        let (body, outcomeRows) = aboveStatus.splitBottom(2)
        title = titleRow
        status = statusRow
        outcome = outcomeRows
        if width >= Self.gridMinimum.width && height >= Self.gridMinimum.height {
            tier = .grid
            let (left, right) = body.splitLeft(Self.gridPanelWidth)
            (panel, moves) = left.splitTop(Self.gridPanelHeight(body: body.height))
            if enlarged {
                charts = [(chart, right)]
                return
            }
            let (top, bottom) = right.splitTop(right.height / 2)
            let (a, b) = top.splitLeft(top.width / 2)
            let (c, d) = bottom.splitLeft(bottom.width / 2)
            charts = zip(ChartKind.grid(current: chart), [a, b, c, d]).map { ($0, $1) }
        } else {
            tier = .compact
            let (left, right) = body.splitLeft(Self.compactPanelWidth)
            panel = left
            let movesHeight = max(6, min(16, body.height * 2 / 5))
            let (chartRect, movesRect) = right.splitBottom(movesHeight)
            moves = movesRect
            charts = [(chart, chartRect)]
        }
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.tier == b.tier && a.title == b.title && a.panel == b.panel && a.moves == b.moves
            && a.charts.map(\.kind) == b.charts.map(\.kind) && a.charts.map(\.rect) == b.charts.map(\.rect)
            && a.outcome == b.outcome && a.status == b.status
    }
}
