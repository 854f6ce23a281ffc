import CNcurses

/// Turns curses key codes into `TerminalEvent`s (escape sequences curses does not know are
/// decoded by `EscapeDecoder`).
enum KeyDecoding {
    static func character(_ value: UInt32) -> TerminalEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            return .key(.ctrl(Character(UnicodeScalar(value + 96)!)))
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    static func functionKey(
        _ code: Int32, mouse: () -> TerminalMouse?, size: () -> (width: Int, height: Int)
    ) -> TerminalEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        // Some terminfo entries (xterm-r6, vt220) name ESC [ 1 ~ and ESC [ 4 ~ Find and Select:
        // they are the keys labelled Home and End.
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE:
            let s = size()
            return .resize(width: s.width, height: s.height)
        case KEY_MOUSE: return mouse().map { .mouse($0) }
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    static func mouse(state: mmask_t, x: Int, y: Int) -> TerminalMouse? {
        if state & tf_button4_pressed() != 0 { return TerminalMouse(kind: .wheelUp, x: x, y: y) }
        if state & tf_button5_pressed() != 0 { return TerminalMouse(kind: .wheelDown, x: x, y: y) }
        if state & (tf_button1_pressed() | tf_button1_clicked()) != 0 {
            return TerminalMouse(kind: .press, x: x, y: y)
        }
        if state & tf_button1_released() != 0 { return TerminalMouse(kind: .release, x: x, y: y) }
        if state & tf_report_mouse_position() != 0 { return TerminalMouse(kind: .drag, x: x, y: y) }
        return nil
    }
}
