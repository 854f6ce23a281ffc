extension ParameterTable {
    /// The levers, the policy's start and the assumptions as Markdown tables, each row
    /// with its source line; with `fixed`, also the fixed parameters (`parameters --all`).
    /// The README's copy is checked against this, so the table has one source.
    public static func markdown(fixed: Bool = false) -> String {
        var lines = ["| lever id | name | range | status quo | meaning | source |", "|---|---|---|---|---|---|"]
        for spec in levers {
            lines.append(
                "| `\(spec.id)` | \(spec.name) | 0–100 % | \(Format.value(spec.defaultValue, spec)) | \(spec.meaning) "
                    + "| \(spec.source) |")
        }
        lines.append("")
        lines.append("| timing id | name | range | default | meaning | source |")
        lines.append("|---|---|---|---|---|---|")
        let t = policyStart
        lines.append(
            "| `\(t.id)` | \(t.name) | \(Int(t.min))–\(Int(t.max)) months (\(Format.value(t.min, t))…"
                + "\(Format.value(t.max, t))) | \(Format.value(t.defaultValue, t)) | \(t.meaning) | \(t.source) |")
        lines.append("")
        lines.append("| assumption id | name | default | min | max | unit | meaning | source |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for spec in assumptions {
            lines.append(
                "| `\(spec.id)` | \(spec.name) | \(spec.defaultValue) | \(spec.min) | \(spec.max) | \(spec.unit) "
                    + "| \(spec.meaning) | \(spec.source) |")
        }
        if fixed {
            lines.append("")
            lines.append("| fixed | value | unit | meaning | source |")
            lines.append("|---|---|---|---|---|")
            for f in FixedParameter.all {
                lines.append(
                    "| \(f.symbol) | \(JSONWriter.number(f.value)) | \(f.unit) | \(f.meaning) | \(f.source) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as data: `{"model", "parameters": [{"id", "kind", "name", "unit", "default",
    /// "min", "max", "step", "meaning", "source"}]}`, plus `"fixed": [{"symbol", "value",
    /// "unit", "meaning", "source"}]` with `fixed`.
    public static func json(fixed: Bool = false) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("model", Constants.modelVersion)
        w.beginArray("parameters")
        for spec in all {
            w.beginObject()
            w.value("id", spec.id)
            w.value("kind", spec.kind.rawValue)
            w.value("name", spec.name)
            w.value("unit", spec.unit)
            w.value("default", spec.defaultValue)
            w.value("min", spec.min)
            w.value("max", spec.max)
            w.value("step", spec.step)
            w.value("meaning", spec.meaning)
            w.value("source", spec.source)
            w.endObject()
        }
        w.endArray()
        if fixed {
            w.beginArray("fixed")
            for f in FixedParameter.all {
                w.beginObject()
                w.value("symbol", f.symbol)
                w.value("value", f.value)
                w.value("unit", f.unit)
                w.value("meaning", f.meaning)
                w.value("source", f.source)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.text + "\n"
    }
}
