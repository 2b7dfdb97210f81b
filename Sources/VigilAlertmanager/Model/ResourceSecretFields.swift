import VigilCore

/// The fields of an `AlertmanagerConfig` receiver that must reference a key of a Kubernetes
/// Secret (`{name: slack, key: url}`): the operator rejects a value written in their place,
/// and such a value is a credential that must not be printed.
public enum ResourceSecretFields {
    /// Per integration list, the selector fields of its items.
    static let byIntegration: [String: Set<String>] = [
        "slackConfigs": ["apiURL"], "discordConfigs": ["apiURL"], "pagerdutyConfigs": ["routingKey", "serviceKey"],
        "opsgenieConfigs": ["apiKey"], "webhookConfigs": ["urlSecret"], "wechatConfigs": ["apiSecret"],
        "emailConfigs": ["authPassword", "authSecret"], "victoropsConfigs": ["apiKey"], "pushoverConfigs": ["userKey", "token"],
        "telegramConfigs": ["botToken"], "msteamsConfigs": ["webhookUrl"], "msteamsv2Configs": ["webhookURL"],
        "rocketchatConfigs": ["token", "tokenID"],
    ]
    /// Selector fields of an item's `httpConfig` (and its `basicAuth`, `authorization`, `oauth2`).
    static let httpConfig: Set<String> = ["bearerTokenSecret"]
    static let httpAuth: [String: Set<String>] = [
        "basicAuth": ["username", "password"], "authorization": ["credentials"], "oauth2": ["clientSecret"],
    ]

    /// Scalars written where a Secret key reference belongs, with their field paths.
    public static func inlineValues(in spec: Node?) -> [(path: String, node: Node)] {
        var out: [(String, Node)] = []
        for (r, receiver) in (spec?["receivers"]?.sequence ?? []).enumerated() {
            for p in receiver.mapping?.pairs ?? [] {
                guard let list = p.key.scalarText, let fields = byIntegration[list] else { continue }
                for (i, item) in (p.value.sequence ?? []).enumerated() {
                    let base = "spec.receivers[\(r)].\(list)[\(i)]"
                    for f in fields { if let v = item[f], v.scalar != nil { out.append(("\(base).\(f)", v)) } }
                    guard let http = item["httpConfig"] else { continue }
                    for f in httpConfig { if let v = http[f], v.scalar != nil { out.append(("\(base).httpConfig.\(f)", v)) } }
                    for (auth, keys) in httpAuth.sorted(by: { $0.key < $1.key }) {
                        for f in keys.sorted() { if let v = http[auth]?[f], v.scalar != nil { out.append(("\(base).httpConfig.\(auth).\(f)", v)) } }
                    }
                }
            }
        }
        return out.filter { $0.1.resolvedScalar != .null && !($0.1.scalarText ?? "").isEmpty }
            .sorted { $0.1.range.start.offset < $1.1.range.start.offset }
    }
}
