import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `path` with the home folder written `~`: `~/.local/share/twofutures/scenarios`.
public func displayPath(_ path: String) -> String {
    let home = Files.home
    guard home.count > 1, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
}
