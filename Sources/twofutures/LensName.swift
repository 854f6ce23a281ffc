import ArgumentParser
import Dashboard
import FuturesModel
import Storage

/// `--lens ID`: a lens id, checked against the lenses found when the command runs, so that
/// a bad one gets this program's one-line message (exit 64) like a `Checked` value. Lenses
/// are data, not a fixed list, so the shell completions ask the program (a custom
/// completion): they list the ids found then, in the folder of a `--lens-dir` given
/// earlier on the line too.
struct LensName: ExpressibleByArgument, Sendable {
    /// The id as given.
    let id: String

    init?(argument: String) { id = argument }

    var defaultValueDescription: String { id }

    static var defaultCompletionKind: CompletionKind {
        .custom { words, _, _ in completions(words) }
    }

    /// The lens ids found, for the words of a command line being completed.
    static func completions(_ words: [String]) -> [String] {
        var lensDir: String?
        for (i, word) in words.enumerated() {
            if word == "--lens-dir", i + 1 < words.count { lensDir = words[i + 1] }
            if word.hasPrefix("--lens-dir=") { lensDir = String(word.dropFirst("--lens-dir=".count)) }
        }
        return LensStore.catalog(lensDir: lensDir).lenses.map(\.id)
    }

    /// The lens this id names in `catalog`: an unknown id is an `InputError` (exit 64) that
    /// lists the lenses found; a file of that id that cannot be used exits 65 with its
    /// `FILE:LINE: …`.
    func lens(in catalog: LensCatalog) throws -> Lens {
        do {
            return try catalog.lens(id)
        } catch let error as LensCatalog.Unusable {
            throw ExitError(message: error.description, code: .dataError)
        }
    }
}
