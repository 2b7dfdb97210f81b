import VigilCore

/// The panels of a dashboard's grid that share one coordinate space: the top level (rows as
/// one-unit bars) and, separately, each collapsed row's children.
enum Layout {
    static func spaces(_ d: Dashboard) -> [[Panel]] {
        var out: [[Panel]] = [d.panels ?? []]
        for p in d.panels ?? [] where p.isRow && p.collapsed == true {
            if let children = p.panels, !children.isEmpty { out.append(children) }
        }
        return out
    }

    /// The panel's rectangle when its grid position is complete.
    static func rect(_ p: Panel) -> (x: Int, y: Int, w: Int, h: Int)? {
        guard let g = p.gridPos, let x = g.x, let y = g.y, let w = g.w, let h = g.h else { return nil }
        return (x, y, w, h)
    }
}

/// Two panels covering the same grid cells.
public struct PanelOverlap: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-overlap", severity: .warning,
        summary: "Two panels' `gridPos` rectangles overlap.",
        rationale: "Grafana resolves an overlap by pushing panels down when the dashboard loads, so the layout differs from the file and changes again on the next save. Usually a copy-pasted `gridPos`. Vigil's builder computes positions and never overlaps.",
        triggering: [Example.dashboard(Example.panel("up", x: 0, y: 0, w: 12, h: 8, id: 1) + ", " + Example.panel("up", x: 6, y: 4, w: 12, h: 8, id: 2))],
        nonTriggering: [Example.dashboard(Example.panel("up", x: 0, y: 0, w: 12, h: 8, id: 1) + ", " + Example.panel("up", x: 12, y: 0, w: 12, h: 8, id: 2))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for space in Layout.spaces(d.dashboard) {
                let placed = space.compactMap { p in Layout.rect(p).map { (p, $0) } }.filter { $0.1.w > 0 && $0.1.h > 0 }
                guard placed.count > 1 else { continue }
                // Sort by top edge so the inner loop stops early.
                let sorted = placed.sorted { $0.1.y < $1.1.y }
                for i in 0..<sorted.count {
                    let (p, a) = sorted[i]
                    for j in (i + 1)..<sorted.count {
                        let (q, b) = sorted[j]
                        if b.y >= a.y + a.h { break }
                        if a.x < b.x + b.w && b.x < a.x + a.w {
                            report.add("panel \"\(q.title ?? "")\" overlaps panel \"\(p.title ?? "")\" (x \(b.x), y \(b.y) inside x \(a.x)…\(a.x + a.w - 1), y \(a.y)…\(a.y + a.h - 1))",
                                       panel: q, key: "gridPos", hint: "move it to y \(a.y + a.h) or x \(a.x + a.w)")
                        }
                    }
                }
            }
        }
    }
}

/// A panel outside the 24-column grid.
public struct PanelOutsideGrid: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-outside-grid", severity: .error,
        summary: "A panel extends past column 24 or starts at a negative position.",
        rationale: "The grid has 24 columns: Grafana squeezes or moves a panel with `x + w > 24` or a negative `x`/`y`, so the layout differs from the file. Fix `gridPos`.",
        triggering: [Example.dashboard(Example.panel("up", x: 16, y: 0, w: 12, h: 8)), Example.dashboard(Example.panel("up", x: -2, y: 0, w: 12, h: 8))],
        nonTriggering: [Example.dashboard(Example.panel("up", x: 12, y: 0, w: 12, h: 8))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in Layout.spaces(d.dashboard).joined() {
                guard let r = Layout.rect(p), r.w > 0, r.h > 0 else { continue }
                let name = p.title ?? ""
                if r.x < 0 || r.y < 0 {
                    report.add("panel \"\(name)\" starts at a negative position (x \(r.x), y \(r.y))", panel: p, key: "gridPos")
                } else if r.x + r.w > GridPos.columns {
                    report.add("panel \"\(name)\" ends at column \(r.x + r.w), past the 24-column grid", panel: p, key: "gridPos",
                               hint: r.w <= GridPos.columns ? "use x \(GridPos.columns - r.w) or a smaller w" : "use w \(GridPos.columns - r.x)")
                }
            }
        }
    }
}

/// A panel of zero (or negative) width or height.
public struct PanelZeroSize: Check {
    public static let rule = RuleDescription(
        id: "grafana/panel-zero-size", severity: .error,
        summary: "A panel's `gridPos` has a zero or negative width or height.",
        rationale: "Grafana cannot draw a panel with `w: 0` or `h: 0`: it is invisible in the file's layout and Grafana resizes it to its minimum on load, pushing other panels. Give it `w` of 1–24 and `h` of at least 1 (rows are `h: 1`).",
        triggering: [Example.dashboard(Example.panel("up", x: 0, y: 0, w: 0, h: 8)), Example.dashboard(Example.panel("up", x: 0, y: 0, w: 12, h: 0))],
        nonTriggering: [Example.dashboard(Example.panel("up", x: 0, y: 0, w: 12, h: 8))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            for p in Layout.spaces(d.dashboard).joined() {
                guard let r = Layout.rect(p), r.w <= 0 || r.h <= 0 else { continue }
                report.add("panel \"\(p.title ?? "")\" has a zero size (w \(r.w), h \(r.h))", panel: p, key: "gridPos",
                           hint: "give it a width of 1–24 and a height of at least 1")
            }
        }
    }
}

/// Two panels with the same `id`.
public struct DuplicatePanelID: Check {
    public static let rule = RuleDescription(
        id: "grafana/duplicate-panel-id", severity: .error,
        summary: "Two panels of a dashboard have the same `id`.",
        rationale: "Panel ids address panels in links (`viewPanel=3`), library panels, alert annotations and `-- Dashboard --` queries; with duplicates Grafana renumbers one on load and links point at the wrong panel.",
        triggering: [Example.dashboard(Example.panel("up", x: 0, id: 1) + ", " + Example.panel("up", x: 12, id: 1))],
        nonTriggering: [Example.dashboard(Example.panel("up", x: 0, id: 1) + ", " + Example.panel("up", x: 12, id: 2))])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            var first: [Int: Panel] = [:]
            for p in d.allPanels {
                guard let id = p.id else { continue }
                if let earlier = first[id] {
                    report.add("panel id \(id) is also used by panel \"\(earlier.title ?? "")\"", panel: p, key: "id", hint: "give every panel a unique id")
                } else {
                    first[id] = p
                }
            }
        }
    }
}

/// Row membership that Grafana does not display as written.
public struct RowMembership: Check {
    public static let rule = RuleDescription(
        id: "grafana/row-membership", severity: .warning,
        summary: "An expanded row keeps panels inside it, or panels follow a collapsed row at the top level.",
        rationale: "An expanded row's panels are the top-level panels after it; panels inside an expanded row's `panels` are not shown. A collapsed row must hold its panels in `panels`; top-level panels after it are drawn outside the collapsed row and move into the next one when it is toggled.",
        triggering: [Example.dashboard(#"{"id": 9, "type": "row", "title": "R", "collapsed": false, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": ["# + Example.panel("up", y: 1) + "]}"),
                     Example.dashboard(#"{"id": 9, "type": "row", "title": "R", "collapsed": true, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": []}, "# + Example.panel("up", y: 1))],
        nonTriggering: [Example.dashboard(#"{"id": 9, "type": "row", "title": "R", "collapsed": false, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": []}, "# + Example.panel("up", y: 1)),
                        Example.dashboard(#"{"id": 9, "type": "row", "title": "R", "collapsed": true, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": ["# + Example.panel("up", y: 1) + "]}")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for d in context.dashboards {
            let top = d.dashboard.panels ?? []
            var collapsedRow: Panel?
            for p in top {
                if p.isRow {
                    collapsedRow = p.collapsed == true ? p : nil
                    if p.collapsed != true, let children = p.panels, !children.isEmpty {
                        report.add("expanded row \"\(p.title ?? "")\" holds \(children.count) panel(s) in \"panels\"; Grafana does not show them", panel: p, key: "panels",
                                   hint: "move them to the top level after the row, or set \"collapsed\": true")
                    }
                } else if let row = collapsedRow {
                    report.add("panel \"\(p.title ?? "")\" follows collapsed row \"\(row.title ?? "")\" at the top level, outside the row", panel: p, key: "gridPos",
                               hint: "move it into the row's \"panels\", or expand the row")
                }
            }
        }
    }
}
