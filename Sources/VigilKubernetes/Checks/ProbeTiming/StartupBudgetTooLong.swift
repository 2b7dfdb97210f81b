import VigilCore

/// A startup budget so long that a hung start goes unnoticed.
public struct StartupBudgetTooLong: WorkloadCheck {
    public static let rule = RuleDescription(
        id: "probe/startup-budget-too-long", severity: .warning,
        summary: "A startup probe allows more than an hour to start, or more than ten times the service's declared start-up time.",
        rationale: "While the startup probe runs, liveness is off: a container that hangs during start-up sits there for the whole budget, holding a rollout (and a replica) hostage. Give start-up the declared time plus a margin, not `failureThreshold: 1000`.",
        triggering: [RuleExample(Example.deployment(container: "startupProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 10\n  failureThreshold: 1000\n"))],
        nonTriggering: [RuleExample(Example.deployment())])

    public init() {}

    static let absoluteLimit = 3600

    public func run(_ workloads: ArraySlice<Workload>, _ context: LintContext, _ report: inout CheckReport) {
        for w in workloads {
            for c in w.longRunningContainers {
                guard let s = c.container.startupProbe else { continue }
                let budget = s.startupBudgetSeconds
                if budget > Self.absoluteLimit {
                    report.add("\(w.displayName): \(c.path).startupProbe allows \(VigilCore.Duration.seconds(Int64(budget))) to start; a hung start-up goes unnoticed that long",
                               at: s.origin, key: s.failureThreshold != nil ? "failureThreshold" : nil, hint: "budget the real start-up time plus a margin")
                } else if let service = ServiceHealthKnowledge.lookup(context, workload: w, container: c), let needed = service.startupTime,
                          needed.seconds > 0, Double(budget) > 10 * needed.seconds, budget > 600 {
                    report.add("\(w.displayName): \(c.path).startupProbe allows \(VigilCore.Duration.seconds(Int64(budget))), more than ten times \(service.name)'s start-up time of \(needed)",
                               at: s.origin, key: s.failureThreshold != nil ? "failureThreshold" : nil)
                }
            }
        }
    }
}
