import Foundation

/// `path` with the home folder written `~`: `~/.local/share/twofutures/scenarios`.
public func displayPath(_ path: String) -> String {
    let home = NSHomeDirectory()
    guard home.count > 1, path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
}
