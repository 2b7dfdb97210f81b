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
        isSecret(key: key, parent: parent) || urlHasPassword(value) || keyLooksSensitive(key)
    }

    /// The name-based part of `isSensitive` (the part worth remembering per key in a walk).
    static func keyLooksSensitive(_ key: String) -> Bool {
        let lower = key.lowercased()
        if lower.hasSuffix("_file") || lower.hasSuffix("_id") || lower == "type" || lower.contains("username") || lower.contains("identity") { return false }
        return sensitiveFragments.contains { lower.contains($0) }
    }

    /// Whether `text` is a URL whose user information carries a password (`https://u:p@host`).
    public static func urlHasPassword(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")), let schemeEnd = text.range(of: "://") else { return false }
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
        var byKey: [String: Bool] = [:]
        return scalars(in: root) { key, parent, value in
            if isSecret(key: key, parent: parent) || urlHasPassword(value) { return true }
            if let known = byKey[key] { return known }
            let looks = keyLooksSensitive(key)
            byKey[key] = looks
            return looks
        }
    }

    /// Where `document` holds values a report must not print, for `DecodeOutput.secrets`.
    public static func secretSpans(in document: Document) -> [SecretSpan] {
        sensitiveScalars(in: document.root).map { SecretSpan(file: document.file, range: $0.node.range, text: $0.node.scalarText) }
    }

    private static func scalars(in root: Node, where isHidden: (String, String?, String) -> Bool) -> [(path: String, node: Node)] {
        // Paths are built only for the scalars returned: each step remembers its parent step.
        var steps: [(parent: Int, key: String?, index: Int)] = []
        func path(_ step: Int) -> String {
            var chain: [Int] = []
            var i = step
            while i >= 0 { chain.append(i); i = steps[i].parent }
            var out = ""
            for j in chain.reversed() {
                if let k = steps[j].key { out += out.isEmpty ? k : "." + k } else { out += "[\(steps[j].index)]" }
            }
            return out
        }
        var found: [(Int, Node)] = []
        var stack: [(Node, Int, String?, Int)] = [(root, -1, nil, 0)]
        while let (n, step, parent, depth) = stack.popLast() {
            guard depth < 200 else { continue }
            switch n.content {
            case .scalar: continue
            case .sequence(let items):
                for (i, item) in items.enumerated().reversed() {
                    steps.append((step, nil, i))
                    // A list of URLs or keys under a secret field (`urls:`) is hidden item by item.
                    if item.scalar != nil, let key = parent, let text = item.scalarText, !text.isEmpty, isHidden(key, nil, text) {
                        found.append((steps.count - 1, item))
                        continue
                    }
                    stack.append((item, steps.count - 1, parent, depth + 1))
                }
            case .mapping(let m):
                for p in m.pairs.reversed() {
                    guard let k = p.key.scalarText else { continue }
                    steps.append((step, k, 0))
                    if p.value.scalar != nil, let text = p.value.scalarText, !text.isEmpty, isHidden(k, parent, text) {
                        found.append((steps.count - 1, p.value))
                    } else {
                        stack.append((p.value, steps.count - 1, k, depth + 1))
                    }
                }
            }
        }
        return found.sorted { $0.1.range.start.offset < $1.1.range.start.offset }.map { (path($0.0), $0.1) }
    }

    /// A copy of `file` whose secret values read `<redacted>` (line numbers unchanged), for
    /// printing source excerpts.
    public static func redact(_ file: SourceFile) -> SourceFile {
        let loaded = YAMLLoader.load(file)
        return file.redacting(loaded.documents.flatMap { secretSpans(in: $0) })
    }
}
