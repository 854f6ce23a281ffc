import Foundation

/// Each ensemble member's lead at the horizon under several settings of the levers and
/// the start, in the same worlds: the draws of (seed, member) are made once (`DrawCache`)
/// and shared by every run, so comparisons between runs are paired. The one place the
/// robustness rows touch the kernels.
package struct MemberLeads: Sendable {
    /// `values[run][member]`, in the order of the scenarios given.
    package let values: [[Double]]
    /// The worlds the runs share.
    let worlds: Worlds

    /// Runs every member of `settings` under each scenario, which must share their
    /// assumptions and horizon (they differ only in levers and start); identical
    /// scenarios are run once. In double precision the leads are bit for bit those of
    /// `Ensemble.run` for the same scenario and settings; in single precision a lead near a
    /// future's threshold is the double-precision one (`Ensemble.isNearThreshold`), so that
    /// every member's future is the one in double precision, as in `Ensemble.run`. Never
    /// depends on `threads`. Nil when `isCancelled` turns true (checked between months).
    package init?(
        _ scenarios: [Scenario], settings: EnsembleSettings, threads: Int, precision: EnsemblePrecision,
        isCancelled: @Sendable () -> Bool
    ) {
        precondition(settings.members > 0, "an ensemble needs at least one member")
        let first = scenarios.first ?? Scenario()
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
        let worlds = DrawCache.shared.worlds(first.assumptions, settings: settings)
        let threadCount = max(1, min(threads, 64))
        let single = precision == .single && settings.uncertainty > 0
        let computed =
            single
            ? Self.single(unique, worlds, settings.members, threadCount, isCancelled)
            : Self.double(unique, worlds, settings.members, threadCount, isCancelled)
        guard let perRun = computed else { return nil }
        values = runOf.map { perRun[$0] }
        self.worlds = worlds
    }

    /// The double-precision leads of `members` of `worlds` under `scenario`.
    static func exact(_ scenario: Scenario, worlds: Worlds, members: [Int]) -> [Double] {
        EnsembleKernel.exactLeads(scenario, worlds: worlds, members: members)
    }

    private static func single(
        _ runs: [Scenario], _ worlds: Worlds, _ n: Int, _ threadCount: Int, _ isCancelled: @Sendable () -> Bool
    ) -> [[Double]]? {
        let lanes = EnsembleKernelF.lanes
        let blockCount = (n + lanes - 1) / lanes
        let stride = blockCount * lanes
        // Freed as soon as the run ends (not cached, unlike the worlds): from malloc, which
        // reuses it from one run to the next without mapping new pages each time.
        let memory = UnsafeMutableRawPointer.allocate(
            byteCount: blockCount * EnsembleKernelF.Blocks.bytesPerBlock, alignment: 64)
        defer { memory.deallocate() }
        let blocks = EnsembleKernelF.Blocks(memory, count: blockCount)
        var out = [Float](repeating: 0, count: runs.count * stride)
        let cancelled = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            let base = SendablePointer(buffer.baseAddress!)
            let flags = CancelFlag()
            Ensemble.parallel(threadCount) { worker in
                let range = Ensemble.chunk(worker, of: threadCount, blocks: blockCount)
                for (r, scenario) in runs.enumerated() {
                    if r == 0 {
                        EnsembleKernelF.setUp(scenario, worlds: worlds, blocks: blocks, range: range)
                    } else {
                        EnsembleKernelF.regimes(scenario, worlds: worlds, blocks: blocks, range: range)
                    }
                    let done = EnsembleKernelF.simulate(
                        scenario, blocks: blocks, range: range, rows: nil, stride: 0,
                        leads: base.pointer + r * stride, isCancelled: isCancelled)
                    if !done {
                        flags.set()
                        return
                    }
                }
            }
            return flags.isSet
        }
        if cancelled { return nil }
        return runs.indices.map { r in
            var leads = out[(r * stride)..<(r * stride + n)].map(Double.init)
            let near = leads.indices.filter { Ensemble.isNearThreshold(leads[$0]) }
            for (m, lead) in zip(near, exact(runs[r], worlds: worlds, members: near)) { leads[m] = lead }
            return leads
        }
    }

    private static func double(
        _ runs: [Scenario], _ worlds: Worlds, _ n: Int, _ threadCount: Int, _ isCancelled: @Sendable () -> Bool
    ) -> [[Double]]? {
        let lanes = Vec.scalarCount
        let blocks = (n + lanes - 1) / lanes
        let stride = blocks * lanes
        var out = [Double](repeating: 0, count: runs.count * stride)
        let cancelled = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            let base = SendablePointer(buffer.baseAddress!)
            let flags = CancelFlag()
            Ensemble.parallel(threadCount) { worker in
                let range = Ensemble.chunk(worker, of: threadCount, blocks: blocks)
                let firstBlock = range.lowerBound, lastBlock = range.upperBound
                // This worker's draws, once for every run.
                let drawn = (firstBlock..<lastBlock).map { worlds.block(firstMember: $0 * lanes) }
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
        return (0..<runs.count).map { r in Array(out[(r * stride)..<(r * stride + n)]) }
    }
}
