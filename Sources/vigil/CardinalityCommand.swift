import ArgumentParser
import Foundation
import Vigil

/// `vigil cardinality CATALOGUE`: the series estimate per metric and per job.
struct CardinalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardinality",
        abstract: "Estimate the series a metric catalogue produces, per metric and per job.",
        discussion: "Series per metric = product of its label domains × histogram/summary series × targets. Exit status: 0 within budgets, 1 over a budget or unbounded, 2 trouble."
    )

    @Argument(help: "A metric catalogue file (`kind: MetricCatalogue`), or `-`.")
    var path: String

    @Option(name: .long, help: "Scrape targets (replicas) per job.")
    var targets: Int = 1

    @Flag(name: .long, help: "List the built-in exporter catalogues instead.")
    var listBuiltins = false

    func validate() throws {
        if targets < 1 { throw ValidationError("--targets must be at least 1") }
    }

    func run() throws {
        if listBuiltins {
            for name in BuiltinCatalogues.names { write("\(name)\n") }
            return
        }
        let file = try readInput(path)
        let (catalogue, problems) = MetricCatalogueKind.load(file)
        let reporter = TextReporter(color: false)
        for p in problems { printError(reporter.render(p, file: file)) }
        guard let catalogue, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(2) }
        let report = CardinalityReport(catalogue: catalogue, targets: targets)
        write(report.table())
        let budget = catalogue.budgets?.metric ?? CardinalityBudgets.defaultMetric
        let over = report.estimates.contains { (report.total(of: $0) ?? Int.max) > budget }
        if over { throw ExitCode(1) }
    }
}

/// Reads a file argument (`-` is standard input) as a `SourceFile`, or exits 2 with a message.
func readInput(_ path: String) throws -> SourceFile {
    if path == "-" {
        return SourceFile(path: "-", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("vigil: cannot read \(path)")
        throw ExitCode(2)
    }
    return SourceFile(path: path, bytes: [UInt8](data))
}
