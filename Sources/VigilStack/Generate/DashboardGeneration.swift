import VigilCore
import VigilGrafana

/// Grafana dashboards (classic JSON model, `schemaVersion` 39: imports into Grafana 9.4 and
/// later, which every supported Grafana is) built with `DashboardBuilder` (auto-layout, a
/// datasource variable), with thresholds taken from the alerts they show; plus the
/// file-provisioning YAML.
struct DashboardGeneration {
    let stack: Stack

    static let providerPath = "/var/lib/grafana/dashboards"

    func dashboards() -> [(name: String, json: Node)] {
        (stack.dashboards ?? []).map { ($0.name, DashboardPackaging.node(dashboard($0))) }
    }

    /// The dashboard, laid out by the Grafana builder (panels flow into the 24-column grid).
    private func dashboard(_ d: DashboardDefinition) -> Dashboard {
        var builder = DashboardBuilder(d.title, uid: d.uid ?? String(d.name.prefix(40)))
            .tags(d.tags ?? [])
            .refresh(d.refresh ?? "1m")
        for p in d.panels { builder = builder.panel(panel(p)) }
        return builder.build()
    }

    private func panel(_ p: PanelDefinition) -> PanelBuilder {
        let exprs = AlertExpressions(stack: stack)
        let alert = p.alert.flatMap { name in stack.alerts?.first { $0.name == name } }
        // Panels follow the dashboard's resolution: the alert's window becomes $__rate_interval.
        let expr = alert.map { a in
            exprs.subject(of: a).replacingAll("[\((a.window ?? Duration(seconds: 300)).description)]", with: "[$__rate_interval]")
        } ?? p.expr ?? ""
        let kind = p.kind ?? .timeseries
        var b: PanelBuilder
        switch kind {
        case .timeseries: b = .timeseries(p.title)
        case .stat: b = .stat(p.title)
        case .gauge: b = .gauge(p.title)
        }
        let description = p.description ?? alert.map { a in
            "The expression of the alert \(a.name); the lines are its thresholds (" +
            AlertExpressions.severities(a).compactMap { s in a.thresholds[s].map { "\(s) \(a.comparison.rawValue) \(NumberText.float($0))" } }.joined(separator: ", ") + ")."
        }
        b = b.width(p.width ?? 12).height(kind == .stat ? 4 : 8)
            .description(description)
            .query(expr, legend: p.legend ?? (alert.map { legend(for: $0) } ?? "__auto"))
        if let unit = p.unit { b = b.unit(unit) }
        b = b.thresholds(thresholds(alert))
        if kind == .timeseries, alert != nil { b = b.thresholdsStyle("line") }
        return b
    }

    private func legend(for alert: AlertDefinition) -> String {
        switch alert.kind {
        case .memoryVsLimit, .expr: return "{{pod}}"
        default: return "{{job}}"
        }
    }

    /// Grafana steps: a `null` base, then ascending values. For alerts that fire above a
    /// threshold, colours grow worse upwards; for alerts that fire below, downwards.
    private func thresholds(_ alert: AlertDefinition?) -> Thresholds {
        guard let a = alert, a.kind != .targetDown else {
            return Thresholds(steps: [ThresholdStep(color: "green", value: nil)])
        }
        let color = ["critical": "red", "warning": "orange"]
        let ordered = a.thresholds.sorted { $0.value < $1.value }
        var steps: [ThresholdStep]
        switch a.comparison {
        case .above, .atLeast:
            steps = [ThresholdStep(color: "green", value: nil)] + ordered.map { ThresholdStep(color: color[$0.key] ?? "yellow", value: $0.value) }
        case .below, .atMost:
            let colors = ordered.map { color[$0.key] ?? "yellow" }
            steps = [ThresholdStep(color: colors.first ?? "red", value: nil)]
            for (i, t) in ordered.enumerated() {
                steps.append(ThresholdStep(color: i + 1 < colors.count ? colors[i + 1] : "green", value: t.value))
            }
        }
        return Thresholds(steps: steps)
    }

    func provider() -> Node {
        DashboardPackaging.providerNode(name: stack.service.name, folder: stack.service.name, path: Self.providerPath)
    }

    func datasource() -> Node {
        N.map([
            "apiVersion": N.int(1),
            "datasources": N.list([N.map([
                "name": N.str("Prometheus"),
                "type": N.str("prometheus"),
                "uid": N.str("prometheus"),
                "access": N.str("proxy"),
                "url": N.str("http://prometheus.\(stack.service.effectiveMonitoringNamespace).svc:9090"),
                "isDefault": N.bool(true),
                "jsonData": N.map(["timeInterval": N.str(stack.scrape?.effectiveInterval.description ?? "30s")]),
            ])]),
        ])
    }
}
