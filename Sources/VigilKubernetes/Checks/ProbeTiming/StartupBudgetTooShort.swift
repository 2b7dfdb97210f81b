import VigilCore

/// A start-up budget shorter than the service's declared start-up time.
public struct StartupBudgetTooShort: WorkloadCheck {
    public static let rule = RuleDescription(
        id: "probe/startup-budget-too-short", severity: .warning,
        summary: "The time a container gets to start (startup probe budget, or the liveness probe's when there is no startup probe) is shorter than the service's declared start-up time.",
        rationale: "A startup probe allows initialDelaySeconds + failureThreshold × periodSeconds; after that the container is killed and restarted, and a service that needs longer never comes up (CrashLoopBackOff). Without a startup probe the liveness probe's delay and failure window are the budget. Needs the declared start-up time, from the stack or a `vigil.dev/startup-time: 120s` annotation on the workload; silent without it.",
        triggering: [RuleExample(Example.deployment(container: "startupProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 5\n  failureThreshold: 6\n", annotations: "{vigil.dev/startup-time: 2m}"))],
        nonTriggering: [RuleExample(Example.deployment(container: "startupProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 10\n  failureThreshold: 30\n", annotations: "{vigil.dev/startup-time: 2m}")),
                        RuleExample(Example.deployment(container: "startupProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 5\n  failureThreshold: 6\n"))])

    public init() {}

    public func run(_ workloads: ArraySlice<Workload>, _ context: LintContext, _ report: inout CheckReport) {
        for w in workloads {
            for c in w.longRunningContainers {
                guard let service = ServiceHealthKnowledge.lookup(context, workload: w, container: c), let needed = service.startupTime else { continue }
                let neededSeconds = Int(needed.seconds.rounded(.up))
                if let s = c.container.startupProbe {
                    let budget = s.startupBudgetSeconds
                    guard budget < neededSeconds else { continue }
                    let threshold = max(1, Int((Double(neededSeconds - s.effectiveInitialDelaySeconds) / Double(s.effectivePeriodSeconds)).rounded(.up)))
                    report.add("\(w.displayName): \(c.path).startupProbe allows \(budget)s to start (initialDelaySeconds + failureThreshold × periodSeconds) but \(service.name) takes up to \(needed)",
                               at: s.origin, key: s.failureThreshold != nil ? "failureThreshold" : nil,
                               hint: "raise failureThreshold to \(threshold)")
                } else if let l = c.container.livenessProbe {
                    let budget = l.startupBudgetSeconds
                    guard budget < neededSeconds else { continue }
                    report.add("\(w.displayName): \(c.path).livenessProbe starts killing the container after \(budget)s but \(service.name) takes up to \(needed) to start",
                               at: l.origin, hint: "add a startupProbe with a budget of at least \(needed)")
                }
            }
        }
    }
}
