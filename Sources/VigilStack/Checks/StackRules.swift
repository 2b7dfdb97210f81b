import VigilCore

/// Rules about the stack file itself (reported while resolving it).
public enum StackRules {
    public static let unknownPreset = RuleDescription(
        id: "stack/unknown-preset", severity: .error,
        summary: "`extends:` names a preset Vigil does not have.",
        rationale: "Presets supply the standard alerts, probes, scrape jobs and dashboards; a misspelt one silently leaves them out. Presets: http-service, kubernetes-exporters, elk-logging.",
        triggering: [RuleExample("apiVersion: vigil/v1\nkind: Stack\nextends: [http-servce]\nservice: {name: shop, image: shop:1, ports: {http: 8080}}\n", path: "vigil.yaml")],
        nonTriggering: [RuleExample("apiVersion: vigil/v1\nkind: Stack\nextends: [kubernetes-exporters]\nservice: {name: shop, image: shop:1, ports: {http: 8080}}\n", path: "vigil.yaml")])
}
