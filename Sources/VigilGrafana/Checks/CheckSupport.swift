import VigilCore
import VigilPromQL

extension LintContext {
    /// Every dashboard of the run.
    var dashboards: [DashboardArtifact] { all(DashboardArtifact.self) }
}

/// Builds short dashboard JSON texts for rule examples.
enum Example {
    static let datasource = #"{"name": "datasource", "type": "datasource", "query": "prometheus", "refresh": 1}"#
    static let ds = #""datasource": {"type": "prometheus", "uid": "${datasource}"}"#

    /// A dashboard with the datasource variable, not editable, holding `panels`.
    static func dashboard(_ panels: String, variables: String = datasource, extra: String = "") -> RuleExample {
        RuleExample("""
        {"title": "Example", "uid": "example", "schemaVersion": 39, "editable": false\(extra),
         "templating": {"list": [\(variables)]},
         "panels": [\(panels)]}

        """, path: "dashboard.json")
    }

    /// A `timeseries` panel with one query.
    static func panel(_ expr: String, type: String = "timeseries", unit: String = "reqps", legend: String = "", x: Int = 0, y: Int = 0, w: Int = 12, h: Int = 8, id: Int = 1, more: String = "") -> String {
        let e = expr.replacingOccurrences(of: "\"", with: "\\\"")
        return """
        {"id": \(id), "type": "\(type)", "title": "Panel \(id)", "description": "d", \(ds),
          "gridPos": {"x": \(x), "y": \(y), "w": \(w), "h": \(h)},
          "fieldConfig": {"defaults": {"unit": "\(unit)"}, "overrides": []},
          "targets": [{"refId": "A", \(ds), "expr": "\(e)", "legendFormat": "\(legend)"}]\(more)}
        """
    }
}

/// Where a panel is reported: its title key when it has one, else the panel.
extension CheckReport {
    mutating func add(_ message: String, panel: Panel, key: String? = nil, hint: String? = nil, severity: Severity? = nil) {
        add(message, at: panel.origin, key: key, hint: hint, severity: severity)
    }

    /// Reports at a range of a query's text (substituted-text offsets).
    mutating func add(_ message: String, query: PanelQuery, range: Range<Int>?, hint: String? = nil, severity: Severity? = nil) {
        if let range {
            let loc = query.location(of: range)
            if loc.range != nil {
                add(message, in: loc.file, at: loc.range, hint: hint, severity: severity)
                return
            }
        }
        let whole = query.wholeLocation
        add(message, in: whole.file, at: whole.range, hint: hint, severity: severity)
    }
}

/// Panel types that show query results (and so need targets, units, a data source).
enum PanelTypes {
    static let data: Set<String> = [
        "timeseries", "stat", "gauge", "bargauge", "table", "piechart", "heatmap", "barchart", "histogram", "state-timeline",
        "status-history", "xychart", "trend", "candlestick", "graph", "singlestat", "table-old", "logs", "geomap",
    ]
    /// Types whose values carry a unit.
    static let numeric: Set<String> = ["timeseries", "stat", "gauge", "bargauge", "barchart", "histogram", "trend"]

    /// Whether the panel shows query results written in this dashboard (not a row, not a text
    /// panel, not a library panel whose definition lives elsewhere).
    static func showsData(_ p: Panel) -> Bool {
        guard let t = p.type, data.contains(t) else { return false }
        return p.extraValue("libraryPanel") == nil
    }
}

/// Names of functions that take a counter's range and make it a rate or increase.
enum RateFunctions {
    static let all: Set<String> = ["rate", "irate", "increase", "resets", "delta", "idelta", "deriv", "changes"]
}

extension PanelQuery {
    /// The variable references inside a range of the substituted text.
    func variables(in range: Range<Int>) -> [VariableSyntax.Reference] {
        let r = substitution.originalRange(range)
        return substitution.references.filter { $0.range.lowerBound >= r.lowerBound && $0.range.upperBound <= r.upperBound }
    }

    /// The original text of a range of the substituted text.
    func originalText(_ range: Range<Int>) -> String {
        let r = substitution.originalRange(range)
        let b = Array(text.utf8)
        guard r.lowerBound >= 0, r.upperBound <= b.count else { return "" }
        return String(decoding: b[r], as: UTF8.self)
    }
}

import Foundation
