import VigilCore
import VigilKubernetes

/// Elasticsearch discovery through a governing Service that is missing, not headless, or hides
/// pods that are not ready.
public struct DiscoveryServiceMissing: Check {
    public static let rule = RuleDescription(
        id: "elastic/discovery-service", severity: .error,
        summary: "The headless Service that Elasticsearch's discovery resolves pod names through is missing, not headless, or does not publish unready pods.",
        rationale: "`es-0.es` resolves only through a headless Service named after the StatefulSet's serviceName. During cluster formation no pod is ready yet (readiness needs a cluster), so unless the Service sets `publishNotReadyAddresses: true` the names do not resolve and the cluster never forms: a chicken-and-egg deadlock.",
        triggering: [RuleExample(ExampleManifests.es { $0.headless = false }),
                     RuleExample(ExampleManifests.es { $0.publishNotReady = false })],
        nonTriggering: [RuleExample(ExampleManifests.es())])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let inventory = KubernetesInventory.of(context)
        for c in context.elastic(.elasticsearch) {
            guard let sts = c.statefulSet, c.replicas > 1 || c.setting("discovery.seed_hosts") != nil else { continue }
            guard let name = sts.spec.serviceName, !name.isEmpty else {
                report.add("\(c.workload.displayName) has no serviceName: its pods get no DNS names for discovery", at: sts.spec.origin,
                           hint: "serviceName: \(sts.metadata.name ?? "elasticsearch") with a headless Service of that name")
                continue
            }
            let services = inventory.services(named: name, namespace: sts.metadata.namespace)
            guard let svc = services.first else {
                report.add("no headless Service \"\(name)\" for \(c.workload.displayName): discovery names like \(sts.metadata.name ?? "es")-0.\(name) do not resolve",
                           at: sts.spec.origin, key: "serviceName",
                           hint: "add a Service \(name) with clusterIP: None, publishNotReadyAddresses: true and the transport port 9300")
                continue
            }
            if !svc.isHeadless {
                report.add("Service \"\(name)\" governing \(c.workload.displayName) is not headless; pod DNS names need clusterIP: None",
                           at: svc.spec?.origin ?? svc.origin, key: "clusterIP",
                           hint: "clusterIP: None (and a separate client Service for port 9200)")
            } else if svc.spec?.publishNotReadyAddresses != true {
                report.add("headless Service \"\(name)\" does not publish unready pods; Elasticsearch nodes are not ready before the cluster forms, so discovery cannot find them",
                           at: svc.spec?.origin ?? svc.origin, key: "publishNotReadyAddresses", hint: "publishNotReadyAddresses: true")
            }
        }
    }
}
