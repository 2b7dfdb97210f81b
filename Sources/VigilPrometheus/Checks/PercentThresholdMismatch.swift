import VigilCore
import VigilPromQL

/// An annotation prints `$value` as a percentage while the alert compares the value as a ratio.
public struct PercentThresholdMismatch: RuleCheck {
    public static let rule = RuleDescription(
        id: "alerts/percent-unit-mismatch", severity: .warning,
        summary: "An annotation prints `{{ $value }}%`, but the alert compares the value with a ratio (a threshold up to 1) and never multiplies by 100.",
        rationale: "Either the metric is a ratio (0–1) and the notification reads \"0.65%\" for 65 %, or it is a percentage (0–100) and the threshold `< 0.7` means 0.7 % — the alert fires almost always or never. Decide the unit: for a ratio write `{{ $value | humanizePercentage }}`; for a percentage fix the threshold.",
        triggering: [Example.alert("cache_hit_ratio < 0.7", annotations: [("description", "Cache hit rate is {{ $value }}%")])],
        nonTriggering: [Example.alert("cache_hit_ratio < 0.7", annotations: [("description", "Cache hit rate is {{ $value | humanizePercentage }}")]),
                        Example.alert("cache_hit_ratio * 100 < 70", annotations: [("description", "Cache hit rate is {{ $value }}%")])])

    public init() {}

    public func run(_ rules: ArraySlice<RuleInContext>, _ context: LintContext, _ report: inout CheckReport) {
        for r in rules where r.rule.isAlert {
            guard let e = r.rule.parsed else { continue }
            let root = e.unparenthesized
            guard let t = r.rule.thresholds.first(where: { $0.comparison.range == root.range }), t.value > 0, t.value <= 1,
                  !Self.scalesBy100(t.subject) else { continue }
            for a in r.rule.annotations {
                guard let tmpl = a.template, tmpl.error == nil, !tmpl.functions.contains("humanizePercentage"),
                      let percent = Self.percentAfterValue(a.value) else { continue }
                let (file, range) = a.range(percent, in: r.file.file)
                report.add("annotation \"\(a.name)\" prints $value as a percentage, but the alert compares it with \(PromQLPrinter.formatNumber(NumberLiteral(t.value))) as a ratio",
                           in: file, at: range, hint: "for a ratio (0–1) write {{ $value | humanizePercentage }}; for a percentage fix the threshold (e.g. \(PromQLPrinter.formatNumber(NumberLiteral(t.value * 100))))")
            }
        }
    }

    /// The range of `{{ $value … }}%` in `text`.
    static func percentAfterValue(_ text: String) -> Range<Int>? {
        let b = Array(text.utf8)
        var i = 0
        while i + 1 < b.count {
            guard b[i] == 0x7B, b[i + 1] == 0x7B else { i += 1; continue }
            guard let close = (i..<(b.count - 1)).first(where: { b[$0] == 0x7D && b[$0 + 1] == 0x7D }) else { return nil }
            let inner = String(decoding: b[(i + 2)..<close], as: UTF8.self)
            var j = close + 2
            while j < b.count, b[j] == 0x20 { j += 1 }
            if j < b.count, b[j] == 0x25, inner.containsBytes("$value") || inner.containsBytes(".Value") { return i..<(j + 1) }
            i = close + 2
        }
        return nil
    }

    static func scalesBy100(_ e: Expr) -> Bool {
        var found = false
        PromQLWalker().walk(e) { node, _ in
            if case .binary(let b) = node.kind, b.op == .mul, b.lhs.constantValue == 100 || b.rhs.constantValue == 100 { found = true; return .stop }
            return .descend
        }
        return found
    }
}
