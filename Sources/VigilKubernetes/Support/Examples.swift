/// Builders for the small manifests that document the rules (and are run as their tests).
enum Example {
    /// Indents every non-empty line of `text` by `n` spaces.
    static func indent(_ text: String, _ n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// Healthy probes for the `api` container of `deployment`.
    static let goodProbes = """
        startupProbe:
          httpGet: {path: /live, port: http}
          periodSeconds: 5
          failureThreshold: 24
        livenessProbe:
          httpGet: {path: /live, port: http}
          periodSeconds: 10
          timeoutSeconds: 2
          failureThreshold: 3
        readinessProbe:
          httpGet: {path: /ready, port: http}
          periodSeconds: 5
          timeoutSeconds: 2
          failureThreshold: 2
        """

    static let goodResources = """
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
        """

    /// A Deployment `api` with one container `api` (port `http` 8080); `container` is added to
    /// the container's fields (defaults: healthy probes and resources), `pod` to the pod spec.
    static func deployment(name: String = "api", container: String? = nil, pod: String = "",
                           selector: String = "{app: api}", labels: String = "{app: api}", annotations: String = "{}") -> String {
        let fields = container ?? (goodProbes + "\n" + goodResources)
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              annotations: \(annotations)
            spec:
              replicas: 2
              selector:
                matchLabels: \(selector)
              template:
                metadata:
                  labels: \(labels)
                spec:
            \(indent(pod, 6))
                  containers:
                    - name: api
                      image: registry.example.com/api:1.4.2
                      ports:
                        - {name: http, containerPort: 8080}
            \(indent(fields, 10))

            """
    }

    /// A Service `api` selecting `app: api` and forwarding port 80 to `targetPort`.
    static func service(targetPort: String = "http", selector: String = "{app: api}", extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          labels: {app: api}
        spec:
          selector: \(selector)
          ports:
            - {name: http, port: 80, targetPort: \(targetPort)}
        \(indent(extra, 2))

        """
    }
}
