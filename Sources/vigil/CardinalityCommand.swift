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

    @Argument(help: "A metric catalogue file (`kind: MetricCatalogue`) or a stack file (`kind: Stack`), or `-`.")
    var path: String

    @Option(name: .long, help: "Scrape targets (replicas) per job (default: the stack's replicas, else 1).")
    var targets: Int?

    @Option(name: .long, help: "For a stack file: the environment whose replicas count.")
    var env: String?

    @Flag(name: .long, help: "List the built-in exporter catalogues instead.")
    var listBuiltins = false

    func validate() throws {
        if let targets, targets < 1 { throw ValidationError("--targets must be at least 1") }
    }

    func run() throws {
        if listBuiltins {
            for name in BuiltinCatalogues.names { write("\(name)\n") }
            return
        }
        let file = try readInput(path)
        let reporter = TextReporter(color: false)
        let isStack = YAMLLoader.load(file).documents.first?.root["kind"]?.scalarText == "Stack"
        var catalogue: MetricCatalogue?
        var problems: [Diagnostic]
        var jobs: [CardinalityReport.Job]?
        if isStack {
            let (resolved, p) = StackLoader.load(file, environment: env, readFile: StackFiles.reader(relativeTo: file.path))
            problems = p
            if let resolved {
                catalogue = resolved.catalogue
                let service = resolved.stack.service
                jobs = [CardinalityReport.Job(name: service.name, targets: targets ?? service.replicas ?? 1, metrics: resolved.catalogue.metrics.map(\.name))]
            }
        } else {
            (catalogue, problems) = MetricCatalogueKind.load(file)
        }
        for p in problems { printError(reporter.render(p, file: file)) }
        guard let catalogue, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(2) }
        let report = CardinalityReport(catalogue: catalogue, jobs: jobs, targets: targets ?? 1)
        write(report.table())
        let budget = catalogue.budgets?.metric ?? CardinalityBudgets.defaultMetric
        let over = report.estimates.contains { (report.total(of: $0) ?? Int.max) > budget }
        if over { throw ExitCode(1) }
    }
}

/// Reads a file argument (`-` is standard input) as a `SourceFile`, or exits 2 with a message.
func readInput(_ path: String) throws -> SourceFile {
    switch SourceFile.read(path) {
    case .success(let file): return file
    case .failure(let error):
        printError("vigil: cannot read \(error)")
        throw ExitCode(2)
    }
}
