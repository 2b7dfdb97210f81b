import VigilCore
import VigilPromQL

/// The PromQL of a stack alert, right by construction: ratios aggregate numerator and
/// denominator the same way (no self-ratio), histograms keep `le`, limits filter out zero.
struct AlertExpressions {
    let stack: Stack

    var service: ServiceDefinition { stack.service }
    var job: String { service.name }

    /// The expression without its comparison (what a dashboard panel shows).
    func subject(of alert: AlertDefinition) -> String {
        let window = (alert.window ?? Duration(seconds: 300)).description
        let by = (["job"] + (alert.by ?? [])).joined(separator: ", ")
        let metric = alert.metric ?? ""
        switch alert.kind {
        case .errorRatio:
            let errors = alert.errorMatcher.map { ", \($0)" } ?? ""
            return "sum by (\(by)) (rate(\(metric){job=\"\(job)\"\(errors)}[\(window)])) / sum by (\(by)) (rate(\(metric){job=\"\(job)\"}[\(window)]))"
        case .latencyQuantile:
            let q = NumberText.float(alert.quantile ?? 0.95)
            return "histogram_quantile(\(q), sum by (\(by), le) (rate(\(metric)_bucket{job=\"\(job)\"}[\(window)])))"
        case .targetDown:
            return "up{job=\"\(job)\"}"
        case .memoryVsLimit:
            let sel = "namespace=\"\(service.effectiveNamespace)\", container=\"\(service.name)\""
            return "max by (namespace, pod, container) (container_memory_working_set_bytes{\(sel)}) / max by (namespace, pod, container) (container_spec_memory_limit_bytes{\(sel)} > 0)"
        case .gauge:
            let b = alert.by.map { "max by (\(( ["job"] + $0).joined(separator: ", "))) " } ?? ""
            return b.isEmpty ? "\(metric){job=\"\(job)\"}" : "\(b)(\(metric){job=\"\(job)\"})"
        case .rate:
            return "sum by (\(by)) (rate(\(metric){job=\"\(job)\"}[\(window)]))"
        case .expr:
            return alert.expr ?? ""
        }
    }

    /// The full alert expression for one severity's threshold, printed canonically.
    func expression(of alert: AlertDefinition, threshold: Double) -> String {
        let op: String
        if alert.kind == .targetDown && alert.op == nil {
            op = "=="
        } else {
            op = alert.comparison.rawValue
        }
        let subject = subject(of: alert)
        let needsParens = alert.kind == .expr || alert.kind == .errorRatio || alert.kind == .memoryVsLimit
        let text = "\(needsParens ? "(\(subject))" : subject) \(op) \(NumberText.float(threshold))"
        guard let parsed = try? PromQL.parseExpr(text) else { return text }
        return PromQLPrinter.compact(parsed)
    }

    /// Severities of an alert in a stable order: critical first, then the others sorted.
    static func severities(_ alert: AlertDefinition) -> [String] {
        let keys = Array(alert.thresholds.keys)
        return keys.filter { $0 == "critical" } + keys.filter { $0 != "critical" }.sorted()
    }
}
