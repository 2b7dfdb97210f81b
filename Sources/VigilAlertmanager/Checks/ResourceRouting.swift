import VigilCore

/// `AlertmanagerConfig` resources the operator rejects: a route naming an undefined
/// receiver, duplicate receiver names, a top-level route without a receiver, invalid
/// matchers, a credential written where a Secret key reference belongs.
public struct ResourceRouting: Check {
    public static let rule = RuleDescription(
        id: "alertmanager/config-resource", severity: .error,
        summary: "An `AlertmanagerConfig` resource the operator rejects: undefined or duplicate receivers, a top route without a receiver, an invalid matcher, a credential written inline instead of a Secret key reference.",
        rationale: "The prometheus-operator drops an invalid AlertmanagerConfig from the generated configuration (it only logs and sets a status condition), so the namespace's alerts silently stop routing to its receivers.",
        triggering: [RuleExample("apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata: {name: team, namespace: shop}\nspec:\n  route:\n    receiver: pager\n  receivers:\n    - name: slack\n")],
        nonTriggering: [RuleExample("apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata: {name: team, namespace: shop}\nspec:\n  route:\n    receiver: slack\n    routes:\n      - matchers: [{name: severity, value: critical, matchType: '='}]\n        receiver: slack\n  receivers:\n    - name: slack\n")])

    public init() {}

    public func run(_ context: LintContext, _ report: inout CheckReport) {
        for a in context.all(AlertmanagerConfigResourceArtifact.self) {
            for (path, node) in ResourceSecretFields.inlineValues(in: a.resource.origin?.node?["spec"]) {
                report.add("\(path) must reference a key of a Secret, not hold the value (\(Secret.redacted))", in: a.file, at: node.range,
                           hint: "put the value in a Secret in the same namespace and write `{name: <secret>, key: <key>}`")
            }
            guard let spec = a.resource.spec else { continue }
            let names = (spec.receivers ?? []).map(\.name)
            var seen: Set<String> = []
            for r in spec.receivers ?? [] where !seen.insert(r.name).inserted {
                report.add("receiver \"\(r.name)\" is defined more than once", at: r.origin, key: "name", hint: "give each receiver its own name")
            }
            guard let route = spec.route else { continue }
            if !route.receiver.isSet {
                report.add("spec.route must name a receiver", at: route.origin, hint: "add `receiver:` naming one of spec.receivers")
            }
            for (r, path) in route.walk(path: "spec.route") {
                if let name = r.receiver, !name.isEmpty, !names.contains(name) {
                    let hint = Suggestion.closest(to: name, in: names).map { "did you mean \"\($0)\"?" } ?? "define it under spec.receivers"
                    report.add("\(path): receiver \"\(name)\" not found in spec.receivers", at: r.origin, key: "receiver", hint: hint)
                }
                for m in r.matchers ?? [] {
                    do { _ = try m.labelMatcher() } catch {
                        report.add("\(path): invalid matcher \(m.name): \(error)", at: m.origin, key: "value")
                    }
                }
            }
            for rule in spec.inhibitRules ?? [] {
                for m in (rule.sourceMatch ?? []) + (rule.targetMatch ?? []) {
                    do { _ = try m.labelMatcher() } catch {
                        report.add("invalid inhibit matcher \(m.name): \(error)", at: m.origin, key: "value")
                    }
                }
            }
        }
    }
}
