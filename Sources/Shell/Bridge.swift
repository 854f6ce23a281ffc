import Dashboard
import Terminal

/// Converts between the pure dashboard's types and the terminal layer's.
public enum Bridge {
    /// The role order of palettes and frames: `Role.allCases`.
    public static let roles = Role.allCases

    /// The cells of `screen` that `diff` names, as the terminal paints them (only those
    /// cells are converted).
    public static func update(_ screen: Screen, _ diff: ScreenDiff) -> FrameUpdate {
        FrameUpdate(
            width: screen.width, height: screen.height, full: diff.full,
            changes: diff.changed.map {
                FrameUpdate.Change(x: $0 % screen.width, y: $0 / screen.width, cell: cell(screen.cells[$0]))
            })
    }

    /// A dashboard cell as the terminal's: roles as indices into `roles`.
    static func cell(_ cell: Cell) -> TerminalCell {
        let flags = cell.flags
        return TerminalCell(
            cell.character, role: roleIndex[cell.role]!, background: cell.style.background.map { roleIndex[$0]! } ?? -1,
            bold: flags.contains(.bold), dim: flags.contains(.dim), reverse: flags.contains(.reverse))
    }

    private static let roleIndex: [Role: Int] = Dictionary(
        uniqueKeysWithValues: Role.allCases.enumerated().map { ($1, $0) })

    /// A terminal event as a dashboard action; nil for events the dashboard ignores.
    public static func action(_ event: TerminalEvent) -> Action? {
        switch event {
        case .key(let key): return self.key(key).map { .keyPressed($0) }
        case .mouse(let m):
            switch m.kind {
            case .press, .drag: return .mouse(.click(x: m.x, y: m.y))
            case .wheelUp: return .mouse(.wheelUp(x: m.x, y: m.y))
            case .wheelDown: return .mouse(.wheelDown(x: m.x, y: m.y))
            case .release: return nil
            }
        case .resize(let width, let height): return .resized(width: width, height: height)
        case .wake, .quit: return nil
        }
    }

    public static func key(_ key: TerminalKey) -> Key? {
        switch key {
        case .up: .up
        case .down: .down
        case .left: .left
        case .right: .right
        case .shiftLeft: .shiftLeft
        case .shiftRight: .shiftRight
        case .home: .home
        case .end: .end
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .tab: .tab
        case .backTab: .backTab
        case .enter: .enter
        case .escape: .escape
        case .backspace: .backspace
        case .character(let c): .char(c)
        case .ctrl(let c): .ctrl(c)
        case .shiftUp, .shiftDown, .delete, .function: nil
        }
    }
}
