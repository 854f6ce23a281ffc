import Foundation

/// How a chart labels its y axis.
public enum ValueUnit: Sendable, Equatable {
    /// Months of lead: "12".
    case months
    /// A share in [0, 1] shown as a percentage: "80%".
    case share

    /// A compact axis label for `v`.
    public func format(_ v: Double) -> String {
        switch self {
        case .months: String(format: "%.0f", v)
        case .share: String(format: "%.0f%%", v * 100)
        }
    }
}
