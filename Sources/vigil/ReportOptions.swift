import ArgumentParser
import Foundation
import Vigil

/// Report formats of `vigil lint`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

/// Whether to colour text output: only on a terminal, and never with `NO_COLOR` set.
enum Terminal {
    static var wantsColor: Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Writes text to standard output without an extra newline.
func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
