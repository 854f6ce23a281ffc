/// A lens: a named set of assumptions that voices one argument, such as the critics'
/// "controls backfire". Applying it sets every assumption: the lens's own values, the
/// defaults for the rest. Lenses are data (`Lenses/*.toml`); these compiled-in copies of
/// the shipped seven keep the program working when no lens file can be read.
public struct Lens: Sendable, Equatable, Hashable {
    /// The file name without `.toml`: `essay`, `backfire`, `all-critics`.
    public var id: String
    public var name: String
    /// One sentence: who says this, and why.
    public var argument: String
    /// What the values rest on, as publicly reported.
    public var source: String
    /// The assumptions the lens sets; the others take their defaults.
    public var values: [AssumptionID: Double]
    /// The file the lens was read from; nil for a compiled-in lens.
    public var file: String?

    public init(
        id: String, name: String, argument: String, source: String, values: [AssumptionID: Double],
        file: String? = nil
    ) {
        self.id = id
        self.name = name
        self.argument = argument
        self.source = source
        self.values = values
        self.file = file
    }

    /// All ten assumptions under this lens.
    public var assumptions: Assumptions {
        var a = Assumptions()
        for (id, value) in values { a[id] = value }
        return a
    }

    /// Whether `assumptions` are exactly this lens's.
    public func matches(_ assumptions: Assumptions) -> Bool { assumptions == self.assumptions }

    /// The assumptions the lens sets, in table order, as a `--set` value:
    /// "china_domestic_growth=1.8,controls_backfire=0.9"; empty for a lens of defaults.
    public var assignments: String {
        AssumptionID.allCases.compactMap { id in
            values[id].map { v in "\(id.id)=" + (v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : v.description) }
        }.joined(separator: ",")
    }

    /// Whether `id` can name a lens: 1 to 64 characters of lower-case ASCII letters, digits,
    /// `-` and `_`, starting with a letter or digit. Ids are file names and command words.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64, first != "-", first != "_"
        else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// The lens called `id` among `lenses`, or an error that lists them: "unknown lens
    /// 'backfir'; did you mean 'backfire'? Lenses: essay, backfire, …".
    public static func named(_ id: String, in lenses: [Lens]) throws(InputError) -> Lens {
        if let lens = lenses.first(where: { $0.id == id }) { return lens }
        throw unknown(id, among: lenses.map(\.id))
    }

    /// "unknown lens 'x'; did you mean 'y'? Lenses: a, b, c", or "…; lenses: a, b, c" when
    /// none is close.
    public static func unknown(_ id: String, among ids: [String]) -> InputError {
        let unknown: InputError.Message = "unknown lens '\(input: id)'"
        guard !ids.isEmpty else { return InputError(unknown + "; no lenses found") }
        let list = ids.joined(separator: ", ")
        if let near = InputParser.closest(to: id, among: ids) {
            return InputError(unknown + "; did you mean '\(near)'? Lenses: \(list)")
        }
        return InputError(unknown + "; lenses: \(list)")
    }
}

extension Lens {
    /// The seven shipped lenses, in the shipped order (the order `v` cycles through them).
    /// `Lenses/*.toml` holds the same seven; a test checks that they agree.
    public static let builtIn: [Lens] = [essay, backfire, leaky, distillation, price, allCritics, optimist]

    public static let essay = Lens(
        id: "essay", name: "The essay's view",
        argument: "Anthropic's May 2026 essay: compute access decides the US–China race, and tight export "
            + "controls, closed smuggling loopholes and blocked distillation can give the US a 12–24 "
            + "month lead.",
        source: "Anthropic, \"2028: Two scenarios for global AI leadership\", 14 May 2026 (in public "
            + "summaries); the defaults rest on Epoch AI, the Stanford AI Index 2026 and CNAS (MODEL.md "
            + "§2, §6)",
        values: [:])

    public static let backfire = Lens(
        id: "backfire", name: "Controls backfire",
        argument: "Critics: export controls spur China's own chip industry, so strict controls buy less "
            + "lead than the essay expects.",
        source: "contested, no agreed estimate: critics point to Huawei Ascend and SMIC 7/5 nm progress "
            + "under controls; Huawei's reported plans of 2–3× more Ascend dies a year; SMIC 45k→80k "
            + "wafers/month 2025–27 (SemiAnalysis, 2025)",
        values: [.controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8])

    public static let leaky = Lens(
        id: "leaky", name: "Leaky borders",
        argument: "Critics: chips that controls block reroute through smuggling and offshore data centres, "
            + "and enforcement stops only part of that flow.",
        source: "10k to several 100k smuggled chips in 2024, median 140k (CNAS, Jun 2025); legal offshore "
            + "training in Singapore and Malaysia (FT, Nov 2025); servers worth $2.5B diverted in "
            + "2024–25 despite the rules (AP); location verification proposed, not in force (Chip "
            + "Security Act, May 2025)",
        values: [.controlLeakage: 0.95, .enforcementEffectiveness: 0.5])

    public static let distillation = Lens(
        id: "distillation", name: "Distillation can't be stopped",
        argument: "Critics: distilling US models' outputs bridges much of the compute gap, and fraudulent "
            + "accounts are too cheap to replace for defences to work at scale.",
        source: "16M+ exchanges via about 24k fraudulent accounts (Anthropic, Feb 2026); contested: the "
            + "essay does not show that defences work at scale, and accounts are cheap to replace",
        values: [.distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15])

    public static let price = Lens(
        id: "price", name: "Price wins",
        argument: "Critics: developing markets adopt the cheapest capable AI, and Chinese models are many "
            + "times cheaper than American ones.",
        source: "DeepSeek V3.2 at $0.28/$0.42 per 1M tokens against $2.50–5/$15–30 for US frontier APIs "
            + "(list prices, Apr 2026); the essay's own Scenario 2 has China winning on price in the "
            + "Global South",
        values: [.chinaPriceAdvantage: 30])

    public static let allCritics = Lens(
        id: "all-critics", name: "All the critics at once",
        argument: "Every objection together: controls backfire, borders leak, distillation can't be "
            + "stopped, and price wins.",
        source: "the four critics' lenses together (see backfire, leaky, distillation and price)",
        values: [
            .controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8, .controlLeakage: 0.95, .enforcementEffectiveness: 0.5,
            .distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15, .chinaPriceAdvantage: 30,
        ])

    public static let optimist = Lens(
        id: "optimist", name: "Compute decides",
        argument: "The essay at its strongest: research pace follows compute, algorithms improve more "
            + "slowly than the default assumes, distillation transfers little, and less blocked demand "
            + "leaks.",
        source: "60–95 % of LLM gains came from compute, not algorithms (Ho et al., 2024); 2.5×/yr halves "
            + "the compute for fixed performance about every 9 months, within the 95 % CI of 5–14 "
            + "months (Ho et al., Epoch AI, Mar 2024); imitation transfers benchmark skills far more "
            + "than general capability (Gudibande et al., 2023)",
        values: [
            .researchComputeElasticity: 0.5, .algorithmicProgress: 2.5, .distillationEfficiency: 0.15,
            .controlLeakage: 0.5,
        ])
}
