import VigilCore

/// Recognises strings that hold documents of their own: ConfigMap values such as
/// `prometheus.yml`, `alert.rules.yaml`, `alertmanager.yml`, `dashboard.json` (parsed and
/// compared structurally), and Logstash pipelines (`*.conf`, compared by their syntax tree,
/// see `LogstashTree`).
public enum EmbeddedContent {
    public enum Kind: Sendable, Hashable {
        /// A Logstash pipeline; compared line by line when it does not parse.
        case logstash
        case yaml, json, text
    }

    /// What the string `text`, the value of `key`, holds; nil for an ordinary string.
    public static func kind(forKey key: String, text: String) -> Kind? {
        let lower = key.lowercased()
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".rules") { return .yaml }
        if lower.hasSuffix(".json") { return .json }
        if LogstashTree.isPipelineName(lower) { return .logstash }
        return nil
    }

    /// Whether a string that names no format still looks like a JSON document (a dashboard
    /// pasted into a value without a file name).
    static func looksLikeJSONDocument(_ text: String) -> Bool {
        guard text.contains("\n") else { return false }
        let t = text.trimmed(" \t\n\r")
        return (t.hasPrefix("{") && t.hasSuffix("}")) || (t.hasPrefix("[") && t.hasSuffix("]"))
    }
}
