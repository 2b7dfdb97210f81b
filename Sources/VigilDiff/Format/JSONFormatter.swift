import VigilCore

/// The machine format, a stable interface (documented in the README):
///
/// ```json
/// {
///   "old": "staging", "new": "production",
///   "files": [
///     {"status": "modified", "old": "k/deploy.yaml", "new": "k/deploy.yaml",
///      "documents": [
///        {"id": "apps/v1 Deployment ns/api", "status": "modified", "movedFrom": null,
///         "apiVersion": "apps/v1", "kind": "Deployment", "namespace": "ns", "name": "api",
///         "changes": [
///           {"kind": "changed", "path": "spec.replicas", "old": 1, "new": 3,
///            "notes": [], "redacted": false, "line": 9, "column": 13}
///         ]}
///      ]}
///   ],
///   "summary": {"files": 1, "documents": 1, "changed": 1, "added": 0, "removed": 0, "moved": 0, "text": 0}
/// }
/// ```
/// `kind` is `added`, `removed`, `changed`, `moved` (with `from` and `to` positions) or
/// `text` (with `lines`: `{"op": " "|"-"|"+", "text", "old", "new"}`). `old`/`new` are JSON
/// values; secrets are the string `"<redacted>"`. `line`/`column` point into the new file
/// (the old one for removals; `"side"` says which). Documents that are not Kubernetes objects
/// carry `"index"` instead of the object fields; Logstash pipelines (`"id": "logstash pipeline"`)
/// and files compared as text (`"id": "text"`) carry neither.
public struct JSONFormatter: Sendable {
    public init() {}

    public func render(_ result: DiffResult) -> String {
        var out = "{\n"
        out += "  \"old\": \(q(result.oldLabel)),\n  \"new\": \(q(result.newLabel)),\n"
        out += "  \"files\": ["
        var documents = 0
        for (fi, file) in result.files.enumerated() {
            out += fi == 0 ? "\n" : ",\n"
            out += "    {\"status\": \(q(file.status.rawValue)), \"old\": \(opt(file.oldPath)), \"new\": \(opt(file.newPath)), \"documents\": ["
            for (di, doc) in file.documents.enumerated() {
                documents += 1
                out += di == 0 ? "\n" : ",\n"
                out += "      {\"id\": \(q(doc.identity.description)), \"status\": \(q(doc.status.rawValue)), \"movedFrom\": \(opt(doc.movedFrom))"
                switch doc.identity {
                case .kubernetes(let apiVersion, let kind, let namespace, let name):
                    out += ", \"apiVersion\": \(q(apiVersion)), \"kind\": \(q(kind)), \"namespace\": \(opt(namespace)), \"name\": \(q(name))"
                case .document(let index):
                    out += ", \"index\": \(index)"
                case .logstash, .text:
                    break
                }
                out += ", \"changes\": ["
                for (ci, change) in doc.changes.enumerated() {
                    out += ci == 0 ? "\n" : ",\n"
                    out += "        " + render(change)
                }
                out += doc.changes.isEmpty ? "]}" : "\n      ]}"
            }
            out += file.documents.isEmpty ? "]}" : "\n    ]}"
        }
        out += result.files.isEmpty ? "],\n" : "\n  ],\n"
        let c = result.counts
        out += "  \"summary\": {\"files\": \(result.files.count), \"documents\": \(documents), \"changed\": \(c.changed), \"added\": \(c.added), \"removed\": \(c.removed), \"moved\": \(c.moved), \"text\": \(c.text)}\n"
        out += "}\n"
        return out
    }

    func render(_ change: Change) -> String {
        var fields = ["\"kind\": \(q(change.kind.rawValue))", "\"path\": \(q(change.path.description))"]
        if let old = change.old { fields.append("\"old\": \(value(old))") }
        if let new = change.new { fields.append("\"new\": \(value(new))") }
        if change.kind == .moved {
            fields.append("\"from\": \(change.oldIndex ?? 0)")
            fields.append("\"to\": \(change.newIndex ?? 0)")
        }
        if change.kind == .text || !change.lines.isEmpty {
            let lines = change.lines.map { e in
                "{\"op\": \(q(e.op.rawValue)), \"text\": \(q(e.text)), \"old\": \(e.oldLine.map(String.init) ?? "null"), \"new\": \(e.newLine.map(String.init) ?? "null")}"
            }
            fields.append("\"lines\": [" + lines.joined(separator: ", ") + "]")
        }
        fields.append("\"notes\": [" + change.notes.map(q).joined(separator: ", ") + "]")
        fields.append("\"redacted\": \(change.isRedacted)")
        if let loc = change.location {
            fields.append("\"side\": \(q(loc.side.rawValue))")
            fields.append("\"line\": \(loc.line)")
            fields.append("\"column\": \(loc.column)")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func q(_ s: String) -> String { JSONEmitter.quoted(s) }
    private func opt(_ s: String?) -> String { s.map(q) ?? "null" }

    private func value(_ node: Node) -> String {
        (try? JSONEmitter(pretty: false).emit(node)) ?? q(ValueText.oneLine(node))
    }
}
