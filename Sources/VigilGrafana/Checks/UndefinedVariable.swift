import VigilCore

/// A query using a variable the dashboard does not define.
public struct UndefinedVariable: Check {
    public static let rule = RuleDescription(
        id: "grafana/undefined-variable", severity: .error,
        summary: "A query uses a variable (`$cluster`) that the dashboard does not define.",
        rationale: "Grafana leaves an unknown `$name` in the query as it is, so Prometheus receives a literal `$cluster`: a syntax error, or a matcher that matches nothing. Define the variable under `templating.list` or remove it. Grafana's built-ins (`$__rate_interval`, `$__range`…) and regex group references inside strings (`$1`) are fine.",
        triggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{cluster=~\"$cluster\"}[$__rate_interval]))"))],
        nonTriggering: [Example.dashboard(Example.panel("sum(rate(http_requests_total{cluster=~\"$cluster\"}[$__rate_interval]))"),
                                          variables: Example.datasource + #", {"name": "cluster", "type": "query", "query": "label_values(up, cluster)", "refresh": 2}"#),
                        Example.dashboard(Example.panel("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")"))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let defined = Set(d.dashboard.variables.compactMap(\.name))
            for q in d.queries {
                var reported = Set<String>()
                for r in q.substitution.references {
                    guard !defined.contains(r.name), !r.isBuiltIn, !r.name.allSatisfy(\.isNumber), reported.insert(r.name).inserted else { continue }
                    let loc = q.node.map { n -> (SourceFile, SourceRange) in
                        let inner = SourceFile(embeddedIn: q.file, scalar: n)
                        return (inner, SourceRange(start: inner.position(atOffset: r.range.lowerBound), end: inner.position(atOffset: r.range.upperBound)))
                    }
                    let hint = "define \"\(r.name)\" under templating.list"
                    if let (f, range) = loc {
                        report.add("variable $\(r.name) is not defined in this dashboard", in: f, at: range, hint: hint)
                    } else {
                        report.add("variable $\(r.name) is not defined in this dashboard", at: d.dashboard.origin, key: "templating", hint: hint)
                    }
                }
            }
        }
    }
}
