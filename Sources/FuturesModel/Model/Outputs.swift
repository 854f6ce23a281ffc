/// The eight recorded series of MODEL.md §3, in output order.
public enum SeriesID: Int, Sendable, Equatable, CaseIterable {
    case leadMonths, computeShare, adoption, normShare
    case chinaDomestic, chinaImports, chinaSmuggled, chinaOffshore

    public var id: String {
        switch self {
        case .leadMonths: "lead_months"
        case .computeShare: "compute_share"
        case .adoption: "adoption"
        case .normShare: "norm_share"
        case .chinaDomestic: "china_domestic"
        case .chinaImports: "china_imports"
        case .chinaSmuggled: "china_smuggled"
        case .chinaOffshore: "china_offshore"
        }
    }
}

/// The four headline outputs (the outcome ids of MODEL.md §5).
public enum OutcomeID: Int, Sendable, Equatable, CaseIterable {
    case leadMonths, computeShare, adoption, normShare

    public var id: String { SeriesID(rawValue: rawValue)!.id }

    public var title: String {
        switch self {
        case .leadMonths: "Frontier lead"
        case .computeShare: "US compute share"
        case .adoption: "US-stack adoption"
        case .normShare: "Norm-setting share"
        }
    }
}

/// Which future a lead at the horizon falls into.
public enum Future: String, Sendable, Equatable, CaseIterable {
    case future1
    case contested
    case future2

    /// Future 1 when lead ≥ 12 months, Future 2 when lead ≤ 3 months, else contested.
    public init(lead: Double) {
        if lead >= Constants.future1Threshold {
            self = .future1
        } else if lead <= Constants.future2Threshold {
            self = .future2
        } else {
            self = .contested
        }
    }

    public var title: String {
        switch self {
        case .future1: "Future 1"
        case .contested: "Contested"
        case .future2: "Future 2"
        }
    }
}

/// Who holds the developing markets at the horizon (MODEL.md §4 "Markets"): the US when
/// the American stack's share of AI users is at least the markets threshold, else China.
/// Independent of the future: a run can hold the frontier and lose the markets.
public enum Markets: String, Sendable, Equatable, CaseIterable {
    case us
    case china

    /// `us` when adoption ≥ 0.5, else `china`.
    public init(adoption: Double) {
        self = adoption >= Constants.marketsThreshold ? .us : .china
    }

    public var title: String {
        switch self {
        case .us: "US"
        case .china: "China"
        }
    }
}

/// The four headline outputs at one month.
public struct Outcome: Sendable, Equatable {
    public var leadMonths: Double
    public var computeShare: Double
    public var adoption: Double
    public var normShare: Double

    public init(leadMonths: Double, computeShare: Double, adoption: Double, normShare: Double) {
        self.leadMonths = leadMonths
        self.computeShare = computeShare
        self.adoption = adoption
        self.normShare = normShare
    }

    public static let zero = Outcome(leadMonths: 0, computeShare: 0, adoption: 0, normShare: 0)

    public var future: Future { Future(lead: leadMonths) }

    /// Who holds the developing markets, by `adoption` (MODEL.md §4 "Markets").
    public var markets: Markets { Markets(adoption: adoption) }

    public subscript(id: OutcomeID) -> Double {
        get {
            switch id {
            case .leadMonths: leadMonths
            case .computeShare: computeShare
            case .adoption: adoption
            case .normShare: normShare
            }
        }
        set {
            switch id {
            case .leadMonths: leadMonths = newValue
            case .computeShare: computeShare = newValue
            case .adoption: adoption = newValue
            case .normShare: normShare = newValue
            }
        }
    }

    public static func - (a: Outcome, b: Outcome) -> Outcome {
        Outcome(
            leadMonths: a.leadMonths - b.leadMonths, computeShare: a.computeShare - b.computeShare,
            adoption: a.adoption - b.adoption, normShare: a.normShare - b.normShare)
    }

    public static func + (a: Outcome, b: Outcome) -> Outcome {
        Outcome(
            leadMonths: a.leadMonths + b.leadMonths, computeShare: a.computeShare + b.computeShare,
            adoption: a.adoption + b.adoption, normShare: a.normShare + b.normShare)
    }

    public static func * (k: Double, a: Outcome) -> Outcome {
        Outcome(
            leadMonths: k * a.leadMonths, computeShare: k * a.computeShare,
            adoption: k * a.adoption, normShare: k * a.normShare)
    }
}

/// The month label ("2026-01") of month t.
public func monthLabel(_ t: Int) -> String {
    let index = (Constants.startMonth - 1) + t
    let year = Constants.startYear + index / 12
    let month = index % 12 + 1
    return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
}
