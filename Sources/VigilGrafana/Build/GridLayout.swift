/// Auto-layout of the 24-column grid: panels flow left to right and wrap to a new line when
/// the next one does not fit; a line is as tall as its tallest panel; a row starts a new line,
/// is one unit high and spans the grid, and a collapsed row keeps its panels inside it (at the
/// positions they take when it is expanded) while the next row follows right below it.
enum GridLayout {
    static func place(_ items: [DashboardBuilder.Item], datasource: DatasourceRef?) -> [Panel] {
        var top: [Panel] = []
        var x = 0, y = 0, lineHeight = 0
        var nextID = 1
        var collapsedRow: Panel?
        var collapsedRowY = 0

        func closeCollapsedRow() {
            guard var row = collapsedRow else { return }
            row.panels = row.panels ?? []
            top.append(row)
            collapsedRow = nil
            // The next thing starts right under the collapsed bar.
            x = 0
            y = collapsedRowY + 1
            lineHeight = 0
        }

        for item in items {
            switch item {
            case .row(let title, let collapsed):
                closeCollapsedRow()
                if x > 0 { y += lineHeight }
                x = 0
                lineHeight = 0
                var row = Panel(type: "row", title: title)
                row.id = nextID
                nextID += 1
                row.gridPos = GridPos(x: 0, y: y, w: GridPos.columns, h: 1)
                row.collapsed = collapsed
                if collapsed {
                    collapsedRow = row
                    collapsedRowY = y
                } else {
                    row.panels = []
                    top.append(row)
                }
                y += 1
            case .panel(let b):
                let size = b.kind.defaultSize
                let w = b.width ?? size.w
                let h = b.height ?? size.h
                if x + w > GridPos.columns {
                    x = 0
                    y += lineHeight
                    lineHeight = 0
                }
                let panel = b.build(id: nextID, at: GridPos(x: x, y: y, w: w, h: h), datasource: datasource)
                nextID += 1
                if var row = collapsedRow {
                    row.panels = (row.panels ?? []) + [panel]
                    collapsedRow = row
                } else {
                    top.append(panel)
                }
                x += w
                lineHeight = max(lineHeight, h)
            }
        }
        closeCollapsedRow()
        return top
    }
}
