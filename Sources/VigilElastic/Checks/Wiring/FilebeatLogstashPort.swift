import VigilCore

/// Filebeat shipping to a port no Logstash beats input listens on.
public struct FilebeatLogstashPort: Check {
    static let manifest = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: logging}
        data:
          filebeat.yml: |
            filebeat.inputs:
              - {type: container, paths: ["/var/log/containers/*.log"]}
            output.logstash:
              hosts: ["logstash:%@"]
          logstash.conf: |
            input { beats { port => 5044 } }
            output { stdout {} }
        """

    public static let rule = RuleDescription(
        id: "filebeat/logstash-port-mismatch", severity: .error,
        summary: "Filebeat's `output.logstash` port is not a port a Logstash beats input of the run listens on.",
        rationale: "Filebeat connects to the port in `output.logstash.hosts`; the beats input listens on its `port`, and the Logstash Service must forward one to the other. When they disagree Filebeat logs `connection refused`, keeps retrying and its registry holds logs on the nodes until disks fill.",
        triggering: [RuleExample(manifest.replacingOccurrences(of: "%@", with: "5000"))],
        nonTriggering: [RuleExample(manifest.replacingOccurrences(of: "%@", with: "5044"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let beatsPorts = Set(context.pipelinePlugins.filter { $0.kind == .input && $0.plugin.name == "beats" }.compactMap { $0.plugin["port"]?.text.flatMap { Int($0) } })
        guard !beatsPorts.isEmpty else { return }
        for fb in context.all(FilebeatConfigArtifact.self) {
            for host in fb.config.logstashHosts {
                guard let portText = host.split(separator: ":").last, host.contains(":"), let port = Int(portText), !beatsPorts.contains(port) else { continue }
                report.add("Filebeat ships to \(host), but the Logstash beats inputs of the run listen on \(beatsPorts.sorted().map(String.init).joined(separator: ", "))",
                           in: fb.file, at: fb.config.logstashOutputRange, hint: "use port \(beatsPorts.sorted().first ?? 5044), or change the beats input's port and the Logstash Service with it")
            }
        }
    }
}
