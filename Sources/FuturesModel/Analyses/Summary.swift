/// A scenario over its worlds at the horizon (MODEL.md §4 "Across worlds"): the median
/// lead and three probabilities. Shapley shares and swings are differences of Summaries,
/// so the type also carries signed changes.
public struct Summary: Sendable, Equatable, Hashable {
    /// The 50th percentile of `lead_months` over the members (the band rule).
    public var medianLead: Double
    /// The fractions of members in Future 1, in Future 2, and whose markets go to China.
    public var pFuture1: Double
    public var pFuture2: Double
    public var pChinaMarkets: Double

    public init(medianLead: Double, pFuture1: Double, pFuture2: Double, pChinaMarkets: Double) {
        self.medianLead = medianLead
        self.pFuture1 = pFuture1
        self.pFuture2 = pFuture2
        self.pChinaMarkets = pChinaMarkets
    }

    /// The summary of one world: the run's lead, and each probability 0 or 1 (what every
    /// across-worlds result is with uncertainty 0).
    public init(_ outcome: Outcome) {
        self.init(
            medianLead: outcome.leadMonths, pFuture1: outcome.future == .future1 ? 1 : 0,
            pFuture2: outcome.future == .future2 ? 1 : 0, pChinaMarkets: outcome.markets == .china ? 1 : 0)
    }

    public static let zero = Summary(medianLead: 0, pFuture1: 0, pFuture2: 0, pChinaMarkets: 0)

    /// The four numbers in `Summary.ids` order.
    public var values: [Double] { [medianLead, pFuture1, pFuture2, pChinaMarkets] }

    /// The JSON keys of the four numbers (MODEL.md §5 `{S}`).
    public static let ids = ["median_lead", "p_future1", "p_future2", "p_china_markets"]

    /// The probability of `future` (Future 1 or Future 2) or of China's markets.
    public subscript(verdict: Verdict) -> Double {
        switch verdict {
        case .future1: pFuture1
        case .future2: pFuture2
        case .chinaMarkets: pChinaMarkets
        }
    }

    /// What a probability of the Summary is about: `--future 1|2|markets`.
    public enum Verdict: String, Sendable, CaseIterable {
        case future1, future2, chinaMarkets

        /// How a reader names it.
        public var name: String {
            switch self {
            case .future1: "Future 1"
            case .future2: "Future 2"
            case .chinaMarkets: "China's markets"
            }
        }
    }
}

extension Summary: ShapleyValue {
    public static func + (a: Summary, b: Summary) -> Summary {
        Summary(
            medianLead: a.medianLead + b.medianLead, pFuture1: a.pFuture1 + b.pFuture1,
            pFuture2: a.pFuture2 + b.pFuture2, pChinaMarkets: a.pChinaMarkets + b.pChinaMarkets)
    }

    public static func - (a: Summary, b: Summary) -> Summary {
        Summary(
            medianLead: a.medianLead - b.medianLead, pFuture1: a.pFuture1 - b.pFuture1,
            pFuture2: a.pFuture2 - b.pFuture2, pChinaMarkets: a.pChinaMarkets - b.pChinaMarkets)
    }

    public static func * (k: Double, a: Summary) -> Summary {
        Summary(
            medianLead: k * a.medianLead, pFuture1: k * a.pFuture1, pFuture2: k * a.pFuture2,
            pChinaMarkets: k * a.pChinaMarkets)
    }
}

/// What a Shapley split adds up: an outcome, or a Summary.
public protocol ShapleyValue: Sendable {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (k: Double, a: Self) -> Self
}

/// The exact Shapley split over the five levers (MODEL.md §4 "Attribution").
enum Shapley {
    /// The coalitions: bit mask S over the levers (bit i = lever i in table order).
    static let coalitions = 1 << LeverID.allCases.count

    /// The weight |S|!(n−|S|−1)!/n! of a coalition of `size` levers, n = 5.
    static let weights: [Double] = {
        let n = LeverID.allCases.count
        var factorial = [1.0]
        for k in 1...n { factorial.append(factorial[k - 1] * Double(k)) }
        return (0..<n).map { size in factorial[size] * factorial[n - size - 1] / factorial[n] }
    }()

    /// The scenario of coalition `mask`: the levers in it as set, the others at `base`'s.
    static func scenario(_ scenario: Scenario, mask: Int, base: Levers) -> Scenario {
        var s = scenario
        for lever in LeverID.allCases where mask & (1 << lever.rawValue) == 0 {
            s.levers[lever] = base[lever]
        }
        return s
    }

    /// Each lever's share, in table order, of v[all] − v[none], from the values of the 32
    /// coalitions `v[mask]`.
    static func shares<T: ShapleyValue>(_ v: [T]) -> [T] {
        precondition(v.count == coalitions)
        return LeverID.allCases.map { lever in
            let bit = 1 << lever.rawValue
            var phi = T.zero
            for mask in 0..<coalitions where mask & bit == 0 {
                phi = phi + weights[mask.nonzeroBitCount] * (v[mask | bit] - v[mask])
            }
            return phi
        }
    }
}
