/// The commented starter `vigil.yaml` that `vigil init` writes.
public enum StarterStack {
    /// A starter extending `presets`; it renders and lints clean as written.
    public static func text(service: String, presets: [String]) -> String {
        let capital = service.prefix(1).uppercased() + service.dropFirst()
        return """
        # The monitoring stack of \(service), defined once. Vigil validates it and renders every
        # manifest per environment:
        #   vigil lint vigil.yaml
        #   vigil render vigil.yaml --all-envs --out rendered
        apiVersion: vigil/v1
        kind: Stack
        # Presets supply scrape jobs, probes, the standard alerts (error rate, latency, down,
        # memory against the limit, CPU throttling) and an overview dashboard.
        extends: [\(presets.joined(separator: ", "))]

        service:
          name: \(service)
          image: \(service):v1.0.0
          namespace: \(service)-production
          monitoringNamespace: \(service)-monitoring
          replicas: 2
          ports: {http: 8080, metrics: 9090}
          startupTime: 60s
          resources:
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 512Mi}      # the memory alert compares usage with this limit

        # What the service exports. Every label needs a bound: each value is a time series.
        metrics:
          - name: \(service)_requests_total
            type: counter
            help: Requests handled
            labels:
              method: [GET, POST]
              endpoint: {max: 20}
              status_code: {max: 30}
          - name: \(service)_request_duration_seconds
            type: histogram
            help: Request duration in seconds
            buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
            labels:
              method: [GET, POST]
              endpoint: {max: 20}

        probes:
          # Endpoints that check external dependencies: fine for readiness, never for liveness.
          dependencyEndpoints: [/ready]

        routing:
          defaultReceiver: team-email
          smtp:
            smarthost: smtp.\(service).internal:587   # your mail relay
            from: alerts@\(service).internal
          receivers:
            - name: team-email
              email: {to: team@\(service).internal}
            - name: pager
              # Secrets are files mounted from a Secret, never inline.
              pagerduty: {routingKeyFile: /etc/alertmanager/secrets/pagerduty-routing-key}
          routes:
            - {match: {severity: critical}, receiver: pager}
            - {match: {severity: warning}, receiver: team-email}

        # Environments override anything above.
        environments:
          production: {}
          staging:
            namespace: \(service)-staging
            replicas: 1
            alerts:
              - {name: \(capital)HighErrorRate, thresholds: {warning: 0.1, critical: 0.25}}

        """
    }
}
