import VigilCore

/// The human format, in the manner of dyff: per file, per document, one entry per change —
/// a marker and the path, then the old (`-`) and new (`+`) values indented below it.
///
/// ```
/// kubernetes/deployment.yaml
///   apps/v1 Deployment aurelis-production/aurelis
///     ± spec.replicas  (line 9)
///       - 1
///       + 3
/// ```
/// Markers: `±` changed, `+` added, `-` removed, `⇅` moved, `~` text lines changed.
/// Colour (red old, green new, yellow moves) only when asked for.
public struct TextFormatter: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ result: DiffResult) -> String {
        guard result.hasDifferences else { return "no differences between \(result.oldLabel) and \(result.newLabel)\n" }
        var out = paint("--- \(result.oldLabel)", "31") + "\n" + paint("+++ \(result.newLabel)", "32") + "\n"
        for file in result.files {
            out += "\n" + paint(file.displayPath, "1")
            switch file.status {
            case .added: out += paint("  (only in \(result.newLabel))", "32")
            case .removed: out += paint("  (only in \(result.oldLabel))", "31")
            case .renamed: out += paint("  (renamed from \(file.oldPath ?? "?"))", "33")
            case .modified: break
            }
            out += "\n"
            for doc in file.documents {
                out += "  " + paint(doc.identity.description, "36")
                switch doc.status {
                case .added: out += paint("  (added)", "32")
                case .removed: out += paint("  (removed)", "31")
                case .modified: break
                }
                if let from = doc.movedFrom { out += "  (was in \(from))" }
                out += "\n"
                for change in doc.changes { out += render(change) }
            }
        }
        let c = result.counts
        out += "\n" + summaryLine(c, files: result.files.count) + "\n"
        return out
    }

    /// `3 files differ: 2 changed, 1 added, 0 removed, 1 moved`.
    static func summary(_ c: ChangeCounts, files: Int) -> String {
        var parts = ["\(c.changed) changed", "\(c.added) added", "\(c.removed) removed", "\(c.moved) moved"]
        if c.text > 0 { parts.append("\(c.text) text") }
        return "\(files) file\(files == 1 ? "" : "s") differ\(files == 1 ? "s" : ""): " + parts.joined(separator: ", ")
    }

    private func summaryLine(_ c: ChangeCounts, files: Int) -> String { TextFormatter.summary(c, files: files) }

    func render(_ change: Change) -> String {
        let marker: String
        let code: String
        switch change.kind {
        case .changed: marker = "±"; code = "33"
        case .added: marker = "+"; code = "32"
        case .removed: marker = "-"; code = "31"
        case .moved: marker = "⇅"; code = "33"
        case .text: marker = "~"; code = "33"
        }
        var out = ""
        let indent = "      "
        if !change.path.isEmpty || change.kind == .changed || change.kind == .text {
            out += "    " + paint(marker, code) + " " + paint(change.path.description, "1")
            if let loc = change.location { out += paint("  (line \(loc.line)\(loc.side == .old ? " of old" : ""))", "2") }
            out += "\n"
        }
        let valueIndent = change.path.isEmpty && change.kind != .changed && change.kind != .text ? "    " : indent
        switch change.kind {
        case .changed:
            for l in ValueText.lines(change.old ?? .null) { out += indent + paint("- " + l, "31") + "\n" }
            for l in ValueText.lines(change.new ?? .null) { out += indent + paint("+ " + l, "32") + "\n" }
        case .added:
            for l in ValueText.lines(change.new ?? .null) { out += valueIndent + paint("+ " + l, "32") + "\n" }
        case .removed:
            for l in ValueText.lines(change.old ?? .null) { out += valueIndent + paint("- " + l, "31") + "\n" }
        case .moved:
            out += indent + "moved from position \(change.oldIndex ?? 0) to \(change.newIndex ?? 0)\n"
        case .text:
            var last: LineEdit?
            for e in change.lines {
                if let l = last, let a = l.oldLine ?? l.newLine, let b = e.oldLine ?? e.newLine, b > a + 1, l.op == .keep || e.op == .keep {
                    out += indent + paint("…", "2") + "\n"
                }
                switch e.op {
                case .keep: out += indent + "  " + e.text + "\n"
                case .delete: out += indent + paint("- " + e.text, "31") + "\n"
                case .insert: out += indent + paint("+ " + e.text, "32") + "\n"
                }
                last = e
            }
        }
        for note in change.notes { out += valueIndent + paint("# " + note, "2") + "\n" }
        return out
    }
}
