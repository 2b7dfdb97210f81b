import VigilCore

/// Decides which values are secret and replaces them by `<redacted>` before anything is shown.
///
/// Secret are:
/// - everything under a Kubernetes Secret's `data` and `stringData`, and under Grafana's
///   `secureJsonData`;
/// - values of keys named like credentials: `password`, `*password`, `token`, `*_token`,
///   `bearerToken`, `secret`, `*_secret`, `clientSecret`, `*_key` (Alertmanager `routing_key`,
///   `service_key`, `api_key`), `credentials`, `authorization`, `auth` (but not `*_file` or
///   `*Path` keys, which name files);
/// - URLs of notification integrations: `url`/`*_url` inside any Alertmanager `*_configs`
///   section, and any `*_url` key mentioning slack, webhook, pagerduty, opsgenie, victorops,
///   teams, discord or telegram (`slack_api_url`);
/// - the `value` of an environment variable whose `name` looks like a credential
///   (`DB_PASSWORD`, `API_TOKEN`, `SLACK_WEBHOOK_URL`);
/// - the password part of any URL with user information (`https://user:pw@host`).
///
/// Comparison always sees the real values (so a changed secret is reported), only output
/// is masked.
public enum SecretPolicy {
    /// The placeholder printed instead of a secret.
    public static let placeholder = "<redacted>"
    /// The note attached to a change of a secret value.
    public static let differsNote = "secret value differs (values redacted)"
    /// The note attached to an added or removed subtree that contained secrets.
    public static let redactedNote = "secret values redacted"

    /// Where in a document a value is, as far as secrecy is concerned.
    public enum Scope: Sendable, Hashable {
        /// Nothing special.
        case plain
        /// Inside an Alertmanager notification section (`slack_configs`, `webhook_configs`…).
        case receiver
        /// Everything below is secret (Secret `data`, `stringData`, `secureJsonData`).
        case secret
    }

    /// The scope below `key`, entered from `scope`. `documentKind` is the Kubernetes kind of the
    /// document and `depth` the number of keys above `key` (0 for a top-level key).
    public static func scope(below key: String, from scope: Scope, documentKind: String?, depth: Int) -> Scope {
        if scope == .secret { return .secret }
        if depth == 0, documentKind == "Secret", key == "data" || key == "stringData" { return .secret }
        if key == "secureJsonData" { return .secret }
        if key.hasSuffix("_configs"), receiverSections.contains(key) { return .receiver }
        return scope
    }

    static let receiverSections: Set<String> = [
        "email_configs", "slack_configs", "webhook_configs", "pagerduty_configs", "opsgenie_configs",
        "victorops_configs", "pushover_configs", "wechat_configs", "sns_configs", "telegram_configs",
        "discord_configs", "msteams_configs", "msteamsv2_configs", "webex_configs", "jira_configs",
        "rocketchat_configs",
    ]

    /// Whether the scalar value of `key` in `scope` is secret.
    public static func isSecret(key: String?, scope: Scope) -> Bool {
        if scope == .secret { return true }
        guard let key else { return false }
        if isCredentialName(key) { return true }
        let lower = key.lowercased()
        if scope == .receiver, lower == "url" || lower.hasSuffix("_url") { return true }
        return false
    }

    /// Whether a key or variable name looks like it holds a credential.
    public static func isCredentialName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix("_file") || lower.hasSuffix("file") || lower.hasSuffix("path") || lower.hasSuffix("ref") || lower.hasSuffix("name") { return false }
        if lower.hasSuffix("password") || lower.hasSuffix("passwd") || lower.hasSuffix("token") || lower.hasSuffix("secret") { return true }
        if lower.hasSuffix("_key") || lower.hasSuffix("apikey") || lower.hasSuffix("api-key") || lower.hasSuffix("privatekey") || lower.hasSuffix("secretkey") { return true }
        if lower == "auth" || lower.hasSuffix("_auth") || lower == "credentials" || lower.hasSuffix("_credentials") || lower == "authorization" { return true }
        if lower.hasSuffix("url") {
            for word in ["slack", "webhook", "pagerduty", "opsgenie", "victorops", "teams", "discord", "telegram"] where lower.contains(word) {
                return true
            }
        }
        return false
    }

    /// Whether a mapping is an environment variable (`name`, `value`) holding a credential; its
    /// `value` is then secret.
    static func isCredentialVariable(_ m: Mapping) -> Bool {
        guard m.count <= 4, let name = m["name"]?.scalarText, m["value"] != nil else { return false }
        return isCredentialName(name)
    }

    /// Masks the password of a URL with user information; nil when there is nothing to mask.
    static func maskedURLUserInfo(_ text: String) -> String? {
        guard let scheme = text.firstRange(of: "://") else { return nil }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(text[..<colon]) + ":" + placeholder + String(text[at...])
    }

    /// A copy of `node` with every secret replaced, and whether anything was replaced.
    ///
    /// `key` is the key `node` is the value of; strings holding embedded YAML or JSON are
    /// parsed, redacted and printed again, Logstash pipelines are redacted line by line.
    public static func redact(_ node: Node, key: String?, scope: Scope, documentKind: String?, depth: Int) -> (Node, Bool) {
        guard depth < 400 else { return (Node.string(placeholder), true) }
        switch node.content {
        case .scalar(let s):
            if isSecret(key: key, scope: scope) { return (Node.string(placeholder, range: node.range), true) }
            if node.resolvedScalar == .string {
                if let key, let kind = EmbeddedContent.kind(forKey: key, text: s.text) {
                    if let redacted = redactEmbedded(s.text, kind: kind, documentKind: nil) {
                        return (Node(.scalar(Scalar(redacted.0, style: redacted.0.contains("\n") ? .literal : s.style)), tag: node.tag, range: node.range), redacted.1)
                    }
                }
                if let masked = maskedURLUserInfo(s.text) {
                    return (Node(.scalar(Scalar(masked, style: s.style)), tag: node.tag, range: node.range), true)
                }
            }
            return (node, false)
        case .sequence(let items):
            var any = false
            var out: [Node] = []
            out.reserveCapacity(items.count)
            for item in items {
                let (r, changed) = redact(item, key: key, scope: scope, documentKind: documentKind, depth: depth + 1)
                any = any || changed
                out.append(r)
            }
            return any ? (Node(.sequence(out), tag: node.tag, range: node.range), true) : (node, false)
        case .mapping(let m):
            var any = false
            var pairs: [Pair] = []
            pairs.reserveCapacity(m.count)
            let credentialVariable = isCredentialVariable(m)
            for p in m.pairs {
                let k = p.key.scalarText
                let inner = k.map { SecretPolicy.scope(below: $0, from: scope, documentKind: documentKind, depth: depth) } ?? scope
                let value: Node
                let changed: Bool
                if credentialVariable && k == "value" && p.value.scalar != nil {
                    value = Node.string(placeholder, range: p.value.range)
                    changed = true
                } else {
                    (value, changed) = redact(p.value, key: k, scope: inner, documentKind: documentKind, depth: depth + 1)
                }
                any = any || changed
                pairs.append(Pair(key: p.key, value: value))
            }
            return any ? (Node(.mapping(Mapping(pairs)), tag: node.tag, range: node.range), true) : (node, false)
        }
    }

    /// The text of an embedded document with its secrets masked; nil when it does not parse.
    static func redactEmbedded(_ text: String, kind: EmbeddedContent.Kind, documentKind: String?) -> (String, Bool)? {
        switch kind {
        case .text, .logstash:
            var any = false
            var lines: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let (l, changed) = redactLine(String(line))
                any = any || changed
                lines.append(l)
            }
            return (lines.joined(separator: "\n"), any)
        case .yaml, .json:
            let loaded = YAMLLoader.load(text: text, path: "embedded")
            guard loaded.diagnostics.isEmpty, !loaded.documents.isEmpty else { return nil }
            var any = false
            var roots: [Node] = []
            for doc in loaded.documents {
                let (r, changed) = redact(doc.root, key: nil, scope: .plain, documentKind: DocumentIdentity.kubernetes(of: doc.root)?.kind, depth: 0)
                any = any || changed
                roots.append(r)
            }
            guard any else { return (text, false) }
            if kind == .json, roots.count == 1, let s = try? JSONEmitter(pretty: true).emit(roots[0]) { return (s, true) }
            guard let s = try? YAMLEmitter().emit(documents: roots) else { return nil }
            return (s, true)
        }
    }

    /// One line of configuration text (`password => "x"`, `token: x`, `api_key = x`) with every
    /// credential's value masked, also several on one line
    /// (`elasticsearch { user => "u" password => "p" }`).
    ///
    /// The name is the word or quoted string before `=>`, `:` or `=`; a quoted value is masked
    /// up to its closing quote, a bare value after `=>` up to white space or `,` `}` `]`, and a
    /// bare value after `:` or `=` to the end of the line.
    public static func redactLine(_ line: String) -> (String, Bool) {
        let chars = Array(line)
        var out = ""
        var masked = false
        var word = ""          // the last word or quoted string seen
        var i = 0
        func quotedEnd(_ start: Int) -> Int {
            let q = chars[start]
            var j = start + 1
            while j < chars.count {
                if chars[j] == "\\" { j += 2; continue }
                if chars[j] == q { return j + 1 }
                j += 1
            }
            return chars.count
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\"" || c == "'" {
                let end = quotedEnd(i)
                word = String(chars[(i + 1)..<max(i + 1, end - 1)])
                out += String(chars[i..<end])
                i = end
                continue
            }
            let separator: Int
            if c == "=", i + 1 < chars.count, chars[i + 1] == ">" { separator = 2 }
            else if c == ":" || c == "=" { separator = 1 }
            else { separator = 0 }
            guard separator > 0 else {
                if c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." {
                    if i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_" || chars[i - 1] == "-" || chars[i - 1] == ".") { word = "" }
                    word.append(c)
                } else if c != " " && c != "\t" {
                    word = ""
                }
                out.append(c)
                i += 1
                continue
            }
            out += String(chars[i..<(i + separator)])
            i += separator
            guard !word.isEmpty, isCredentialName(word) else { word = ""; continue }
            word = ""
            var j = i
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            guard j < chars.count, chars[j] != "{", chars[j] != "[" else { continue }
            let end: Int
            if chars[j] == "\"" || chars[j] == "'" {
                end = quotedEnd(j)
            } else if separator == 2 {
                var k = j
                while k < chars.count, !" \t,}]".contains(chars[k]) { k += 1 }
                end = k
            } else {
                end = chars.count
            }
            guard end > j else { continue }
            out += String(chars[i..<j]) + "\"" + placeholder + "\""
            masked = true
            i = end
        }
        if let urlMasked = maskedURLUserInfo(out) { return (urlMasked, true) }
        return (masked ? out : line, masked)
    }
}

extension StringProtocol {
    func trimmed(_ set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
