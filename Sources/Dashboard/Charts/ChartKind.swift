import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The five charts of DESIGN.md "The screen", in the order `c` cycles through them.
public enum ChartKind: Int, Sendable, Equatable, CaseIterable {
    case lead, computeShare, adoption, normShare, chinaSources

    public var title: String {
        switch self {
        case .lead: "US frontier lead, months"
        case .computeShare: "US share of AI compute"
        case .adoption: "US-stack adoption in developing markets"
        case .normShare: "US share in setting AI norms"
        case .chinaSources: "China's monthly compute inflow by source (share)"
        }
    }

    /// The title where the whole one does not fit.
    public var shortTitle: String {
        switch self {
        case .lead: "US lead, months"
        case .computeShare: "US compute share"
        case .adoption: "US-stack adoption"
        case .normShare: "US norm share"
        // At most 25 characters: the compact layout's " c: 5/5 " follows it.
        case .chinaSources: "China's inflow (share)"
        }
    }

    /// The outcome a line chart plots (nil for the stacked sources chart).
    public var outcome: OutcomeID? {
        switch self {
        case .lead: .leadMonths
        case .computeShare: .computeShare
        case .adoption: .adoption
        case .normShare: .normShare
        case .chinaSources: nil
        }
    }

    public var next: ChartKind { ChartKind(rawValue: (rawValue + 1) % Self.allCases.count)! }
    public var previous: ChartKind {
        ChartKind(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count)!
    }

    /// The four charts of the 2×2 grid: the fourth slot shows the norm-setting share when
    /// that chart is the current one, otherwise China's sources.
    public static func grid(current: ChartKind) -> [ChartKind] {
        [.lead, .computeShare, .adoption, current == .normShare ? .normShare : .chinaSources]
    }
}

/// How a chart labels its y axis.
public enum ValueUnit: Sendable, Equatable {
    /// Months of lead: "12".
    case months
    /// A share in [0, 1] shown as a percentage: "80%".
    case share

    /// A compact axis label for `v`.
    public func format(_ v: Double) -> String {
        switch self {
        case .months: String(cFormat: "%.0f", v)
        case .share: String(cFormat: "%.0f%%", v * 100)
        }
    }
}
