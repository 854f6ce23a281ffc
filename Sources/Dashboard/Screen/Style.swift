/// A semantic colour role: themes map each role to a terminal colour (DESIGN.md "Themes").
public enum Role: String, Sendable, Equatable, Hashable, CaseIterable {
    case background, foreground, muted, accent, future1, future2, policy, band, grid, selection, warning
}

/// Text attributes that work on every terminal, including monochrome ones.
public struct CellFlags: OptionSet, Sendable, Equatable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellFlags(rawValue: 1 << 0)
    public static let reverse = CellFlags(rawValue: 1 << 1)
    public static let dim = CellFlags(rawValue: 1 << 2)
}

/// How a cell is drawn: a role and its flags.
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    public var flags: CellFlags

    public init(_ role: Role = .foreground, _ flags: CellFlags = []) {
        self.role = role
        self.flags = flags
    }

    public static let plain = Style()
}

/// One terminal cell: a single-column character and its style.
public struct Cell: Sendable, Equatable, Hashable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public var role: Role { style.role }
    public var flags: CellFlags { style.flags }
}
