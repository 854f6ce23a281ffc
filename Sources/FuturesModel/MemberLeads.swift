import Foundation

/// Each ensemble member's lead at the horizon under several settings of the levers and
/// the start, in the same worlds: the draws of (seed, member) are made once and shared by
/// every run, so comparisons between runs are paired. The one place the robustness rows
/// touch the kernel: a faster kernel (Float32) can replace what is underneath.
struct MemberLeads: Sendable {
    /// `values[run][member]`, in the order of the scenarios given.
    let values: [[Double]]

    /// Runs every member of `settings` under each scenario, which must share their
    /// assumptions and horizon (they differ only in levers and start); identical
    /// scenarios are run once. The leads are bit for bit those of `Ensemble.run` for the
    /// same scenario and settings, and never depend on `threads`. Nil when `isCancelled`
    /// turns true (checked between runs and chunks of members).
    init?(
        _ scenarios: [Scenario], settings: EnsembleSettings, threads: Int,
        isCancelled: @Sendable () -> Bool
    ) {
        precondition(settings.members > 0, "an ensemble needs at least one member")
        guard let first = scenarios.first else {
            values = []
            return
        }
        precondition(
            scenarios.allSatisfy { $0.assumptions == first.assumptions && $0.horizon == first.horizon },
            "paired runs share their assumptions and horizon")
        var unique: [Scenario] = []
        var slot: [Scenario: Int] = [:]
        let runOf = scenarios.map { s in
            if let i = slot[s] { return i }
            slot[s] = unique.count
            unique.append(s)
            return unique.count - 1
        }

        let n = settings.members
        let lanes = Vec.scalarCount
        let blocks = (n + lanes - 1) / lanes
        let stride = blocks * lanes
        let draws = MemberDraws(first.assumptions, settings: settings)
        let threadCount = max(1, min(threads, 64))
        let runs = unique
        var out = [Double](repeating: 0, count: runs.count * stride)
        let cancelled = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            let base = SendablePointer(buffer.baseAddress!)
            let flags = CancelFlag()
            Ensemble.parallel(threadCount) { worker in
                let firstBlock = blocks * worker / threadCount
                let lastBlock = blocks * (worker + 1) / threadCount
                // This worker's draws, once for every run.
                let drawn = (firstBlock..<lastBlock).map { EnsembleKernel.drawn(draws, firstMember: $0 * lanes) }
                for (r, scenario) in runs.enumerated() {
                    var block = firstBlock
                    while block < lastBlock {
                        if isCancelled() {
                            flags.set()
                            return
                        }
                        let end = min(lastBlock, block + 256)
                        EnsembleKernel.leads(
                            scenario, assumptions: drawn[(block - firstBlock)..<(end - firstBlock)],
                            out: base.pointer + r * stride + block * lanes)
                        block = end
                    }
                }
            }
            return flags.isSet
        }
        if cancelled { return nil }
        let perRun = (0..<runs.count).map { r in Array(out[(r * stride)..<(r * stride + n)]) }
        values = runOf.map { perRun[$0] }
    }
}
