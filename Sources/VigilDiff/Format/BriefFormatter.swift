/// One line per differing file with its change counts, then a total:
///
/// ```
/// M kubernetes/deployment.yaml: 2 changed, 1 added
/// A grafana/latency.json: 1 added
/// R alertmanager/alertmanager.yml (from alertmanager/am.yml)
/// 3 files differ: 2 changed, 2 added, 0 removed, 0 moved
/// ```
/// Letters as in `git diff --name-status`: M modified, A added, D removed, R renamed.
public struct BriefFormatter: Sendable {
    public init() {}

    public func render(_ result: DiffResult) -> String {
        guard result.hasDifferences else { return "no differences between \(result.oldLabel) and \(result.newLabel)\n" }
        var out = ""
        for file in result.files {
            let letter: String
            switch file.status {
            case .modified: letter = "M"
            case .added: letter = "A"
            case .removed: letter = "D"
            case .renamed: letter = "R"
            }
            out += letter + " " + file.displayPath
            if file.status == .renamed { out += " (from \(file.oldPath ?? "?"))" }
            let c = file.counts
            var parts: [String] = []
            if c.changed > 0 { parts.append("\(c.changed) changed") }
            if c.added > 0 { parts.append("\(c.added) added") }
            if c.removed > 0 { parts.append("\(c.removed) removed") }
            if c.moved > 0 { parts.append("\(c.moved) moved") }
            if c.text > 0 { parts.append("\(c.text) text") }
            if !parts.isEmpty { out += ": " + parts.joined(separator: ", ") }
            out += "\n"
        }
        out += TextFormatter.summary(result.counts, files: result.files.count) + "\n"
        return out
    }
}
