/// The human format: one finding per block, `path:line:col: severity[rule]: message`, the
/// source line with a caret under the range, then the hint and notes.
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    private func severityLabel(_ s: Severity) -> String {
        switch s {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .info: return paint("info", "1;36")
        }
    }

    public func render(_ result: LintResult) -> String {
        var out = ""
        for d in result.diagnostics {
            out += render(d, file: result.files[d.file])
        }
        out += summary(result)
        return out
    }

    public func render(_ d: Diagnostic, file: SourceFile?) -> String {
        var out = ""
        let loc = d.range.map { "\(d.file):\($0.start.line):\($0.start.column)" } ?? d.file
        out += "\(paint(loc, "1")): \(severityLabel(d.severity))[\(d.rule)]: \(d.message)\n"
        if let r = d.range, let file, r.start.line >= 1, r.start.line <= file.lineCount {
            out += sourceExcerpt(file: file, range: r)
        }
        if let hint = d.hint {
            out += "  \(paint("hint", "1;32")): \(hint)\n"
        }
        for n in d.notes {
            let where_ = n.range.map { "\(n.file ?? d.file):\($0.start.line):\($0.start.column): " } ?? ""
            out += "  \(paint("note", "1;34")): \(where_)\(n.message)\n"
        }
        return out
    }

    func sourceExcerpt(file: SourceFile, range r: SourceRange) -> String {
        let lineStart = file.lineStarts[r.start.line - 1]
        let lineEnd = r.start.line < file.lineCount ? file.lineStarts[r.start.line] : file.bytes.count
        if lineEnd - lineStart > Self.longLine {
            return longLineExcerpt(file: file, range: r, lineStart: lineStart, lineEnd: lineEnd)
        }
        let line = file.lineText(r.start.line)
        let shown = line.count > 200 ? String(line.prefix(200)) + "…" : line
        let number = String(r.start.line)
        let gutter = String(repeating: " ", count: number.count)
        // Caret under the range: to its end on the same line, else one character.
        let startCol = max(1, r.start.column)
        var width = 1
        if r.end.line == r.start.line, r.end.column > r.start.column { width = r.end.column - r.start.column }
        let lineLength = shown.count
        width = max(1, min(width, max(1, lineLength - startCol + 1)))
        // Keep tabs in the padding so the caret lines up under them.
        var pad = ""
        for (i, ch) in shown.enumerated() where i < startCol - 1 { pad.append(ch == "\t" ? "\t" : " ") }
        if startCol - 1 > shown.count { pad += String(repeating: " ", count: startCol - 1 - shown.count) }
        let caret = "^" + String(repeating: "~", count: width - 1)
        return " \(number) | \(shown)\n \(gutter) | \(pad)\(paint(caret, "1;32"))\n"
    }

    /// Lines longer than this many bytes (minified JSON) are shown as a window around the column.
    static let longLine = 1000

    /// The part of a long line around the range, cut at both ends with "…", so a diagnostic on a
    /// 50 MB single-line file prints one short line instead of the file.
    func longLineExcerpt(file: SourceFile, range r: SourceRange, lineStart: Int, lineEnd: Int) -> String {
        let bytes = file.bytes
        var start = r.start.offset
        if start < lineStart || start > lineEnd {
            start = file.position(line0: r.start.line - 1, column0: max(0, r.start.column - 1)).offset
        }
        start = min(max(start, lineStart), lineEnd)
        func boundary(_ i: Int) -> Int {
            var j = i
            while j < lineEnd && bytes[j] & 0xC0 == 0x80 { j += 1 }
            return j
        }
        let from = start - lineStart > 80 ? boundary(start - 60) : lineStart
        let to = lineEnd - from > 200 ? boundary(max(start + 1, from + 200)) : lineEnd
        var body = String(decoding: bytes[from..<to], as: UTF8.self)
        while body.hasSuffix("\n") || body.hasSuffix("\r") { body.removeLast() }
        let lead = from > lineStart ? "…" : ""
        let shown = lead + body + (to < lineEnd ? "…" : "")
        var pad = lead.isEmpty ? "" : " "
        for ch in String(decoding: bytes[from..<start], as: UTF8.self) { pad.append(ch == "\t" ? "\t" : " ") }
        var width = 1
        if r.end.line == r.start.line, r.end.offset > start {
            width = String(decoding: bytes[start..<min(r.end.offset, to)], as: UTF8.self).unicodeScalars.count
        }
        let caret = "^" + String(repeating: "~", count: max(0, width - 1))
        let number = String(r.start.line)
        let gutter = String(repeating: " ", count: number.count)
        return " \(number) | \(shown)\n \(gutter) | \(pad)\(paint(caret, "1;32"))\n"
    }

    public func summary(_ result: LintResult) -> String {
        let e = result.count(.error), w = result.count(.warning), i = result.count(.info)
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let files = plural(result.fileCount, "file")
        if e + w + i == 0 { return "No problems found in \(files).\n" }
        return "\(plural(e, "error")), \(plural(w, "warning")), \(plural(i, "info")) in \(files).\n"
    }
}
