extension ParameterTable {
    /// The levers and assumptions as Markdown tables: the README's copy is checked
    /// against this, so the table has one source.
    public static func markdown() -> String {
        var lines = ["| lever id | name | range | status quo | meaning |", "|---|---|---|---|---|"]
        for spec in levers {
            lines.append(
                "| `\(spec.id)` | \(spec.name) | 0–100 % | \(Format.value(spec.defaultValue, spec)) | \(spec.meaning) |"
            )
        }
        lines.append("")
        lines.append("| assumption id | name | default | min | max | unit | meaning |")
        lines.append("|---|---|---|---|---|---|---|")
        for spec in assumptions {
            lines.append(
                "| `\(spec.id)` | \(spec.name) | \(spec.defaultValue) | \(spec.min) | \(spec.max) | \(spec.unit) | \(spec.meaning) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
