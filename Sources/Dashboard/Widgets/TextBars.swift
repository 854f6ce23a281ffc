import FuturesModel

/// The title bar: the tool, the simulated period, and the reminder that it is no forecast.
public struct TitleBar: Sendable, Equatable {
    public var horizon: Int
    public var pins: Int

    public init(horizon: Int, pins: Int) {
        self.horizon = horizon
        self.pins = pins
    }

    public func render(in rect: Rect, into screen: inout Screen) {
        var x = screen.write(" TwoFutures ", x: rect.x, y: rect.y, role: .accent, flags: .bold, clip: rect)
        x = screen.write(" \(monthLabel(0)) → \(monthLabel(horizon))", x: x, y: rect.y, role: .muted, clip: rect)
        if pins > 0 {
            screen.write("  pins \(pins)/\(State.pinLimit)", x: x, y: rect.y, role: .muted, clip: rect)
        }
        let note = rect.width >= 100 ? "Illustrative model, not a forecast " : "Illustrative, not a forecast "
        screen.write(note, x: rect.maxX - note.count, y: rect.y, role: .warning, clip: rect)
    }
}

/// The status bar: key hints that fit, and the ensemble's state on the right.
public struct StatusBar: Sendable, Equatable {
    public var ensembleText: String

    public init(ensembleText: String) { self.ensembleText = ensembleText }

    static let hints: [(key: String, what: String)] = [
        ("↑↓", "select"), ("←→", "±5"), ("Tab", "group"), ("1 2 3", "presets"), ("?", "help"), ("q", "quit"),
        ("⇧←→", "±1"), ("u", "undo"), ("p", "pin"), ("c", "chart"), ("a", "attribution"),
    ]

    public func render(in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, style: Style(.muted, .reverse))
        let right = " \(ensembleText) "
        let limit = rect.maxX - right.count - 1
        var x = rect.x + 1
        for hint in Self.hints {
            let width = hint.key.count + 1 + hint.what.count + 2
            guard x + width <= limit else { break }
            x = screen.write(hint.key, x: x, y: rect.y, role: .accent, flags: [.reverse, .bold], clip: rect)
            x = screen.write(" \(hint.what)  ", x: x, y: rect.y, role: .muted, flags: .reverse, clip: rect)
        }
        screen.write(right, x: rect.maxX - right.count, y: rect.y, role: .muted, flags: .reverse, clip: rect)
    }
}
