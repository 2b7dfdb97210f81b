import VigilCore

/// `alertmanager/alertmanager.yml`: routes in the current matcher syntax, secrets read from
/// mounted files, critical alerts inhibiting the warning of the same alert.
struct AlertmanagerGeneration {
    let stack: Stack

    /// Where the Alertmanager Deployment mounts the receivers' Secret.
    static let secretsDirectory = "/etc/alertmanager/secrets"

    func config() -> Node? {
        guard let r = stack.routing else { return nil }
        var global: [(String, Node)] = [("resolve_timeout", N.str("5m"))]
        if let smtp = r.smtp {
            global += [("smtp_smarthost", N.str(smtp.smarthost)), ("smtp_from", N.str(smtp.from))]
            if let u = smtp.authUsername { global.append(("smtp_auth_username", N.str(u))) }
            if let f = smtp.authPasswordFile { global.append(("smtp_auth_password_file", N.str(f))) }
            global.append(("smtp_require_tls", N.bool(true)))
        }
        let routes = (r.routes ?? []).map { route -> Node in
            N.map([
                "receiver": N.str(route.receiver),
                "matchers": N.strings(route.match.sorted().map { "\($0.key)=\"\(escape($0.value))\"" }),
                "continue": route.continue.map(N.bool),
            ])
        }
        var inhibit: [Node] = []
        if r.inhibitWarningsWhenCritical ?? true {
            inhibit.append(N.map([
                "source_matchers": N.strings(["severity=\"critical\""]),
                "target_matchers": N.strings(["severity=\"warning\""]),
                "equal": N.strings(["alertname", "service"]),
            ]))
        }
        return N.map([
            "global": N.map(global),
            "route": N.map([
                "receiver": N.str(r.defaultReceiver),
                "group_by": N.strings(r.groupBy ?? ["alertname", "service"]),
                "group_wait": N.optionalDuration(r.groupWait),
                "group_interval": N.optionalDuration(r.groupInterval),
                "repeat_interval": N.optionalDuration(r.repeatInterval),
                "routes": routes.isEmpty ? nil : N.list(routes),
            ]),
            "inhibit_rules": inhibit.isEmpty ? nil : N.list(inhibit),
            "receivers": N.list(r.receivers.map(receiver)),
        ])
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private func receiver(_ r: ReceiverDefinition) -> Node {
        let title = "[{{ .Status | toUpper }}{{ if eq .Status \"firing\" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }})"
        let text = "{{ range .Alerts }}*{{ .Annotations.summary }}*\n{{ .Annotations.description }}\n{{ end }}"
        return N.map([
            "name": N.str(r.name),
            "email_configs": r.email.map { e in N.list([N.map([
                "to": N.str(e.to),
                "send_resolved": N.bool(true),
                "headers": N.map(["Subject": N.str(title)]),
            ])]) },
            "slack_configs": r.slack.map { s in N.list([N.map([
                "api_url_file": N.str(s.apiURLFile),
                "channel": N.str(s.channel),
                "send_resolved": N.bool(true),
                "title": N.str(title),
                "text": N.str(text),
            ])]) },
            "pagerduty_configs": r.pagerduty.map { p in N.list([N.map([
                "routing_key_file": N.str(p.routingKeyFile),
                "send_resolved": N.bool(true),
                "description": N.str(title),
            ])]) },
            "webhook_configs": r.webhook.map { w in N.list([N.map([
                "url_file": N.str(w.urlFile),
                "send_resolved": N.bool(true),
            ])]) },
        ])
    }
}
