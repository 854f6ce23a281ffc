/// Inputs written for an earlier model version: which ones are still read, and the one
/// line that says so (MODEL.md §5, "Version 1 inputs").
public enum ModelVersion {
    /// The model versions whose scenario files this build reads: version 1 inputs mean
    /// `policy_start` = 0 and `enforcement_effectiveness` at its default, run under model 2.
    public static let readable = ["twofutures/1", Constants.modelVersion]

    /// One line for a version-1 input, e.g. "x.toml was written for twofutures/1: read under
    /// model twofutures/2 (…)".
    public static func notice(_ what: String) -> String {
        "\(what) was written for twofutures/1: read under model \(Constants.modelVersion) (policy starts "
            + "2026-01, enforcement effectiveness 1.0), so its results differ from version 1's"
    }
}
