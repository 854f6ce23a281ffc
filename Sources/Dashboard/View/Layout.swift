import FuturesModel

/// Which arrangement the terminal size allows (DESIGN.md "The screen").
public enum Tier: Sendable, Equatable {
    /// Below 80×24: only the "enlarge the terminal" message.
    case tooSmall
    /// 80×24 and up: one chart at a time, `c` cycles.
    case compact
    /// 120×36 and up: a 2×2 grid of charts that grows with the terminal; from 180×48 all
    /// five charts (two above, three below) and a wider side panel.
    case grid
}

/// Where every part of the screen goes for a size: a value computed once per size and
/// arrangement (`State.layout`), read by `render` and by `reduce` (mouse hit-testing, the
/// slider list's scroll, the map's grid). No reducer calls into a widget for geometry.
///
/// Top to bottom: the title row; the body, with the sliders (and in the grid the "What
/// moves it" panel) on the left, and on the right the charts, the futures' key, a legend
/// row and the selected parameter's description (at 80×24 the futures' key spans the
/// screen under the body); the caption band while a demo shows one; the outcome bar; the
/// status bar.
public struct Layout: Sendable, Equatable {
    public static let minimum = (width: 80, height: 24)
    public static let gridMinimum = (width: 120, height: 36)
    /// The side panel's width: fixed per tier, the charts take the rest.
    public static let compactPanelWidth = 43
    public static let gridPanelWidth = 56
    /// From this size all five charts show at once, and the side panel is `widePanelWidth`
    /// wide (the notes under the rows across worlds fit whole).
    public static let fiveChartMinimum = (width: 180, height: 48)
    public static let widePanelWidth = 66
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
    /// One row defining the futures: Future 1 (lead ≥ 12 mo), contested, Future 2 (≤ 3 mo).
    public let futures: Rect
    /// The selected parameter: what it means and where its default comes from.
    public let about: Rect
    /// The demo's caption, above the outcome bar (empty when no caption shows).
    public let caption: Rect
    public let outcome: Rect
    public let status: Rect
    /// What the layout was computed for.
    public let key: Key

    /// The inputs of a layout: the size and the arrangement.
    public struct Key: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var chart: ChartKind
        public var enlarged: Bool
        public var showsCaption: Bool

        public init(width: Int, height: Int, chart: ChartKind, enlarged: Bool = false, showsCaption: Bool = false) {
            self.width = width
            self.height = height
            self.chart = chart
            self.enlarged = enlarged
            self.showsCaption = showsCaption
        }
    }

    /// The slider list's rows and scrolling inside `panel`.
    public var sliders: SliderGeometry { SliderGeometry(rect: panel) }

    /// How many entries of the `o` list fit (the title and status bars stay visible); also
    /// the page for PgUp / PgDn.
    public var openListRows: Int { Self.openListRows(height: key.height) }

    /// The rows around the `o` list's entries: its borders, the header, the detail line and
    /// the key line.
    static let openListChrome = 5

    /// How many entries of the `o` list fit on a screen `height` rows high.
    public static func openListRows(height: Int) -> Int { max(1, height - 2 - openListChrome) }

    /// The map's plot inside the chart area with `y` on the Y axis, and its grid of points
    /// (a point per column, two per row with half blocks); nil where no map fits.
    public func mapGrid(y: ParameterID, halfBlocks: Bool) -> (nx: Int, ny: Int)? {
        guard let rect = charts.first?.rect else { return nil }
        return MapGeometry(in: rect, y: y).grid(halfBlocks: halfBlocks)
    }

    /// The layout for `key`.
    public init(_ key: Key) {
        self.init(
            width: key.width, height: key.height, chart: key.chart, enlarged: key.enlarged,
            showsCaption: key.showsCaption)
    }

    /// The layout for a size. `enlarged` gives the current chart the whole chart area (`z`,
    /// or a click on a chart); `showsCaption` reserves the caption band.
    public init(width: Int, height: Int, chart: ChartKind, enlarged: Bool = false, showsCaption: Bool = false) {
        key = Key(width: width, height: height, chart: chart, enlarged: enlarged, showsCaption: showsCaption)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let none = Rect(x: 0, y: 0, width: 0, height: 0)
        if width < Self.minimum.width || height < Self.minimum.height {
            tier = .tooSmall
            (title, panel, moves, legend, futures, about, caption, outcome, status) = (
                none, none, none, none, none, none, none, none, none
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
        let sliderRows = SliderGeometry.lines.count + 2
        if width >= Self.gridMinimum.width && height >= Self.gridMinimum.height {
            tier = .grid
            let five = width >= Self.fiveChartMinimum.width && height >= Self.fiveChartMinimum.height
            let (left, right) = body.splitLeft(five ? Self.widePanelWidth : Self.gridPanelWidth)
            (panel, moves) = left.splitTop(min(sliderRows, left.height - 6))
            // The description: the meaning and the source line, a third row from 120×36, four on tall screens.
            let aboutRows = body.height >= 50 ? 4 : body.height >= 30 ? 3 : 2
            let (chartArea, below) = right.splitBottom(2 + aboutRows)
            let (keys, rest) = below.splitTop(2)
            (futures, legend) = keys.splitTop(1)
            about = rest
            if enlarged {
                charts = [(chart, chartArea)]
                return
            }
            let (top, bottom) = chartArea.splitTop(chartArea.height / 2)
            if five {
                // Two above (the lead and the compute share), three below.
                let (a, b) = top.splitLeft(top.width / 2)
                let (c, rest) = bottom.splitLeft(bottom.width / 3)
                let (d, e) = rest.splitLeft(rest.width / 2)
                charts = zip(ChartKind.allCases, [a, b, c, d, e]).map { ($0, $1) }
                return
            }
            let (a, b) = top.splitLeft(top.width / 2)
            let (c, d) = bottom.splitLeft(bottom.width / 2)
            charts = zip(ChartKind.grid(current: chart), [a, b, c, d]).map { ($0, $1) }
        } else {
            tier = .compact
            // The futures' key spans the screen under the body (the sliders fit above it).
            let (above, keyRow) = body.splitBottom(1)
            futures = keyRow
            let (left, right) = above.splitLeft(Self.compactPanelWidth)
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

    /// Two layouts of the same inputs are the same.
    public static func == (a: Layout, b: Layout) -> Bool { a.key == b.key }
}

/// Where the slider list goes inside the panel, and how it scrolls.
public struct SliderGeometry: Sendable, Equatable {
    /// The policy rows: the five levers and "Policy starts".
    public static let policyCount = LeverID.allCases.count + 1

    /// The list's lines: the policy rows, the ASSUMPTIONS separator (nil), the assumptions.
    public static let lines: [Int?] =
        Array(0..<policyCount).map { Optional($0) } + [nil]
        + Array(policyCount..<ParameterID.all.count).map { Optional($0) }

    /// The list line of parameter `index`.
    public static func line(of index: Int) -> Int { index < policyCount ? index : index + 1 }

    /// The screen row of the first list line, and how many list lines show.
    public let listY: Int
    public let listRows: Int

    /// The panel's left edge and width.
    let x: Int, width: Int

    public init(rect: Rect) {
        listY = rect.y + 1
        listRows = max(0, min(Self.lines.count, rect.height - 2))
        x = rect.x
        width = rect.width - 2
    }

    /// Whether some list lines are scrolled away.
    public var scrolls: Bool { listRows < Self.lines.count }

    /// `previous` moved as little as possible so that `selection`'s line shows.
    public func scroll(keeping selection: Int, from previous: Int) -> Int {
        let maxScroll = max(0, Self.lines.count - listRows)
        let line = Self.line(of: selection)
        var s = min(max(0, previous), maxScroll)
        if line < s { s = line }
        if line >= s + listRows { s = line - listRows + 1 }
        // Show the ASSUMPTIONS separator with the first assumption.
        if s == line, line == Self.policyCount + 1 { s -= 1 }
        return min(max(0, s), maxScroll)
    }

    /// The columns of a slider row in this panel (a row spans the panel's inside).
    public var columns: SliderColumns { SliderColumns(width: width) }

    /// The screen columns of the track: where a click sets the value.
    public var track: (x: Int, width: Int) { (x + 1 + columns.trackOffset, columns.track) }

    /// The screen row of parameter `index` at scroll `scroll`, or nil when scrolled away.
    public func row(of index: Int, scroll: Int) -> Int? {
        let visible = Self.line(of: index) - scroll
        return visible >= 0 && visible < listRows ? listY + visible : nil
    }
}

/// The column widths of a slider row `width` wide: the marker, the name, the track, the
/// value and the response sparkline.
public struct SliderColumns: Sendable, Equatable {
    public let name: Int, track: Int, value: Int, spark: Int

    public init(width: Int) {
        spark = width >= 50 ? 11 : 6
        track = width >= 50 ? 10 : 7
        value = 9
        name = max(0, width - (1 + 1 + track + 1 + value + 1 + spark))
    }

    /// Offset of the track from the row's start.
    public var trackOffset: Int { 1 + name + 1 }
}

/// Where the map's plot goes in a chart box at a rect with a parameter on the Y axis: the
/// character cells of the plot, left of it Y's labels and axis, below it the X axis, its
/// ticks' labels and X's name.
public struct MapGeometry: Sendable, Equatable {
    public let inner: Rect
    public let plot: Rect
    public let labelWidth: Int

    public init(in rect: Rect, y: ParameterID) {
        inner = rect.inset(1)
        labelWidth = Self.yLabels(y).map(\.count).max() ?? 0
        plot = Rect(
            x: inner.x + labelWidth + 1, y: inner.y, width: max(0, inner.width - labelWidth - 2),
            height: max(0, inner.height - 3))
    }

    /// The y labels: the low end, the middle and the high end of Y's range.
    public static func yLabels(_ y: ParameterID) -> [String] {
        let spec = y.spec
        return [spec.min, (spec.min + spec.max) / 2, spec.max].map { Format.value($0, spec) }
    }

    /// The map's size: a point per column, and two per row with half blocks; nil where the
    /// plot is too small to draw a map.
    public func grid(halfBlocks: Bool) -> (nx: Int, ny: Int)? {
        guard plot.width >= 4, plot.height >= 2 else { return nil }
        let sizes = FuturesMap.sizes
        return (min(sizes.upperBound, plot.width), min(sizes.upperBound, plot.height * (halfBlocks ? 2 : 1)))
    }
}
