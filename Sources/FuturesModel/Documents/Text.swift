/// The few string operations of full Foundation that the program uses, written on the
/// standard library so that the binary links only FoundationEssentials.
extension StringProtocol {
    /// Without whitespace (spaces, tabs, line breaks) at either end.
    public func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Without spaces at the end (a table row padded to its columns).
    public func droppingTrailingSpaces() -> String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}

extension String {
    /// Cut or padded with `pad` to `length` characters, as NSString's method of this name
    /// (for a one-character pad from its start).
    public func padding(toLength length: Int, withPad pad: String, startingAt: Int) -> String {
        if count >= length { return String(prefix(length)) }
        return self + String(repeating: pad, count: length - count)
    }
}
