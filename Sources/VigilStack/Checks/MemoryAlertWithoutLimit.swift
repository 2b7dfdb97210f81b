import VigilCore

/// A memory-against-limit alert on a service without a memory limit.
public struct MemoryAlertWithoutLimit: Check {
    public static let rule = RuleDescription(
        id: "stack/memory-alert-without-limit", severity: .error,
        summary: "A memory-vs-limit alert, but the service's container has no memory limit.",
        rationale: "`container_spec_memory_limit_bytes` is 0 without a limit: the ratio is never computed (Vigil filters zero limits) and the alert can never fire, while the container can grow until the node runs out of memory. Set `service.resources.limits.memory`.",
        triggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: Stack
        service: {name: shop, image: shop:1, ports: {http: 8080}, resources: {requests: {memory: 256Mi}}}
        alerts:
          - {name: ShopHighMemory, kind: memory-vs-limit, thresholds: {warning: 0.8}}
        """, path: "vigil.yaml")],
        nonTriggering: [RuleExample("""
        apiVersion: vigil/v1
        kind: Stack
        service: {name: shop, image: shop:1, ports: {http: 8080}, resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}}
        alerts:
          - {name: ShopHighMemory, kind: memory-vs-limit, thresholds: {warning: 0.8}}
        """, path: "vigil.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(StackArtifact.self) {
            let s = a.resolved.stack
            guard s.service.resources?.limits?["memory"] == nil else { continue }
            for alert in s.alerts ?? [] where alert.kind == .memoryVsLimit && alert.enabled != false {
                report.add("\(alert.name) compares memory with the limit, but \(s.service.name) has no memory limit",
                           at: alert.origin, key: "kind", hint: "set `service.resources.limits.memory` (e.g. twice the request)")
            }
        }
    }
}
