import VigilCore

/// Authentication and TLS settings that exclude each other.
public struct ConflictingAuth: Check {
    public static let rule = RuleDescription(
        id: "prometheus/conflicting-auth", severity: .error,
        summary: "Mutually exclusive authentication or TLS settings are combined (basic_auth with authorization, a secret with its _file, …).",
        rationale: "Prometheus accepts one way to authenticate per client and one source per secret, and refuses the config otherwise (\"at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured\").",
        triggering: [ConfigExample.job(ConfigExample.targets + "    basic_auth:\n      username: u\n      password_file: /p\n    authorization:\n      credentials_file: /t\n"),
                     ConfigExample.job(ConfigExample.targets + "    basic_auth:\n      username: u\n      password: p\n      password_file: /p\n"),
                     ConfigExample.job(ConfigExample.targets + "    authorization:\n      type: Basic\n      credentials_file: /t\n")],
        nonTriggering: [ConfigExample.job(ConfigExample.targets + "    basic_auth:\n      username: u\n      password_file: /p\n    tls_config:\n      ca_file: /ca.pem\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for f in context.prometheusConfigs {
            for use in f.httpConfigs { check(use, &report) }
        }
    }

    func check(_ use: HTTPUse, _ report: inout CheckReport) {
        let h = use.http
        let o = h.origin
        let of = " (\(use.owner))"
        let bearer = !(h.bearerToken ?? "").isEmpty || !(h.bearerTokenFile ?? "").isEmpty
        if !(h.bearerToken ?? "").isEmpty && !(h.bearerTokenFile ?? "").isEmpty {
            report.add("at most one of bearer_token & bearer_token_file must be configured" + of, at: o, key: "bearer_token_file")
        }
        let count = [h.basicAuth != nil, h.oauth2 != nil, bearer].filter { $0 }.count
        if count > 1 {
            report.add("at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured" + of, at: o, key: h.oauth2 != nil ? "oauth2" : "basic_auth")
        }
        if let b = h.basicAuth {
            if !(b.password ?? "").isEmpty && !(b.passwordFile ?? "").isEmpty {
                report.add("at most one of basic_auth password & password_file must be configured" + of, at: b.origin, key: "password_file")
            }
            if !(b.username ?? "").isEmpty && !(b.usernameFile ?? "").isEmpty {
                report.add("at most one of basic_auth username & username_file must be configured" + of, at: b.origin, key: "username_file")
            }
        }
        if let a = h.authorization {
            if bearer {
                report.add("authorization is not compatible with bearer_token & bearer_token_file" + of, at: o, key: "authorization")
            }
            if !(a.credentials ?? "").isEmpty && !(a.credentialsFile ?? "").isEmpty {
                report.add("at most one of authorization credentials & credentials_file must be configured" + of, at: a.origin, key: "credentials_file")
            }
            if (a.type ?? "").lowercased() == "basic" {
                report.add("authorization type cannot be set to \"basic\", use \"basic_auth\" instead" + of, at: a.origin, key: "type")
            }
            if h.basicAuth != nil || h.oauth2 != nil {
                report.add("at most one of basic_auth, oauth2 & authorization must be configured" + of, at: o, key: "authorization")
            }
        }
        if let oa = h.oauth2 {
            if (oa.clientID ?? "").isEmpty { report.add("oauth2 client_id must be configured" + of, at: oa.origin) }
            if (oa.tokenURL ?? "").isEmpty { report.add("oauth2 token_url must be configured" + of, at: oa.origin) }
            if !(oa.clientSecret ?? "").isEmpty && !(oa.clientSecretFile ?? "").isEmpty {
                report.add("at most one of oauth2 client_secret & client_secret_file must be configured" + of, at: oa.origin, key: "client_secret_file")
            }
        }
        for tls in [h.tlsConfig, h.oauth2?.tlsConfig].compactMap({ $0 }) {
            for (inline, file) in [("ca", "ca_file"), ("cert", "cert_file"), ("key", "key_file")] {
                let a = inline == "ca" ? tls.ca : inline == "cert" ? tls.cert : tls.key
                let b = inline == "ca" ? tls.caFile : inline == "cert" ? tls.certFile : tls.keyFile
                if !(a ?? "").isEmpty && !(b ?? "").isEmpty {
                    report.add("at most one of \(inline) and \(file) must be configured" + of, at: tls.origin, key: file)
                }
            }
            let hasCert = !(tls.cert ?? "").isEmpty || !(tls.certFile ?? "").isEmpty
            let hasKey = !(tls.key ?? "").isEmpty || !(tls.keyFile ?? "").isEmpty
            if hasCert && !hasKey {
                report.add("exactly one of key or key_file must be configured when a client certificate is configured" + of, at: tls.origin)
            } else if hasKey && !hasCert {
                report.add("exactly one of cert or cert_file must be configured when a client key is configured" + of, at: tls.origin)
            }
        }
    }
}
