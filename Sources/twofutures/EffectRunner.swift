import Dashboard
import FuturesModel
import Share
import Shell
import Storage

/// The dashboard's file effects, carried out by `Storage` in the saved-scenarios folder.
struct EffectRunner: EffectPerformer {
    /// The folder scenarios are saved in, listed from and exported to.
    var folder = ScenarioStore.directory

    func perform(_ effect: Effect, in state: State, runtime: Runtime) -> Action? {
        switch effect {
        case .save(let request, let document):
            do {
                let path = try ScenarioStore.save(
                    request, scenario: document.scenario, in: folder, lens: document.activeLens)
                return .saveFinished(.saved(path: path, replaced: request.overwrite))
            } catch StorageError.exists {
                return .saveFinished(.exists(request))
            } catch {
                return .saveFinished(.failed("\(error)"))
            }
        case .listSaved:
            let (list, skipped) = ScenarioStore.list(in: folder, lenses: state.document.lenses)
            return .savedListed(
                OpenList(
                    entries: list, folder: displayPath(folder),
                    skipped: skipped.map { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0 }))
        case .export(let document):
            let scenario = document.scenario
            // The screen as the session draws it: the latest results, even while they refine.
            let screen = runtime.screen(state)
            let svg = SVGWriter.svg(
                screen, theme: state.view.theme, title: "TwoFutures: " + ShareToken.encode(scenario))
            let ensemble = state.results.ensembleScenario == scenario ? state.results.ensemble : nil
            do {
                let stem = try ScenarioStore.export(
                    RunDocument(analysis: runtime.analysis(for: scenario), ensemble: ensemble), svg: svg, in: folder)
                return .exported(.exported(stem: stem))
            } catch {
                return .exported(.failed("\(error)"))
            }
        case .copyToClipboard, .redraw, .quit:
            return nil
        }
    }
}
