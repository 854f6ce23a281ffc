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
}

extension Lens {
    /// The seven shipped lenses, in the order `v` cycles through them.
    public static let builtIn: [Lens] = [essay, backfire, leaky, distillation, price, allCritics, optimist]

    public static let essay = Lens(
        id: "essay", name: "The essay's view",
        argument: "Anthropic's essay: compute access decides the race, and the levers hold if they are used.",
        source: "the defaults of MODEL.md §2 (Epoch AI, AI Index 2026, CNAS, the essay, May 2026)", values: [:])

    public static let backfire = Lens(
        id: "backfire", name: "Controls backfire",
        argument: "Critics: export controls spur China's own chip industry, so strict controls buy less lead.",
        source: "critics point to Huawei Ascend and SMIC 7/5 nm progress under controls; Huawei's reported "
            + "plans of 2–3× more Ascend dies a year",
        values: [.controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8])

    public static let leaky = Lens(
        id: "leaky", name: "Leaky borders",
        argument: "Critics: blocked chips reroute through smuggling and offshore clouds, and enforcement "
            + "stops only part of it.",
        source: "10k to several 100k smuggled chips in 2024 (CNAS, Jun 2025); servers worth $2.5B diverted "
            + "in 2024–25 despite the rules (AP)",
        values: [.controlLeakage: 0.95, .enforcementEffectiveness: 0.5])

    public static let distillation = Lens(
        id: "distillation", name: "Distillation can't be stopped",
        argument: "Critics: distillation bridges much of the gap, and accounts are too cheap to replace "
            + "for defences to work.",
        source: "16M+ exchanges via about 24k fraudulent accounts (Anthropic, Feb 2026); the essay does not "
            + "show that defences work at scale",
        values: [.distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15])

    public static let price = Lens(
        id: "price", name: "Price wins",
        argument: "Critics: developing markets buy the cheapest capable AI, and Chinese models are far cheaper.",
        source: "DeepSeek V3.2 at $0.28/$0.42 per 1M tokens against $2.50–5/$15–30 for US frontier APIs "
            + "(list prices, Apr 2026)",
        values: [.chinaPriceAdvantage: 30])

    public static let allCritics = Lens(
        id: "all-critics", name: "All the critics at once",
        argument: "Every objection together: controls backfire, borders leak, distillation can't be "
            + "stopped, and price wins.",
        source: "the four critics' lenses together (see backfire, leaky, distillation, price)",
        values: [
            .controlsBackfire: 0.9, .chinaDomesticGrowth: 1.8, .controlLeakage: 0.95, .enforcementEffectiveness: 0.5,
            .distillationEfficiency: 0.5, .countermeasureFeasibility: 0.15, .chinaPriceAdvantage: 30,
        ])

    public static let optimist = Lens(
        id: "optimist", name: "Compute decides",
        argument: "The essay at its strongest: research follows compute, progress is fast, distillation "
            + "transfers little, and leakage is moderate.",
        source: "60–95 % of LLM gains came from compute (Ho et al., 2024); imitation transfers benchmark "
            + "skills far more than general capability (Gudibande et al., 2023)",
        values: [
            .researchComputeElasticity: 0.5, .algorithmicProgress: 2.5, .distillationEfficiency: 0.15,
            .controlLeakage: 0.5,
        ])
}
