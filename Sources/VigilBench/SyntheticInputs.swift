/// Deterministic synthetic inputs for the benchmarks (no randomness: every run measures the
/// same bytes).
enum SyntheticInputs {
    /// A multi-document stream of Deployments and Services of about `targetBytes`.
    static func kubernetesStream(targetBytes: Int) -> String {
        var out = ""
        out.reserveCapacity(targetBytes + 4096)
        var i = 0
        while out.utf8.count < targetBytes {
            out += deployment(i, replicas: 1 + i % 5)
            out += """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: service-\(i)
              namespace: team-\(i % 17)
            spec:
              selector: {app: service-\(i)}
              ports:
                - {name: http, port: 80, targetPort: http}
                - {name: metrics, port: 9090, targetPort: metrics}
            ---

            """
            i += 1
        }
        return out
    }

    /// One Deployment `service-i` (probes, resources, annotations): the unit of the
    /// Kubernetes inputs, shared by the load, lint and diff benchmarks.
    static func deployment(_ i: Int, replicas: Int) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: service-\(i)
          namespace: team-\(i % 17)
          labels: {app: service-\(i), tier: backend, "app.kubernetes.io/part-of": shop}
        spec:
          replicas: \(replicas)
          selector:
            matchLabels: {app: service-\(i)}
          template:
            metadata:
              labels: {app: service-\(i), tier: backend}
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: "9090"
            spec:
              containers:
                - name: app
                  image: registry.example.org/service-\(i):v1.\(i % 40).0
                  args: ["--port=8080", "--log-format=json"]
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: metrics, containerPort: 9090}
                  env:
                    - name: LOG_LEVEL
                      value: info
                    - name: POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {memory: 512Mi}
                  readinessProbe:
                    httpGet: {path: /ready, port: http}
                    periodSeconds: 10
                    timeoutSeconds: 2
                  livenessProbe:
                    httpGet: {path: /live, port: http}
                    periodSeconds: 20
                    failureThreshold: 3

        """
    }

    /// A JSON array of objects of about `targetBytes`.
    static func jsonArray(targetBytes: Int) -> String {
        var out = "[\n"
        var i = 0
        while out.utf8.count < targetBytes {
            if i > 0 { out += ",\n" }
            out += """
              {"id": \(i), "title": "Panel \(i)", "type": "timeseries", "gridPos": {"h": 8, "w": 12, "x": \(i % 2 * 12), "y": \(i * 8)},
               "targets": [{"expr": "sum by (job) (rate(http_requests_total{job=\\"svc-\(i)\\"}[5m]))", "legendFormat": "{{job}}", "refId": "A"}],
               "fieldConfig": {"defaults": {"unit": "reqps", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": \(i % 100)}]}}, "overrides": []}}
            """
            i += 1
        }
        out += "\n]\n"
        return out
    }
}
