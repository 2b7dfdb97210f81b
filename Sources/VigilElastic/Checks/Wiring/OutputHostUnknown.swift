import VigilCore
import VigilKubernetes

/// A Logstash elasticsearch output whose host is not the Elasticsearch Service of the run.
public struct OutputHostUnknown: Check {
    static let pipeline = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: logstash-pipeline}
        data:
          logstash.conf: |
            input { beats { port => 5044 } }
            output {
              elasticsearch {
                hosts => ["%@"]
                user => "${ES_USER}"
                password => "${ES_PASSWORD}"
              }
            }
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: es-client}
        spec:
          selector: {app: es}
          ports: [{name: http, port: 9200}]
        """

    public static let rule = RuleDescription(
        id: "elastic/output-host-unknown", severity: .warning,
        summary: "A Logstash elasticsearch output names a host or port that no Service of the run serves for Elasticsearch.",
        rationale: "Inside the cluster `http://elasticsearch:9200` reaches Elasticsearch only through a Service of that name exposing that port and selecting the Elasticsearch pods. A wrong name fails with `Name or service not known` and Logstash queues events until its buffers fill. Checked when the Elasticsearch workload is in the same run.",
        triggering: [RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "https://elasticsearch:9200")),
                     RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "https://es-client:9300"))],
        nonTriggering: [RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "https://es-client:9200")),
                        RuleExample(ExampleManifests.es() + "---\n" + pipeline.replacingOccurrences(of: "%@", with: "https://es-client.default.svc:9200"))])

    public init() {}

    /// Host and port of `https://name:9200`, `name:9200` or `name` (port 9200).
    static func hostPort(_ s: String) -> (String, Int)? {
        var rest = Substring(s)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        let parts = rest.split(separator: ":")
        guard let host = parts.first, !host.isEmpty, !host.contains("${"), !host.contains("%{") else { return nil }
        let port = parts.count > 1 ? Int(parts[1]) : 9200
        guard let port else { return nil }
        return (String(host), port)
    }

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let es = context.elastic(.elasticsearch)
        guard !es.isEmpty else { return }
        let inventory = KubernetesInventory.of(context)
        let esNames = Set(es.compactMap { $0.workload.metadata.name })
        let esServices = inventory.services.filter { svc in inventory.workloads(selectedBy: svc).contains { esNames.contains($0.metadata.name ?? "") } }
        for site in context.elasticsearchOutputs {
            guard let hosts = site.plugin.attribute("hosts") else { continue }
            for h in hosts.value.list {
                guard let text = h.text, let (host, port) = Self.hostPort(text) else { continue }
                let labels = host.split(separator: ".").map(String.init)
                // Only in-cluster names: `svc`, `svc.ns`, `svc.ns.svc[.cluster.local]`.
                guard let name = labels.first, labels.count == 1 || labels.count == 2 || labels.dropFirst(2).first == "svc" else { continue }
                let namespace = labels.count >= 2 ? labels[1] : nil
                let candidates = inventory.services.filter { $0.metadata.name == name && (namespace == nil || $0.metadata.namespace == nil || $0.metadata.namespace == namespace) }
                let known = esServices.compactMap(\.metadata.name)
                guard let svc = candidates.first else {
                    report.add("hosts names \(host):\(port), but no Service \"\(name)\" is in the run\(known.isEmpty ? "; no Service selects the Elasticsearch pods" : "; the Elasticsearch Services are \(known.joined(separator: ", "))")",
                               in: site.file, at: h.span, hint: known.first.map { "hosts => [\"\(text.replacingOccurrences(of: host, with: $0))\"]" } ?? "add a client Service for the Elasticsearch pods (port 9200)")
                    continue
                }
                let ports = (svc.spec?.ports ?? []).map(\.port)
                if !ports.contains(port) {
                    report.add("hosts names \(host):\(port), but Service \"\(name)\" exposes \(ports.map(String.init).joined(separator: ", "))", in: site.file, at: h.span,
                               hint: ports.contains(9200) ? "use port 9200 (the HTTP port; 9300 is the transport port between nodes)" : nil)
                } else if !esServices.contains(where: { $0.metadata.name == svc.metadata.name && $0.metadata.namespace == svc.metadata.namespace }) {
                    report.add("hosts names Service \"\(name)\", which selects no Elasticsearch pods", in: site.file, at: h.span)
                }
            }
        }
    }
}
