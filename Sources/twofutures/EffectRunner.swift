import Dashboard
import FuturesModel
import Share
import Shell
import Storage

/// The dashboard's file effects, carried out by `Storage` in the saved-scenarios folder.
struct EffectRunner: EffectPerformer {
    /// The folder scenarios are saved in, listed from and exported to.
    var folder = ScenarioStore.directory
    /// The lenses a saved file may name.
    var lenses: [Lens] = Lens.builtIn

    func perform(_ effect: Effect, analysis: Analysis) -> Action? {
        switch effect {
        case .save(let request, let scenario):
            do {
                let lens = lenses.first { $0.matches(scenario.assumptions) }
                let path = try ScenarioStore.save(request, scenario: scenario, in: folder, lens: lens)
                return .saveFinished(.saved(path: path, replaced: request.overwrite))
            } catch StorageError.exists {
                return .saveFinished(.exists(request))
            } catch {
                return .saveFinished(.failed("\(error)"))
            }
        case .listSaved:
            let (list, skipped) = ScenarioStore.list(in: folder, lenses: lenses)
            return .savedListed(
                OpenList(
                    entries: list, folder: displayPath(folder),
                    skipped: skipped.map { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0 }))
        case .export(let scenario, let ensemble, let shown):
            let run = analysis.scenario == scenario ? analysis : Analysis(scenario)
            // The screen as the session draws it: the latest ensemble, even while it refines.
            let screen = render(shown, run, ensemble: shown.ensemble)
            let svg = SVGWriter.svg(screen, theme: shown.theme, title: "TwoFutures: " + ShareToken.encode(scenario))
            do {
                let stem = try ScenarioStore.export(
                    RunDocument(analysis: run, ensemble: ensemble), svg: svg, in: folder)
                return .exported(.exported(stem: stem))
            } catch {
                return .exported(.failed("\(error)"))
            }
        case .copyToClipboard, .redraw, .quit:
            return nil
        }
    }
}
