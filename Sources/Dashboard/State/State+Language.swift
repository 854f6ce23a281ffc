import FuturesModel

extension State {
    /// Whether the charts and the outcome bar speak across worlds: the language is across
    /// worlds, an ensemble has come in (before the first one only the central run can
    /// speak, and says so), and its worlds differ from the central run. With uncertainty 0
    /// every world is the central run, so the screen is drawn as set in either language
    /// (`w` then changes only the status bar's name of the language).
    public var speaksAcrossWorlds: Bool {
        guard view.language == .acrossWorlds, let e = results.ensemble else { return false }
        return e.settings.uncertainty != 0
    }

    /// The presets' latest ensembles if they can be drawn for the current scenario (its
    /// horizon), and whether they are stale (run for other assumptions or another start).
    public var futuresShown: (ensembles: FuturesEnsembles, stale: Bool)? {
        guard let latest = results.futures, latest.ensembles.future1.horizon == scenario.horizon else { return nil }
        return (latest.ensembles, latest.scenario != Job.futuresScenario(scenario))
    }

    /// The scenario's latest ensemble if it can be drawn for the current scenario (its
    /// horizon), and whether it is stale (run for another scenario; the next refines).
    public var ensembleShown: (ensemble: EnsembleResult, stale: Bool)? {
        guard let e = results.ensemble, e.horizon == scenario.horizon else { return nil }
        return (e, currentEnsemble == nil)
    }
}
