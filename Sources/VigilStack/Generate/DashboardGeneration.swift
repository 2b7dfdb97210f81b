import VigilCore

/// Grafana dashboards (classic JSON model, `schemaVersion` 39: imports into Grafana 9.4 and
/// later, which every supported Grafana is) with auto-layout, a datasource variable, and
/// thresholds taken from the alerts they show; plus the file-provisioning YAML.
struct DashboardGeneration {
    let stack: Stack

    static let schemaVersion = 39
    static let providerPath = "/var/lib/grafana/dashboards"
    var datasourceRef: Node { N.map(["type": N.str("prometheus"), "uid": N.str("${datasource}")]) }

    func dashboards() -> [(name: String, json: Node)] {
        (stack.dashboards ?? []).map { ($0.name, dashboard($0)) }
    }

    private func dashboard(_ d: DashboardDefinition) -> Node {
        var x = 0, y = 0, rowHeight = 0
        var panels: [Node] = []
        for (i, p) in d.panels.enumerated() {
            let w = max(1, min(24, p.width ?? 12))
            let h = (p.kind ?? .timeseries) == .stat ? 4 : 8
            if x + w > 24 { x = 0; y += rowHeight; rowHeight = 0 }
            panels.append(panel(p, id: i + 1, grid: (x, y, w, h)))
            x += w
            rowHeight = max(rowHeight, h)
        }
        return N.map([
            "uid": N.str(d.uid ?? String(d.name.prefix(40))),
            "title": N.str(d.title),
            "tags": N.strings(d.tags ?? []),
            "timezone": N.str("browser"),
            "editable": N.bool(false),
            "graphTooltip": N.int(1),
            "time": N.map(["from": N.str("now-6h"), "to": N.str("now")]),
            "refresh": N.str(d.refresh ?? "1m"),
            "schemaVersion": N.int(Self.schemaVersion),
            "templating": N.map(["list": N.list([
                N.map([
                    "name": N.str("datasource"), "label": N.str("Data source"), "type": N.str("datasource"),
                    "query": N.str("prometheus"), "refresh": N.int(1), "hide": N.int(0),
                    "current": N.map([:]),
                ]),
            ])]),
            "annotations": N.map(["list": N.list([])]),
            "panels": N.list(panels),
        ])
    }

    private func panel(_ p: PanelDefinition, id: Int, grid: (Int, Int, Int, Int)) -> Node {
        let exprs = AlertExpressions(stack: stack)
        let alert = p.alert.flatMap { name in stack.alerts?.first { $0.name == name } }
        // Panels follow the dashboard's resolution: the alert's window becomes $__rate_interval.
        let expr = alert.map { a in
            exprs.subject(of: a).replacingAll("[\((a.window ?? Duration(seconds: 300)).description)]", with: "[$__rate_interval]")
        } ?? p.expr ?? ""
        let kind = p.kind ?? .timeseries
        var defaults: [(String, Node)] = []
        if let unit = p.unit { defaults.append(("unit", N.str(unit))) }
        defaults.append(("thresholds", thresholds(alert)))
        if kind == .timeseries, alert != nil {
            defaults.append(("custom", N.map(["thresholdsStyle": N.map(["mode": N.str("line")])])))
        }
        let options: Node
        switch kind {
        case .timeseries:
            options = N.map([
                "legend": N.map(["displayMode": N.str("list"), "placement": N.str("bottom"), "showLegend": N.bool(true)]),
                "tooltip": N.map(["mode": N.str("multi"), "sort": N.str("desc")]),
            ])
        case .stat, .gauge:
            options = N.map([
                "reduceOptions": N.map(["calcs": N.strings(["lastNotNull"]), "fields": N.str(""), "values": N.bool(false)]),
                "colorMode": kind == .stat ? N.str("value") : nil,
                "graphMode": kind == .stat ? N.str("area") : nil,
            ])
        }
        let description = p.description ?? alert.map { a in
            "The expression of the alert \(a.name); the lines are its thresholds (" +
            AlertExpressions.severities(a).compactMap { s in a.thresholds[s].map { "\(s) \(a.comparison.rawValue) \(NumberText.float($0))" } }.joined(separator: ", ") + ")."
        }
        return N.map([
            "id": N.int(id),
            "type": N.str(kind.rawValue),
            "title": N.str(p.title),
            "description": N.optional(description),
            "gridPos": N.map(["h": N.int(grid.3), "w": N.int(grid.2), "x": N.int(grid.0), "y": N.int(grid.1)]),
            "datasource": datasourceRef,
            "targets": N.list([N.map([
                "refId": N.str("A"),
                "datasource": datasourceRef,
                "expr": N.str(expr),
                "legendFormat": N.str(p.legend ?? (alert.map { legend(for: $0) } ?? "__auto")),
                "range": N.bool(true),
            ])]),
            "fieldConfig": N.map(["defaults": N.map(defaults), "overrides": N.list([])]),
            "options": options,
        ])
    }

    private func legend(for alert: AlertDefinition) -> String {
        switch alert.kind {
        case .memoryVsLimit, .expr: return "{{pod}}"
        default: return "{{job}}"
        }
    }

    /// Grafana steps: a `null` base, then ascending values. For alerts that fire above a
    /// threshold, colours grow worse upwards; for alerts that fire below, downwards.
    private func thresholds(_ alert: AlertDefinition?) -> Node {
        func step(_ color: String, _ value: Double?) -> Node {
            N.map(["color": N.str(color), "value": value.map(N.number) ?? Node.null])
        }
        guard let a = alert, a.kind != .targetDown else {
            return N.map(["mode": N.str("absolute"), "steps": N.list([step("green", nil)])])
        }
        let color = ["critical": "red", "warning": "orange"]
        let ordered = a.thresholds.sorted { $0.value < $1.value }
        var steps: [Node]
        switch a.comparison {
        case .above, .atLeast:
            steps = [step("green", nil)] + ordered.map { step(color[$0.key] ?? "yellow", $0.value) }
        case .below, .atMost:
            let colors = ordered.map { color[$0.key] ?? "yellow" }
            steps = [step(colors.first ?? "red", nil)]
            for (i, t) in ordered.enumerated() {
                steps.append(step(i + 1 < colors.count ? colors[i + 1] : "green", t.value))
            }
        }
        return N.map(["mode": N.str("absolute"), "steps": N.list(steps)])
    }

    func provider() -> Node {
        N.map([
            "apiVersion": N.int(1),
            "providers": N.list([N.map([
                "name": N.str(stack.service.name),
                "folder": N.str(stack.service.name),
                "type": N.str("file"),
                "disableDeletion": N.bool(true),
                "allowUiUpdates": N.bool(false),
                "options": N.map(["path": N.str(Self.providerPath), "foldersFromFilesStructure": N.bool(false)]),
            ])]),
        ])
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
