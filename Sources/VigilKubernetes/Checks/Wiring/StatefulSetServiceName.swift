import VigilCore

/// A StatefulSet `serviceName` naming no headless Service.
public struct StatefulSetServiceName: Check {
    public static let rule = RuleDescription(
        id: "statefulset/service-name-unknown", severity: .warning,
        summary: "A StatefulSet's serviceName names no Service in the run, or one that is not headless (`clusterIP: None`).",
        rationale: "The governing Service gives each replica its stable DNS name (`elasticsearch-0.elasticsearch`); clustered software (Elasticsearch discovery, Redis Sentinel, Kafka) is configured with those names. Without a headless Service of that name the names do not resolve and the cluster never forms.",
        triggering: [RuleExample("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: redis}
            spec:
              serviceName: redis-headless
              selector: {matchLabels: {app: redis}}
              template:
                metadata: {labels: {app: redis}}
                spec:
                  containers:
                    - {name: redis, image: "redis:7.2"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: redis}
            spec:
              selector: {app: redis}
              ports: [{port: 6379}]
            """)],
        nonTriggering: [RuleExample("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: redis}
            spec:
              serviceName: redis
              selector: {matchLabels: {app: redis}}
              template:
                metadata: {labels: {app: redis}}
                spec:
                  containers:
                    - {name: redis, image: "redis:7.2"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: redis}
            spec:
              clusterIP: None
              selector: {app: redis}
              ports: [{port: 6379}]
            """)])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for o in inventory.objects {
            guard case .statefulSet(let s) = o else { continue }
            guard let name = s.spec.serviceName, !name.isEmpty else { continue }
            let matching = inventory.services(named: name, namespace: s.metadata.namespace)
            if matching.isEmpty {
                let headless = inventory.services.filter { $0.isHeadless && KubernetesInventory.sameNamespace($0.metadata.namespace, s.metadata.namespace) }.compactMap(\.metadata.name)
                report.add("StatefulSet/\(s.metadata.name ?? ""): serviceName \"\(name)\" names no Service in this run; pod DNS names (\(s.metadata.name ?? "")-0.\(name)) will not resolve",
                           at: s.spec.origin, key: "serviceName",
                           hint: Suggestion.closest(to: name, in: headless).map { "did you mean \"\($0)\"?" } ?? "add a Service named \"\(name)\" with `clusterIP: None`")
            } else if !matching.contains(where: \.isHeadless) {
                report.add("StatefulSet/\(s.metadata.name ?? ""): serviceName \"\(name)\" names a Service that is not headless; pods get no stable DNS names",
                           at: s.spec.origin, key: "serviceName", hint: "set `clusterIP: None` on Service \"\(name)\" (and keep a separate Service for clients)")
            }
        }
    }
}
