import VigilCore

/// A resource request above its limit.
public struct RequestsExceedLimits: ContainerCheck {
    public static let rule = RuleDescription(
        id: "resources/requests-exceed-limits", severity: .error,
        summary: "A container requests more of a resource than its limit allows.",
        rationale: "The scheduler reserves the request and the kubelet enforces the limit, so a request above the limit is contradictory; the API server rejects it (`must be less than or equal to memory limit`). Quantities are compared exactly (`1Gi` is 1073741824, `1000m` is 1).",
        triggering: [RuleExample(Example.deployment(container: "resources:\n  requests: {cpu: 500m, memory: 1Gi}\n  limits: {cpu: 250m, memory: 512Mi}\n"))],
        nonTriggering: [RuleExample(Example.deployment(container: "resources:\n  requests: {cpu: 1000m, memory: 1Gi}\n  limits: {cpu: \"1\", memory: 1024Mi}\n"))])

    public init() {}

    public func run(_ containers: ArraySlice<(Workload, ContainerRef)>, _ context: LintContext, _ report: inout CheckReport) {
        for (w, c) in containers {
            guard let r = c.container.resources, let requests = r.requests, let limits = r.limits else { continue }
            for (name, request) in requests {
                guard let limit = limits[name], request > limit else { continue }
                report.add("\(w.displayName): \(c.path).resources.requests: Invalid value: \"\(request)\": must be less than or equal to \(name) limit of \(limit)",
                           at: r.origin, key: "requests", hint: "raise the limit or lower the request")
            }
        }
    }
}
