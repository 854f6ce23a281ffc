import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file operation that failed, with the path and, where the system said why, its errno.
/// The description is one line, "cannot write PATH: Permission denied".
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file of that name exists and was not to be replaced.
    case exists(path: String)
    /// The file could not be opened or read.
    case cannotRead(path: String, errno: Int32)
    /// The file is not UTF-8 text.
    case notText(path: String)
    /// The folder, or one on the way to it, could not be made.
    case cannotCreateFolder(path: String, errno: Int32)
    /// No temporary file could be made in the folder (no permission, a full disk).
    case cannotWriteIn(folder: String, errno: Int32)
    /// Writing the file, syncing it or linking it into place failed.
    case cannotWrite(path: String, errno: Int32)
    /// Every name `run-1` … `run-10000` in the folder is taken.
    case tooManyExports(folder: String)

    /// The file or folder concerned.
    public var path: String {
        switch self {
        case .exists(let path), .cannotRead(let path, _), .notText(let path), .cannotCreateFolder(let path, _),
            .cannotWrite(let path, _):
            path
        case .cannotWriteIn(let folder, _), .tooManyExports(let folder): folder
        }
    }

    /// What went wrong, without the path: the system's words for the errno
    /// ("Permission denied"), or ours.
    public var reason: String {
        switch self {
        case .exists: "exists"
        case .cannotRead(_, let code), .cannotCreateFolder(_, let code), .cannotWriteIn(_, let code),
            .cannotWrite(_, let code):
            String(cString: strerror(code))
        case .notText: "not UTF-8 text"
        case .tooManyExports: "too many exports"
        }
    }

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists"
        case .cannotRead(let path, _): "cannot read \(path): \(reason)"
        case .notText(let path): "cannot read \(path): \(reason)"
        case .cannotCreateFolder(let path, _): "cannot create \(path): \(reason)"
        case .cannotWriteIn(let folder, _): "cannot write in \(folder): \(reason)"
        case .cannotWrite(let path, _): "cannot write \(path): \(reason)"
        case .tooManyExports(let folder): "too many exports in \(folder)"
        }
    }
}
