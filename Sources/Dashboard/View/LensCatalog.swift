import FuturesModel
import TOML

/// A lens file that cannot be used, as one line: "Lenses/x.toml:7: assumptions.control_leakage: …".
public typealias LensError = FileError

/// The lenses found, in search order (see Storage's `LensStore`): a lens overrides a later
/// one of the same id, so a user's `backfire.toml` replaces the shipped one. The
/// compiled-in `Lens.builtIn` fill in for any shipped id no folder provides, so the seven
/// are always there. A value: whatever reads the lens files hands their results in.
public struct LensCatalog: Sendable, Equatable {
    /// Every usable lens: the shipped seven in their order (essay, backfire, leaky,
    /// distillation, price, all-critics, optimist), then the others by name.
    public var lenses: [Lens]
    /// One line per lens file that could not be used.
    public var errors: [LensError]
    /// The bad files that come before any good one of their id in the search order: asking
    /// for that id by name reports the file rather than quietly taking a later one.
    var shadowing: [String: LensError]

    /// The catalog of `found`: each lens file's parsed lens or its error, first folder first.
    public init(found: [Result<Lens, LensError>]) {
        var byID = [String: Lens]()
        var errors = [LensError]()
        var shadowing = [String: LensError]()
        for result in found {
            switch result {
            case .success(let lens): if byID[lens.id] == nil { byID[lens.id] = lens }
            case .failure(let error):
                errors.append(error)
                let id = Self.id(path: error.path)
                if byID[id] == nil, shadowing[id] == nil { shadowing[id] = error }
            }
        }
        for lens in Lens.builtIn where byID[lens.id] == nil { byID[lens.id] = lens }
        let order = Lens.builtIn.map(\.id)
        lenses = byID.values.sorted { a, b in
            switch (order.firstIndex(of: a.id), order.firstIndex(of: b.id)) {
            case (let i?, let j?): i < j
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): (a.name, a.id) < (b.name, b.id)
            }
        }
        self.errors = errors
        self.shadowing = shadowing
    }

    /// The lens id of a file: its name without the folder and `.toml`.
    public static func id(path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return name.hasSuffix(".toml") ? String(name.dropLast(5)) : name
    }

    /// The compiled-in seven, for when no lens file is read at all.
    public static let builtIn = LensCatalog(found: [])

    /// The lens called `id`; else an error: a file of that id that cannot be used
    /// (`LensCatalog.Unusable`), or an `InputError` that lists the lenses found.
    public func lens(_ id: String) throws -> Lens {
        if let error = shadowing[id] { throw Unusable(id: id, error: error) }
        return try Lens.named(id, in: lenses)
    }

    /// A lens asked for by id whose file cannot be used.
    public struct Unusable: Error, Equatable, CustomStringConvertible {
        public var id: String
        public var error: LensError
        /// "lens 'leaky' cannot be used: Lenses/leaky.toml:7: …".
        public var description: String { "lens '\(id)' cannot be used: \(error)" }
    }
}
