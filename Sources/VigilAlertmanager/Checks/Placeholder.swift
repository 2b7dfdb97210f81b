import VigilCore

/// Values left over from an example or template: `YOUR_API_KEY`, `example.com`, `XXX`,
/// `changeme`, `<channel>`.
public struct Placeholder: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/placeholder", severity: .warning,
        summary: "A receiver or global setting still holds a placeholder (`YOUR_…`, `example.com`, `XXX`, `changeme`, `<…>`).",
        rationale: "Configs copied from documentation load fine and route alerts to addresses and keys that do not exist: nobody is notified and nothing fails until the incident.",
        triggering: [
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    email_configs:\n      - to: oncall@example.com\n        smarthost: smtp.internal:25\n        from: am@corp.internal\n"),
            RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    opsgenie_configs:\n      - api_key: YOUR_OPSGENIE_KEY\n"),
        ],
        nonTriggering: [RuleExample("route:\n  receiver: team\nreceivers:\n  - name: team\n    email_configs:\n      - to: oncall@corp.internal\n        smarthost: smtp.corp.internal:25\n        from: am@corp.internal\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigArtifact.self) {
            for key in ["global", "receivers"] {
                guard let node = a.root.mapping?[key] else { continue }
                Placeholder.walk(node, path: key, parent: nil, depth: 0) { path, leafKey, parent, value in
                    guard let text = value.scalarText, Placeholder.looksLikePlaceholder(text) else { return }
                    let secret = AlertmanagerRedaction.isSensitive(key: leafKey, parent: parent, value: text)
                    let shown = secret ? Secret.redacted : "\"\(text.count > 60 ? String(text.prefix(60)) + "…" : text)\""
                    report.add("\(path) looks like a placeholder (\(shown))", in: a.file, at: value.range,
                               hint: "replace it with the real value, or remove the integration until it exists")
                }
            }
        }
    }

    static func walk(_ n: Node, path: String, parent: String?, depth: Int, _ visit: (String, String, String?, Node) -> Void) {
        guard depth < 64 else { return }
        switch n.content {
        case .scalar: return
        case .sequence(let items):
            for (i, item) in items.enumerated() { walk(item, path: "\(path)[\(i)]", parent: parent, depth: depth + 1, visit) }
        case .mapping(let m):
            for p in m.pairs {
                guard let k = p.key.scalarText else { continue }
                if p.value.scalar != nil { visit("\(path).\(k)", k, parent, p.value) } else { walk(p.value, path: "\(path).\(k)", parent: k, depth: depth + 1, visit) }
            }
        }
    }

    static let words = ["changeme", "change_me", "change-me", "replace_me", "replaceme", "replace-me", "todo", "fixme", "placeholder", "your_", "your-", "<your", "insert_"]
    static let exampleDomains = ["example.com", "example.org", "example.net", ".example", ".invalid"]

    /// Whether a value reads like a placeholder rather than a real setting.
    public static func looksLikePlaceholder(_ s: String) -> Bool {
        let lower = s.lowercased()
        if lower.isEmpty || s.contains("{{") { return false }
        if words.contains(where: { lower.hasPrefix($0) || lower.contains("/" + $0) || lower == $0.trimmingCharacters(in: ["_", "-"]) }) { return true }
        if lower.contains("xxx") { return true }
        if s.hasPrefix("<") && s.hasSuffix(">") && s.count > 2 { return true }
        let host = Placeholder.host(of: lower)
        if let host, exampleDomains.contains(where: { host == $0 || host.hasSuffix($0.hasPrefix(".") ? $0 : "." + $0) || host == $0 }) { return true }
        if s.allSatisfy({ $0 == "*" || $0 == "x" || $0 == "X" || $0 == "0" }) && s.count >= 4 { return true }
        return false
    }

    /// The host of a URL, an email address or a `host:port`.
    static func host(of s: String) -> String? {
        var rest = Substring(s)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != ">" && $0 != " " }
        return host.contains(".") ? String(host) : nil
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
