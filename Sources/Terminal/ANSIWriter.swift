/// Frame updates as the bytes a terminal receives: each changed cell reached by a cursor
/// move and drawn with SGR colours and attributes, like `Terminal.paint` does through
/// ncurses. Pure: it keeps no frame (the diff is made above it, `FramePainter`) and returns
/// text, so that recordings (asciicast files) and tests can use it without a terminal.
public struct ANSIWriter: Sendable {
    /// How colours are written.
    public enum Colors: String, Sendable, CaseIterable {
        /// 24-bit SGR (`38;2;r;g;b`): the theme's exact colours.
        case truecolor
        /// The nearest of xterm's 256 colours (`38;5;n`), as ncurses picks them.
        case xterm256 = "256"
    }

    /// The colours of the roles.
    public var palette: TerminalPalette
    public let colors: Colors

    public init(palette: TerminalPalette, colors: Colors = .truecolor) {
        self.palette = palette
        self.colors = colors
    }

    /// The bytes that paint `update`: its cells, after clearing the screen when it is `full`.
    /// Empty when it changes nothing. The cursor stays hidden, as in the dashboard; the
    /// attributes are reset at the end, so that the text stands alone.
    public func paint(_ update: FrameUpdate) -> String {
        var out = update.full ? "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J" : ""
        var cursor: (x: Int, y: Int)? = update.full ? (0, 0) : nil
        var pen: Pen? = nil
        for change in update.changes {
            let (x, y) = (change.x, change.y)
            if let at = cursor, at.y == y, at.x == x {
                // Already there.
            } else if let at = cursor, at.y == y, at.x < x {
                out += "\u{1B}[\(x - at.x)C"
            } else {
                out += "\u{1B}[\(y + 1);\(x + 1)H"
            }
            let next = self.pen(change.cell)
            if next != pen {
                out += Self.change(from: pen, to: next, colors: colors)
                pen = next
            }
            out.unicodeScalars.append(Self.printable(change.cell.character))
            // After the last column the terminal waits to wrap: move explicitly next time.
            cursor = x + 1 < update.width ? (x + 1, y) : nil
        }
        if pen != nil { out += "\u{1B}[0m" }
        return out
    }

    /// What a cell is drawn with: its attributes and colours.
    struct Pen: Equatable {
        var bold = false, dim = false, underline = false, reverse = false
        var foreground: RGB?
        var background: RGB?
    }

    /// The pen of a cell in this palette (nil colours: the terminal's defaults).
    func pen(_ cell: TerminalCell) -> Pen {
        let fg = palette.roles.indices.contains(cell.role) ? palette.roles[cell.role] : nil
        let bg = palette.roles.indices.contains(cell.background) ? palette.roles[cell.background] : nil
        return Pen(
            bold: cell.bold, dim: cell.dim, underline: cell.underline, reverse: cell.reverse, foreground: fg,
            background: bg ?? palette.background)
    }

    /// The SGR sequence from `old` (nil: unknown) to `new`: only the colours that changed
    /// when the attributes stay and no colour goes back to the default, else a reset and
    /// everything (SGR cannot switch one attribute off portably).
    static func change(from old: Pen?, to new: Pen, colors: Colors) -> String {
        func color(_ c: RGB, base: Int) -> String {
            switch colors {
            case .truecolor: "\(base);2;\(c.r);\(c.g);\(c.b)"
            case .xterm256: "\(base);5;\(ColorMapping.nearest(c, among: 256))"
            }
        }
        if let old, old.bold == new.bold, old.dim == new.dim, old.underline == new.underline,
            old.reverse == new.reverse, new.foreground != nil || old.foreground == nil,
            new.background != nil || old.background == nil
        {
            var parts = [String]()
            if let fg = new.foreground, fg != old.foreground { parts.append(color(fg, base: 38)) }
            if let bg = new.background, bg != old.background { parts.append(color(bg, base: 48)) }
            return "\u{1B}[" + parts.joined(separator: ";") + "m"
        }
        var parts = ["0"]
        if new.bold { parts.append("1") }
        if new.dim { parts.append("2") }
        if new.underline { parts.append("4") }
        if new.reverse { parts.append("7") }
        if let fg = new.foreground { parts.append(color(fg, base: 38)) }
        if let bg = new.background { parts.append(color(bg, base: 48)) }
        return "\u{1B}[" + parts.joined(separator: ";") + "m"
    }

    /// The cell's character as ncurses draws it: its first scalar, with control characters
    /// shown as a space (they would move the cursor).
    static func printable(_ c: Character) -> Unicode.Scalar {
        let scalar = c.unicodeScalars.first ?? " "
        return scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? " " : scalar
    }
}
