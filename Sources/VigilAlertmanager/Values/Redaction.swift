import VigilCore

/// Finds and hides secret values in Alertmanager configs, so reports that print source lines
/// or values show `<redacted>` instead.
public enum AlertmanagerRedaction {
    /// Keys whose values are credentials wherever they appear.
    public static let secretKeys: Set<String> = [
        "smtp_auth_password", "smtp_auth_secret", "slack_api_url", "opsgenie_api_key", "wechat_api_secret",
        "victorops_api_key", "auth_password", "auth_secret", "service_key", "routing_key", "api_key", "bot_token",
        "token", "user_key", "api_secret", "password", "credentials", "bearer_token", "client_secret", "secret_key",
    ]
    /// Keys that are credentials inside one integration only (webhook URLs carry tokens).
    public static let secretKeysByParent: [String: Set<String>] = [
        "slack_configs": ["api_url"], "webhook_configs": ["url"], "discord_configs": ["webhook_url"],
        "msteams_configs": ["webhook_url"], "msteamsv2_configs": ["webhook_url"], "tls_config": ["key"],
    ]

    /// Whether `key`, found in a mapping under the list or mapping `parent`, holds a secret.
    public static func isSecret(key: String, parent: String?) -> Bool {
        if secretKeys.contains(key) { return true }
        if let parent, secretKeysByParent[parent]?.contains(key) ?? false { return true }
        return false
    }

    /// Key fragments that mark a value as sensitive for printing, even under a key Alertmanager
    /// does not know (a misspelt `api_kye:` still holds a key).
    static let sensitiveFragments = ["password", "passwd", "secret", "token", "credential", "api_key", "apikey", "_key", "auth", "webhook"]

    /// Whether a value under `key` (in `parent`) must not be printed: a known secret field, a
    /// key that reads like one, or a URL with a password in it.
    public static func isSensitive(key: String, parent: String?, value: String) -> Bool {
        if isSecret(key: key, parent: parent) || urlHasPassword(value) { return true }
        let lower = key.lowercased()
        if lower.hasSuffix("_file") || lower.hasSuffix("_id") || lower == "type" || lower.contains("username") || lower.contains("identity") { return false }
        return sensitiveFragments.contains { lower.contains($0) }
    }

    /// Whether `text` is a URL whose user information carries a password (`https://u:p@host`).
    public static func urlHasPassword(_ text: String) -> Bool {
        guard let schemeEnd = text.range(of: "://") else { return false }
        let authority = text[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        return authority[..<at].contains(":")
    }

    /// The scalar nodes holding secrets under `root`, with their field paths: the fields
    /// `alertmanager/plaintext-secret` reports (known secret fields, URLs with a password).
    public static func secretScalars(in root: Node) -> [(path: String, node: Node)] {
        scalars(in: root) { key, parent, value in isSecret(key: key, parent: parent) || urlHasPassword(value) }
    }

    /// Every scalar node a report must not print (`secretScalars` and more, see `isSensitive`).
    public static func sensitiveScalars(in root: Node) -> [(path: String, node: Node)] {
        scalars(in: root) { key, parent, value in isSensitive(key: key, parent: parent, value: value) }
    }

    /// Where `document` holds values a report must not print, for `DecodeOutput.secrets`.
    public static func secretSpans(in document: Document) -> [SecretSpan] {
        sensitiveScalars(in: document.root).map { SecretSpan(file: document.file, range: $0.node.range, text: $0.node.scalarText) }
    }

    private static func scalars(in root: Node, where isHidden: (String, String?, String) -> Bool) -> [(path: String, node: Node)] {
        var out: [(String, Node)] = []
        var stack: [(Node, String, String?, Int)] = [(root, "", nil, 0)]
        while let (n, path, parent, depth) = stack.popLast() {
            guard depth < 200 else { continue }
            switch n.content {
            case .scalar: continue
            case .sequence(let items):
                for (i, item) in items.enumerated().reversed() {
                    // A list of URLs or keys under a secret field (`urls:`) is hidden item by item.
                    if item.scalar != nil, let text = item.scalarText, !text.isEmpty, let key = parent,
                       isHidden(key, nil, text) {
                        out.append(("\(path)[\(i)]", item))
                        continue
                    }
                    stack.append((item, "\(path)[\(i)]", parent, depth + 1))
                }
            case .mapping(let m):
                for p in m.pairs.reversed() {
                    guard let k = p.key.scalarText else { continue }
                    let sub = path.isEmpty ? k : "\(path).\(k)"
                    if p.value.scalar != nil, let text = p.value.scalarText, !text.isEmpty, isHidden(k, parent, text) {
                        out.append((sub, p.value))
                    } else {
                        stack.append((p.value, sub, k, depth + 1))
                    }
                }
            }
        }
        return out.sorted { $0.1.range.start.offset < $1.1.range.start.offset }
    }

    /// A copy of `file` whose secret values read `<redacted>` (line numbers unchanged), for
    /// printing source excerpts.
    public static func redact(_ file: SourceFile) -> SourceFile {
        let loaded = YAMLLoader.load(file)
        return file.redacting(loaded.documents.flatMap { secretSpans(in: $0) })
    }
}
