import Dashboard
import FuturesModel
import Shell

/// The dashboard's file effects, carried out in the saved-scenarios folder.
struct EffectRunner: EffectPerformer {
    /// The folder scenarios are saved in, listed from and exported to.
    var folder = AtomicFile.scenariosDirectory

    func perform(_ effect: Effect, analysis: Analysis) -> Action? {
        switch effect {
        case .save(let request, let scenario):
            do {
                let path = try AtomicFile.save(request, scenario: scenario)
                return .saveFinished(.saved(path: path, replaced: request.overwrite))
            } catch is AtomicFile.Exists {
                return .saveFinished(.exists(request))
            } catch {
                return .saveFinished(.failed("\(error)"))
            }
        case .listSaved:
            let (list, skipped) = AtomicFile.savedScenarios()
            return .savedListed(
                OpenList(
                    entries: list, folder: AtomicFile.displayPath(folder),
                    skipped: skipped.map { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0 }))
        case .export(let scenario, let ensemble):
            let run = analysis.scenario == scenario ? analysis : Analysis(scenario)
            do {
                let stem = try AtomicFile.export(Document(analysis: run, ensemble: ensemble), in: folder)
                return .exported(.exported(stem: stem))
            } catch {
                return .exported(.failed("\(error)"))
            }
        case .copyToClipboard, .redraw, .quit:
            return nil
        }
    }
}
