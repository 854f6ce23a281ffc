/// Inputs written for an earlier model version: which ones are still read, and the one
/// line that says so (MODEL.md §5, "Earlier inputs").
public enum ModelVersion {
    /// The model versions whose scenario files this build reads. Version 2 inputs are read
    /// as they are, with no notice (version 3 changed what the model reports, not its
    /// equations); version 1 inputs mean `policy_start` = 0 and `enforcement_effectiveness`
    /// at its default, run under the current equations.
    public static let readable = ["twofutures/1", "twofutures/2", Constants.modelVersion]

    /// Whether `model` is version 1's, whose inputs get the notice.
    public static func isVersion1(_ model: String) -> Bool { model == "twofutures/1" }

    /// One line for a version-1 input, e.g. "x.toml was written for twofutures/1: read under
    /// model twofutures/3 (…)".
    public static func notice(_ what: String) -> String {
        "\(what) was written for twofutures/1: read under model \(Constants.modelVersion) (policy starts "
            + "2026-01, enforcement effectiveness 1.0), so its results differ from version 1's"
    }
}
