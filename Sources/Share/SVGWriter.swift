import Dashboard

/// A screen as one self-contained SVG file: a monospace grid of `cellWidth`×`cellHeight`
/// cells in the theme's colours. Cell backgrounds are rectangles; braille, block elements
/// and box-drawing lines are drawn as shapes (`SVGGlyphs`), so that they look right without
/// a font that has them and the lines join; everything else stays text, so that it can be
/// selected and searched. Pure and deterministic.
public enum SVGWriter {
    /// The cell's size in pixels, and a font size whose monospace advance (0.6 em) is the
    /// cell's width.
    public static let cellWidth = 9
    public static let cellHeight = 18
    static let fontSize = 15
    /// The text's baseline below the cell's top.
    static let baseline = 13.5
    static let fonts = "'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, 'Liberation Mono', monospace"

    /// The SVG document of `screen` drawn in `theme`'s colours; `title` names it (for
    /// browsers' tabs and screen readers).
    public static func svg(_ screen: Screen, theme: Theme, title: String = "TwoFutures") -> String {
        let colors = Colors(theme: theme, mono: screen.mono)
        let width = screen.width * cellWidth, height = screen.height * cellHeight
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" data-columns="\(screen.width)" data-rows="\(screen.height)">
            <title>\(escaped(title))</title>
            <rect width="\(width)" height="\(height)" fill="\(colors.background)"/>

            """
        var shapes = SVGGlyphs.Paths()
        var backgrounds = ""
        var texts = ""
        for y in 0..<screen.height {
            let cells = (0..<screen.width).map { colors.paint(screen[$0, y]) }
            backgrounds += backgroundRects(cells, row: y, page: colors.background)
            for (x, cell) in cells.enumerated() {
                SVGGlyphs.draw(cell.character, x: x * cellWidth, y: y * cellHeight, fill: cell.fill, into: &shapes)
            }
            texts += textRuns(cells, row: y)
        }
        out += "<g shape-rendering=\"crispEdges\">\n" + backgrounds + "</g>\n"
        out += shapes.svg
        out += "<g font-family=\"\(fonts)\" font-size=\"\(fontSize)\" xml:space=\"preserve\">\n" + texts + "</g>\n"
        return out + "</svg>\n"
    }

    /// A cell as drawn: its character and colours after reverse video.
    struct Painted: Equatable {
        var character: Character
        var fill: SVGGlyphs.Fill
        var background: String
        var bold: Bool
    }

    /// The theme's colours by role (the dark theme's where a role is missing); on a
    /// monochrome screen only the foreground and background.
    struct Colors {
        let theme: Theme
        let mono: Bool
        var background: String { color(.background) }

        func color(_ role: Role) -> String {
            let role = mono ? (role == .background ? .background : .foreground) : role
            return theme.colors[role] ?? Theme.dark.colors[role] ?? "#808080"
        }

        func paint(_ cell: Cell) -> Painted {
            var fg = color(cell.role)
            var bg = cell.style.background.map { color($0) } ?? background
            if mono { bg = background }
            if cell.flags.contains(.reverse) { swap(&fg, &bg) }
            let opacity = cell.flags.contains(.dim) ? "0.6" : nil
            return Painted(
                character: cell.character, fill: SVGGlyphs.Fill(color: fg, opacity: opacity), background: bg,
                bold: cell.flags.contains(.bold))
        }
    }

    /// One rectangle per run of cells whose background is not the page's.
    static func backgroundRects(_ cells: [Painted], row: Int, page: String) -> String {
        var out = ""
        var x = 0
        while x < cells.count {
            let color = cells[x].background
            var end = x + 1
            while end < cells.count && cells[end].background == color { end += 1 }
            if color != page {
                out +=
                    "<rect x=\"\(x * cellWidth)\" y=\"\(row * cellHeight)\" width=\"\((end - x) * cellWidth)\" "
                    + "height=\"\(cellHeight)\" fill=\"\(color)\"/>\n"
            }
            x = end
        }
        return out
    }

    /// The row's text, one element per run of one style: runs break at two spaces or more
    /// and at glyphs drawn as shapes, and each starts at its own cell, so that a font whose
    /// advance is not exactly the cell's width drifts by less than a word (`textLength`
    /// makes browsers fit it exactly).
    static func textRuns(_ cells: [Painted], row: Int) -> String {
        var out = ""
        var x = 0
        let y = SVGGlyphs.number(Double(row * cellHeight) + baseline)
        func isText(_ i: Int) -> Bool { !SVGGlyphs.isShape(cells[i].character) && cells[i].character != " " }
        while x < cells.count {
            guard isText(x) else {
                x += 1
                continue
            }
            let style = (cells[x].fill, cells[x].bold)
            var end = x + 1
            while end < cells.count, !SVGGlyphs.isShape(cells[end].character) {
                if cells[end].character == " " {
                    // A single space inside a run stays; two end it.
                    guard end + 1 < cells.count, isText(end + 1), (cells[end + 1].fill, cells[end + 1].bold) == style
                    else { break }
                } else if (cells[end].fill, cells[end].bold) != style {
                    break
                }
                end += 1
            }
            var attributes = "x=\"\(x * cellWidth)\" y=\"\(y)\" fill=\"\(style.0.color)\""
            if let opacity = style.0.opacity { attributes += " fill-opacity=\"\(opacity)\"" }
            if style.1 { attributes += " font-weight=\"bold\"" }
            if end - x > 1 {
                attributes += " textLength=\"\((end - x) * cellWidth)\" lengthAdjust=\"spacingAndGlyphs\""
            }
            let text = String(cells[x..<end].map(\.character))
            out += "<text \(attributes)>\(escaped(text))</text>\n"
            x = end
        }
        return out
    }

    /// `text` for XML: the five special characters as entities, and characters XML cannot
    /// hold as spaces.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                let allowed =
                    v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                    || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : " ")
            }
        }
        return out
    }
}
