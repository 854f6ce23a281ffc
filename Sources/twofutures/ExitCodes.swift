import ArgumentParser

/// The exit statuses of sysexits.h that twofutures uses, by name.
extension ExitCode {
    /// EX_USAGE (64): a bad option, argument or value; ArgumentParser's own errors too.
    static let usage = ExitCode(64)
    /// EX_DATAERR (65): a file that was read but cannot be used (a bad scenario, theme or
    /// demo).
    static let dataError = ExitCode(65)
    /// EX_NOINPUT (66): a file that does not exist or cannot be read.
    static let noInput = ExitCode(66)
    /// EX_SOFTWARE (70): the program itself failed (a measurement of `bench` could not be
    /// made).
    static let software = ExitCode(70)
    /// EX_CANTCREAT (73): an output file that cannot be written.
    static let cantCreate = ExitCode(73)
}
