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

    /// The scalar nodes holding secrets under `root`, with their field paths.
    public static func secretScalars(in root: Node) -> [(path: String, node: Node)] {
        var out: [(String, Node)] = []
        var stack: [(Node, String, String?, Int)] = [(root, "", nil, 0)]
        while let (n, path, parent, depth) = stack.popLast() {
            guard depth < 200 else { continue }
            switch n.content {
            case .scalar: continue
            case .sequence(let items):
                for (i, item) in items.enumerated().reversed() { stack.append((item, "\(path)[\(i)]", parent, depth + 1)) }
            case .mapping(let m):
                for p in m.pairs.reversed() {
                    guard let k = p.key.scalarText else { continue }
                    let sub = path.isEmpty ? k : "\(path).\(k)"
                    if isSecret(key: k, parent: parent), p.value.scalar != nil, !p.value.scalarText.isNilOrEmpty {
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
        var ranges: [SourceRange] = []
        for doc in loaded.documents {
            ranges += secretScalars(in: doc.root).map { $0.node.range }
        }
        guard !ranges.isEmpty else { return file }
        var bytes: [UInt8] = []
        var at = 0
        for r in ranges.sorted(by: { $0.start.offset < $1.start.offset }) where r.start.offset >= at && r.end.offset <= file.bytes.count {
            bytes += file.bytes[at..<r.start.offset]
            bytes += Array(Secret.redacted.utf8)
            bytes += file.bytes[r.start.offset..<r.end.offset].filter { $0 == 10 }
            at = r.end.offset
        }
        bytes += file.bytes[at...]
        return SourceFile(path: file.path, bytes: bytes)
    }
}

extension Optional where Wrapped == String {
    var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}
