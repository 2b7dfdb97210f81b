import VigilCore

/// A label that names a per-user or per-request identity.
public struct IdentifierLabel: Check {
    public static let rule = RuleDescription(
        id: "cardinality/identifier-label", severity: .error,
        summary: "A metric label carries identities (user ids, request ids, emails, IPs, raw URLs).",
        rationale: "Identifiers have as many values as users or requests: every one becomes a time series, and the metric explodes. Keep identities in logs and traces; label metrics with bounded categories (route templates, status classes).",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_requests_total
            type: counter
            labels: {user_id: {max: 100000}, endpoint: {max: 40}}
        """, path: "catalogue.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: MetricCatalogue
        metrics:
          - name: app_requests_total
            type: counter
            labels: {endpoint: {max: 40}, user_tier: [free, pro]}
        """, path: "catalogue.yaml")])

    public init() {}

    /// Label names that denote identities, compared after lower-casing.
    static let identifierNames: Set<String> = [
        "user", "user_id", "userid", "username", "user_name", "customer", "customer_id", "account", "account_id",
        "tenant_id", "org_id", "session", "session_id", "sessionid", "request_id", "requestid", "req_id",
        "trace_id", "traceid", "span_id", "correlation_id", "transaction_id", "order_id", "device_id",
        "email", "mail", "phone", "ip", "ip_address", "ipaddress", "client_ip", "remote_addr", "remote_ip",
        "uuid", "guid", "token", "api_key", "url", "raw_url", "full_url", "uri", "query", "query_string",
    ]

    /// Whether a label name looks like an identity.
    public static func isIdentifier(_ label: String) -> Bool {
        let l = label.lowercased()
        if identifierNames.contains(l) { return true }
        return l.hasSuffix("_uuid") || l.hasSuffix("_email") || l.hasSuffix("_session_id") || l.hasSuffix("_request_id") || l.hasSuffix("_user_id")
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(MetricCatalogueArtifact.self) {
            for m in a.catalogue.metrics {
                for (label, domain) in m.labels ?? [:] where Self.isIdentifier(label) {
                    if case .values = domain { continue }  // an explicit short list is bounded by construction
                    let range = m.origin?.node?["labels"]?.mapping?.pair(for: label)?.key.range ?? m.origin?.range
                    report.add("label \"\(label)\" of \(m.name) names an identity: one series per \(label)",
                               in: a.file, at: range, hint: "drop the label and record identities in logs or traces; aggregate by a bounded category instead")
                }
            }
        }
    }
}
