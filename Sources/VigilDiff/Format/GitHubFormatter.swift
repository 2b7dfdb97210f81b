import VigilCore
/// GitHub Actions workflow annotations, one `::notice` per change, pointing at the line in
/// the new file (or the old one for removals):
/// `::notice file=k/deploy.yaml,line=9,col=13,title=vigil diff: changed::apps/v1 Deployment ns/api spec.replicas: 1 → 3`.
public struct GitHubFormatter: Sendable {
    public init() {}

    public func render(_ result: DiffResult) -> String {
        var out = ""
        for file in result.files {
            for doc in file.documents {
                for change in doc.changes {
                    var props: [String] = []
                    if let loc = change.location {
                        props.append("file=" + escapeProperty(loc.file))
                        props.append("line=\(loc.line)")
                        props.append("col=\(loc.column)")
                    } else {
                        props.append("file=" + escapeProperty(change.kind == .removed ? (file.oldPath ?? file.displayPath) : file.displayPath))
                    }
                    props.append("title=" + escapeProperty("vigil diff: \(change.kind.rawValue)"))
                    var message = doc.identity.description + " " + change.path.description + ": " + summary(change)
                    if file.status == .renamed, let from = file.oldPath { message += " (file renamed from \(from))" }
                    for note in change.notes { message += "\n" + note }
                    out += "::notice \(props.joined(separator: ","))::\(escapeData(message))\n"
                }
                if doc.changes.isEmpty, let from = doc.movedFrom {
                    out += "::notice file=\(escapeProperty(file.displayPath)),title=\(escapeProperty("vigil diff: moved"))::\(escapeData(doc.identity.description + " moved from " + from))\n"
                }
            }
            if file.status == .renamed, file.documents.isEmpty {
                out += "::notice file=\(escapeProperty(file.displayPath)),title=\(escapeProperty("vigil diff: renamed"))::\(escapeData("renamed from " + (file.oldPath ?? "?")))\n"
            }
        }
        return out
    }

    private func summary(_ change: Change) -> String {
        switch change.kind {
        case .changed: return ValueText.oneLine(change.old ?? .null) + " → " + ValueText.oneLine(change.new ?? .null)
        case .added: return "added " + ValueText.oneLine(change.new ?? .null)
        case .removed: return "removed " + ValueText.oneLine(change.old ?? .null)
        case .moved: return "moved from position \(change.oldIndex ?? 0) to \(change.newIndex ?? 0)"
        case .text:
            let deleted = change.lines.filter { $0.op == .delete }.count
            let inserted = change.lines.filter { $0.op == .insert }.count
            return "\(deleted) line\(deleted == 1 ? "" : "s") removed, \(inserted) added"
        }
    }

    func escapeData(_ s: String) -> String { GitHubReporter.escapeData(s) }
    func escapeProperty(_ s: String) -> String { GitHubReporter.escapeProperty(s) }
}
