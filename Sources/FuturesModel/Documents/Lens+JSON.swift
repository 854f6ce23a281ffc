extension Lens {
    /// `twofutures lenses --format json`: `{"model", "lenses": [{"id", "name", "argument",
    /// "source", "file" (null when compiled in), "sets" (the assumptions the lens sets, in
    /// table order), "assumptions" (all ten under it)}], "skipped": ["FILE:LINE: …"]}`.
    public static func json(_ lenses: [Lens], skipped: [String]) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("model", Constants.modelVersion)
        w.beginArray("lenses")
        for lens in lenses {
            w.beginObject()
            w.value("id", lens.id)
            w.value("name", lens.name)
            w.value("argument", lens.argument)
            w.value("source", lens.source)
            if let file = lens.file { w.value("file", file) } else { w.null("file") }
            w.beginObject("sets")
            for id in AssumptionID.allCases { if let v = lens.values[id] { w.value(id.id, v) } }
            w.endObject()
            w.beginObject("assumptions")
            let all = lens.assumptions
            for id in AssumptionID.allCases { w.value(id.id, all[id]) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.strings("skipped", skipped)
        w.endObject()
        return w.text + "\n"
    }
}
