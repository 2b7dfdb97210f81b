import VigilCore
import VigilGrafana
import VigilPrometheus

/// Dashboard queries are checked against the metric catalogue like rule expressions: a panel
/// that reads a metric nobody exports shows "No data" forever.
extension DashboardArtifact: CatalogueQuerySource {
    public var catalogueQueries: [CatalogueQuery] {
        queries.compactMap { q -> CatalogueQuery? in
            guard let expr = q.expr else { return nil }
            let owner: String
            switch q.owner {
            case .panel(let p): owner = "panel \"\(p.title ?? "untitled")\""
            case .variable(let v): owner = "variable \"\(v.name ?? "")\""
            case .annotation: owner = "annotation query"
            }
            let original = Array(q.text.utf8)
            let substitution = q.substitution
            return CatalogueQuery(expr: expr, owner: owner, locate: { q.location(of: $0) }, isLiteral: { range in
                // A part of the query that came from `$var`, `${var}` or `[[var]]` is not the user's literal text.
                let r = substitution.originalRange(range)
                guard r.lowerBound >= 0, r.upperBound <= original.count else { return false }
                return !QueryVariables.mentions(original[r])
            })
        }
    }
}

/// Whether a piece of query text holds a Grafana variable reference.
enum QueryVariables {
    static func mentions(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: "$") { return true }
            if b == UInt8(ascii: "[") && previous == UInt8(ascii: "[") { return true }
            previous = b
        }
        return false
    }
}
