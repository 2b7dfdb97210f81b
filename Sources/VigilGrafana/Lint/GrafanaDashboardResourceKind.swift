import VigilCore

/// The Grafana Operator's `GrafanaDashboard` resource (`grafana.integreatly.org`): the
/// dashboard JSON in `spec.json` is linted like a file, positions mapped into the manifest.
/// Dashboards the resource only points at (`spec.url`, `spec.configMapRef`, `spec.grafanaCom`)
/// are not fetched.
public struct GrafanaDashboardResourceKind: FileKind {
    public let name = "grafana-operator-dashboard"

    public init() {}

    public func matches(_ document: Document) -> Bool {
        guard document.root["kind"]?.scalarText == "GrafanaDashboard",
              let api = document.root["apiVersion"]?.scalarText else { return false }
        return api.hasPrefix("grafana.integreatly.org/")
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        guard let json = document.root["spec"]?["json"], json.scalar != nil else { return DecodeOutput() }
        return embedded.decode(scalar: json, of: document.file, name: "dashboard.json")
    }
}
