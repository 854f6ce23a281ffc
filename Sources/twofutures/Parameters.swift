import ArgumentParser
import FuturesModel

/// `twofutures parameters`: the levers and assumptions with their ids, ranges and units.
struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the levers and assumptions that --set accepts, as a Markdown table.")

    func run() throws {
        print(ParameterTable.markdown(), terminator: "")
    }
}
