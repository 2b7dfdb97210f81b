import ArgumentParser
import VigilPromQL

/// `vigil promql`: check or format a PromQL expression.
struct PromQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promql",
        abstract: "Check or format a PromQL expression.",
        subcommands: [Check.self, Format.self]
    )

    /// Reads `-` as standard input, else returns the argument itself.
    static func expression(_ argument: String) -> String {
        guard argument == "-" else { return argument }
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a PromQL expression (exit 0 valid, 1 invalid).")

        @Argument(help: "The expression, or - to read it from standard input.")
        var expr: String

        func run() throws {
            let (output, code) = PromQLTool.check(expression: PromQLCommand.expression(expr))
            if !output.isEmpty { print(output, terminator: "") }
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Format: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the canonical form of a PromQL expression.")

        @Argument(help: "The expression, or - to read it from standard input.")
        var expr: String

        func run() throws {
            let (output, code) = PromQLTool.format(expression: PromQLCommand.expression(expr))
            print(output, terminator: "")
            if code != 0 { throw ExitCode(code) }
        }
    }
}
