import VigilCore

/// Renders a resolved stack into the files of one environment's output tree.
///
/// `prometheus/` (config, rules), `alertmanager/`, `grafana/` (dashboards, provisioning),
/// `kubernetes/` (the service, the monitoring workloads with their configs as ConfigMaps, the
/// ELK stack) and `elastic/` (pipeline, index template, Filebeat config). Deterministic:
/// declaration order, sorted free-form maps, no timestamps.
public struct StackRenderer: Sendable {
    public let stack: Stack
    public let format: Format

    /// The form of the files whose consumers read both YAML and JSON. Only the Kubernetes
    /// manifests qualify: `kubectl apply -f` takes either, while Prometheus, Alertmanager,
    /// Filebeat and Grafana provisioning document YAML (dashboards and index templates are
    /// JSON in both formats).
    public enum Format: String, Sendable, CaseIterable {
        /// Multi-document YAML (`kubernetes/NAME.yaml`).
        case yaml
        /// One Kubernetes `List` per file (`kubernetes/NAME.json`).
        case json
    }

    public init(stack: Stack, format: Format = .yaml) {
        self.stack = stack
        self.format = format
    }

    public func render() -> [RenderedFile] {
        let yaml = YAMLEmitter()
        let json = JSONEmitter()
        let name = stack.service.name
        var files: [RenderedFile] = []
        let k8s = KubernetesGeneration(stack: stack)

        let prom = PrometheusGeneration(stack: stack)
        let promConfig = yaml.render(prom.config())
        let rules = yaml.render(prom.rules())
        files.append(RenderedFile(path: "prometheus/prometheus.yml", text: promConfig))
        files.append(RenderedFile(path: "prometheus/rules/\(name).yml", text: rules))

        var kubernetes: [(String, [Node])] = [
            ("namespaces.yaml", k8s.namespaces()),
            ("\(name).yaml", k8s.serviceObjects()),
            ("prometheus.yaml", k8s.prometheusObjects(config: promConfig, rules: rules)),
        ]

        if let am = AlertmanagerGeneration(stack: stack).config() {
            let text = yaml.render(am)
            files.append(RenderedFile(path: "alertmanager/alertmanager.yml", text: text))
            kubernetes.append(("alertmanager.yaml", k8s.alertmanagerObjects(config: text)))
        }

        let grafana = DashboardGeneration(stack: stack)
        let dashboards = grafana.dashboards().map { ("\($0.name).json", json.render($0.json)) }
        if !dashboards.isEmpty {
            for (file, text) in dashboards { files.append(RenderedFile(path: "grafana/dashboards/\(file)", text: text)) }
            let datasource = yaml.render(grafana.datasource())
            let provider = yaml.render(grafana.provider())
            files.append(RenderedFile(path: "grafana/provisioning/datasources.yaml", text: datasource))
            files.append(RenderedFile(path: "grafana/provisioning/dashboards.yaml", text: provider))
            kubernetes.append(("grafana.yaml", k8s.grafanaObjects(dashboards: dashboards, datasource: datasource, provider: provider)))
        }

        if stack.logging != nil {
            let logging = LoggingGeneration(stack: stack, k8s: k8s)
            let pipeline = logging.pipeline()
            let template = json.render(logging.indexTemplate().node)
            let filebeat = yaml.render(logging.filebeat().configNode)
            files.append(RenderedFile(path: "elastic/logstash/pipeline/logstash.conf", text: pipeline))
            files.append(RenderedFile(path: "elastic/index-templates/\(logging.index).json", text: template))
            files.append(RenderedFile(path: "elastic/filebeat/filebeat.yml", text: filebeat))
            kubernetes.append(("elasticsearch.yaml", logging.elasticsearchObjects() + logging.kibanaObjects()))
            kubernetes.append(("logstash.yaml", logging.logstashObjects(pipeline: pipeline, template: template)))
            kubernetes.append(("filebeat.yaml", logging.filebeatObjects(config: filebeat)))
        }

        for (file, objects) in kubernetes where !objects.isEmpty {
            switch format {
            case .yaml:
                files.append(RenderedFile(path: "kubernetes/\(file)", text: yaml.render(documents: objects)))
            case .json:
                let list = N.map(["apiVersion": N.str("v1"), "kind": N.str("List"), "items": N.list(objects)])
                let base = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
                files.append(RenderedFile(path: "kubernetes/\(base).json", text: json.render(list)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
