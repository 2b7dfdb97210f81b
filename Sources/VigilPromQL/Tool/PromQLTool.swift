/// The `vigil promql` subcommands as functions: text in, output and exit code out.
public enum PromQLTool {
    /// Checks `expression`: exit 0 and no output when valid, else exit 1 with every error
    /// printed as `error: MESSAGE`, the expression line and a caret line under the error.
    public static func check(expression: String, options: ParseOptions = ParseOptions(experimentalFunctions: true)) -> (output: String, exitCode: Int32) {
        let result = PromQL.parse(expression, options: options)
        if result.isValid { return ("", 0) }
        return (render(result.errors, in: expression), 1)
    }

    /// Prints the canonical (pretty) form of `expression` followed by a newline; exit 1 with the
    /// errors when it is invalid.
    public static func format(expression: String, options: ParseOptions = ParseOptions(experimentalFunctions: true)) -> (output: String, exitCode: Int32) {
        let result = PromQL.parse(expression, options: options)
        guard result.isValid, let expr = result.expr else { return (render(result.errors, in: expression), 1) }
        return (PromQLPrinter.pretty(expr) + "\n", 0)
    }

    /// Renders errors with the offending line of `source` and a caret line (`^~~~`) under each.
    public static func render(_ errors: [PromQLError], in source: String) -> String {
        var out = ""
        let bytes = Array(source.utf8)
        for e in errors {
            out += "error: " + e.message + "\n"
            out += annotate(bytes, e.range)
        }
        return out
    }

    /// The source line holding `range.lowerBound` and a caret line under the range.
    static func annotate(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let start = max(0, min(range.lowerBound, bytes.count))
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var line = Array(bytes[lineStart..<lineEnd])
        if line.last == 0x0D { line.removeLast() }
        let lineText = String(decoding: line, as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count
        let endInLine = max(start, min(range.upperBound, lineStart + line.count))
        let width = String(decoding: bytes[start..<endInLine], as: UTF8.self).unicodeScalars.count
        var caret = String(repeating: " ", count: column) + "^"
        if width > 1 { caret += String(repeating: "~", count: width - 1) }
        return lineText + "\n" + caret + "\n"
    }
}
