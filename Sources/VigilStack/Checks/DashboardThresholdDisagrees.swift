import VigilCore
import VigilGrafana
import VigilPromQL
import VigilPrometheus

/// A dashboard panel colours a query red (or orange) at a different value than the alert on
/// the same query fires at: the on-call engineer sees green while being paged, or red while
/// nothing fires.
public struct DashboardThresholdDisagrees: Check {
    public static let rule = RuleDescription(
        id: "thresholds/dashboard-disagrees", severity: .warning,
        summary: "A panel's red or orange threshold differs from the critical or warning alert on the same query.",
        rationale: "During an incident people read the dashboard: a panel that turns red at 5 % while the critical alert fires at 15 % shows an emergency that pages nobody (or the reverse, a green panel while the pager rings). The panel's red step should sit where the critical alert fires and its orange or yellow step where the warning does, in the panel's unit (a ratio alert at 0.05 is a 5 on a `percent` panel that multiplies by 100).",
        triggering: [RuleExample(Example.configMap(redAt: 5), path: "monitoring.yaml")],
        nonTriggering: [RuleExample(Example.configMap(redAt: 15), path: "monitoring.yaml")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        let dashboards = context.all(DashboardArtifact.self)
        guard !dashboards.isEmpty else { return }
        // Alert thresholds by the fingerprint of what they compare.
        var alerts: [String: [AlertBound]] = [:]
        for r in context.allRules where r.rule.isAlert {
            guard let severity = Self.severity(of: r), let level = Level(severity: severity) else { continue }
            for t in r.rule.thresholds where !t.returnBool && (t.direction == .above || t.direction == .below) {
                let (key, factor) = Fingerprint.scaled(t.subject, isLiteral: { _ in true })
                guard factor != 0, let key else { continue }
                alerts[key, default: []].append(AlertBound(rule: r.rule, level: level, value: t.value / factor,
                                                           firesAbove: t.direction == .above))
            }
        }
        guard !alerts.isEmpty else { return }
        for d in dashboards {
            let catalogued = d.catalogueQueries
            for (q, c) in zip(d.queries.filter { $0.expr != nil }, catalogued) {
                guard let panel = q.panel, let thresholds = panel.fieldConfig?.defaults?.thresholds,
                      thresholds.mode != "percentage", let steps = thresholds.steps, steps.count > 1 else { continue }
                let (key, factor) = Fingerprint.scaled(c.expr, isLiteral: c.isLiteral)
                guard factor != 0, let key, let candidates = alerts[key] else { continue }
                for bound in Self.nearest(candidates, to: d.file.path) {
                    guard let (step, value) = Self.panelBound(steps, level: bound.level, firesAbove: bound.firesAbove) else { continue }
                    let expected = bound.value * factor
                    guard !Self.same(value, expected) else { continue }
                    let alertAt = bound.rule.file.resolve(bound.rule.alertNode?.range ?? bound.rule.node.range)
                    let colour = bound.level == .critical ? "red" : "orange"
                    guard let stepFile = step.origin?.file else { continue }
                    let at = stepFile.resolve(step.origin?.range(ofValue: "value") ?? step.origin?.range)
                    report.add(Diagnostic(
                        rule: Self.rule.id, severity: Self.rule.severity,
                        message: "panel \"\(panel.title ?? "untitled")\" turns \(colour) at \(Self.format(value)), but \(bound.rule.label) (\(bound.level.rawValue)) fires at \(Self.format(expected)) on the same query",
                        file: at.file.path, range: at.range,
                        hint: "set this step to \(Self.format(expected)), or change the alert's threshold",
                        notes: [DiagnosticNote("the alert is here", file: alertAt.file.path, range: alertAt.range)]))
                }
            }
        }
    }

    /// The alerts of each level whose files are nearest the dashboard in the tree: in a tree
    /// with `production/` and `staging/`, a production dashboard is held to production's alerts.
    static func nearest(_ bounds: [AlertBound], to path: String) -> [AlertBound] {
        let dashboardDirs = path.split(separator: "/").dropLast()
        func shared(_ other: String) -> Int {
            zip(dashboardDirs, other.split(separator: "/").dropLast()).prefix { $0 == $1 }.count
        }
        var best: [Level: Int] = [:]
        for b in bounds { best[b.level] = max(best[b.level] ?? 0, shared(b.rule.file.path)) }
        return bounds.filter { shared($0.rule.file.path) == best[$0.level] }
    }

    struct AlertBound {
        let rule: Rule
        let level: Level
        /// The threshold in the unit of the un-scaled subject.
        let value: Double
        let firesAbove: Bool
    }

    enum Level: String {
        case critical, warning
        init?(severity: String) {
            switch severity.lowercased() {
            case "critical", "page", "error", "high": self = .critical
            case "warning", "warn", "medium": self = .warning
            default: return nil
            }
        }
    }

    static func severity(of r: RuleInContext) -> String? {
        (r.rule.labels + r.group.labels).first { $0.name == "severity" && $0.template == nil }?.value
    }

    /// The step that marks the alert's level and the value where that level begins (fires
    /// above) or ends (fires below), if the panel has such a step.
    static func panelBound(_ steps: [ThresholdStep], level: Level, firesAbove: Bool) -> (ThresholdStep, Double)? {
        let colours = steps.map { GrafanaColour.level(of: $0.color) }
        if firesAbove {
            for (i, s) in steps.enumerated() where colours[i] == level {
                if let v = s.value?.number { return (s, v) }
            }
            return nil
        }
        // Fires below: the level's colour sits under a step of a calmer colour; that step's value is the bound.
        for i in steps.indices.dropFirst() where colours[i - 1] == level && colours[i] != level {
            if let v = steps[i].value?.number { return (steps[i], v) }
        }
        return nil
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}

/// Grafana's named colours and their palette values, sorted into alert levels.
enum GrafanaColour {
    static func level(of colour: String?) -> DashboardThresholdDisagrees.Level? {
        guard let c = colour?.lowercased() else { return nil }
        if c.contains("red") || ["#f2495c", "#c4162a", "#e02f44", "#ff7383", "#ffa6b0", "#d44a3a", "#bf1b00"].contains(c) { return .critical }
        if c.contains("orange") || c.contains("yellow") || ["#ff9830", "#fa6400", "#ffb357", "#fade2a", "#f2cc0c", "#e0b400", "#ffee52", "#eab839", "#ef843c"].contains(c) { return .warning }
        return nil
    }
}

/// What two queries compare as "the same query": their structure with range windows, offsets
/// and matchers that come from dashboard variables left out, so `rate(x{job="$job"}[$__rate_interval])`
/// on a panel matches `rate(x[5m])` in the alert.
enum Fingerprint {
    /// The key of a query's top-level product or quotient with its constant factors taken out,
    /// and their product: `100 * a / b` gives the key of `a / b` and 100.
    static func scaled(_ e: Expr, isLiteral: (Range<Int>) -> Bool) -> (key: String?, factor: Double) {
        var terms: [(Expr, divide: Bool)] = []
        var factor = 1.0
        func flatten(_ e: Expr, divide: Bool, depth: Int) {
            var e = e
            while case .paren(let inner) = e.kind { e = inner }
            if depth < 50, case .binary(let b) = e.kind, (b.op == .mul || b.op == .div), b.matching == nil {
                flatten(b.lhs, divide: divide, depth: depth + 1)
                flatten(b.rhs, divide: b.op == .div ? !divide : divide, depth: depth + 1)
                return
            }
            if let k = e.constantValue {
                factor = divide ? (k == 0 ? 0 : factor / k) : factor * k
            } else {
                terms.append((e, divide))
            }
        }
        flatten(e, divide: false, depth: 0)
        guard !terms.isEmpty else { return (nil, factor) }
        if terms.count == 1, !terms[0].divide { return (of(terms[0].0, isLiteral: isLiteral), factor) }
        var parts: [String] = []
        for (t, divide) in terms {
            guard let k = of(t, isLiteral: isLiteral) else { return (nil, factor) }
            parts.append((divide ? "/" : "*") + k)
        }
        return ("product(" + parts.joined() + ")", factor)
    }

    static func of(_ e: Expr, isLiteral: (Range<Int>) -> Bool, depth: Int = 0) -> String? {
        guard depth < 200 else { return nil }
        func sub(_ x: Expr) -> String? { of(x, isLiteral: isLiteral, depth: depth + 1) }
        switch e.kind {
        case .number(let n): return PromQLPrinter.formatNumber(n)
        case .string(let s): return "\"\(s)\""
        case .vectorSelector(let vs): return selector(vs, isLiteral: isLiteral)
        case .matrixSelector(let ms): return selector(ms.selector, isLiteral: isLiteral) + "[]"
        case .subquery(let s): return sub(s.expr).map { $0 + "[:]" }
        case .paren(let inner): return sub(inner)
        case .unary(let u): return sub(u.expr).map { (u.negative ? "-" : "") + $0 }
        case .call(let c):
            let args = c.args.map(sub)
            guard !args.contains(where: { $0 == nil }) else { return nil }
            return "\(c.function.name)(\(args.compactMap { $0 }.joined(separator: ",")))"
        case .aggregate(let a):
            guard let inner = sub(a.expr) else { return nil }
            let param = a.param.flatMap(sub).map { $0 + "," } ?? ""
            return "\(a.op.rawValue)\(grouping(a.grouping))(\(param)\(inner))"
        case .binary(let b):
            guard let l = sub(b.lhs), let r = sub(b.rhs) else { return nil }
            return "(\(l) \(b.op.rawValue) \(r))"
        }
    }

    static func selector(_ vs: VectorSelector, isLiteral: (Range<Int>) -> Bool) -> String {
        let matchers = vs.matchers.filter { $0.name != "__name__" || vs.name == nil }.filter { isLiteral($0.range) }
            .map { "\($0.name)\($0.op.rawValue)\"\($0.value)\"" }.sorted()
        return (vs.name ?? "") + "{" + matchers.joined(separator: ",") + "}"
    }

    static func grouping(_ g: Grouping) -> String {
        switch g {
        case .by(let labels): return " by(" + labels.sorted().joined(separator: ",") + ")"
        case .without(let labels): return " without(" + labels.sorted().joined(separator: ",") + ")"
        case .none: return ""
        }
    }
}

private enum Example {
    /// A ConfigMap with a rule file and a dashboard on the same error ratio, the panel in percent.
    static func configMap(redAt red: Double) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: shop-monitoring}
        data:
          rules.yml: |
            groups:
              - name: shop
                rules:
                  - alert: ShopHighErrorRate
                    expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.15
                    for: 5m
                    labels: {severity: critical}
          shop.json: |
            {"uid": "shop", "title": "Shop", "schemaVersion": 39,
             "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]},
             "panels": [{"id": 1, "type": "stat", "title": "Error rate", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
               "datasource": {"type": "prometheus", "uid": "${datasource}"},
               "fieldConfig": {"defaults": {"unit": "percent", "thresholds": {"mode": "absolute", "steps": [
                 {"color": "green", "value": null}, {"color": "red", "value": \(Int(red))}]}}},
               "targets": [{"refId": "A", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                 "expr": "100 * sum(rate(http_requests_total{code=~\\"5..\\"}[$__rate_interval])) / sum(rate(http_requests_total[$__rate_interval]))"}]}]}
        """
    }
}
