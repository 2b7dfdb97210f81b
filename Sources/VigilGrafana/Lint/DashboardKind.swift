import VigilCore

/// A dashboard `vigil lint` found, with the form it was written in.
public struct DashboardArtifact: Artifact {
    /// How the dashboard was packaged.
    public enum Form: String, Sendable {
        /// The dashboard JSON model itself (exported, provisioned from files).
        case raw
        /// The HTTP API body `{"dashboard": {...}, "folderUid": ..., "overwrite": ...}`.
        case importWrapper
    }

    public let file: SourceFile
    public let dashboard: Dashboard
    public let form: Form
    /// The import body when `form` is `.importWrapper`.
    public let wrapper: DashboardImport?
    /// The dashboard's mapping node.
    public let node: Node
    /// Every Prometheus query of the dashboard (panels, variables, annotations), parsed once.
    public let queries: [PanelQuery]
    /// `dashboard.allPanels`, collected once for the checks.
    public let allPanels: [Panel]

    public init(file: SourceFile, dashboard: Dashboard, form: Form, wrapper: DashboardImport? = nil, node: Node) {
        self.file = file
        self.dashboard = dashboard
        self.form = form
        self.wrapper = wrapper
        self.node = node
        self.allPanels = dashboard.allPanels
        let resolver = DashboardArtifact.resolver(dashboard)
        self.queries = DashboardArtifact.collectQueries(dashboard, file: file, artifact: resolver)
    }
}

/// Recognises Grafana dashboards by content: the JSON model (`panels` or `rows` with a
/// `title` or `schemaVersion`) and the API import body (`dashboard` holding one, with
/// `folderUid`, `folderId`, `overwrite`, `message` or nothing else). Inside a ConfigMap the
/// Kubernetes kind hands each `.json` value to the registry, which lands here.
public struct DashboardKind: FileKind {
    public let name = "grafana-dashboard"

    public init() {}

    /// Whether a mapping looks like a dashboard model.
    static func isDashboard(_ node: Node) -> Bool {
        guard let m = node.mapping else { return false }
        let hasLayout = m["panels"]?.sequence != nil || m["rows"]?.sequence != nil
        return hasLayout && (m["title"] != nil || m["schemaVersion"] != nil)
    }

    static let wrapperKeys: Set<String> = ["dashboard", "folderUid", "folderId", "overwrite", "message", "inputs", "meta", "folderUID"]

    static func isImportWrapper(_ node: Node) -> Bool {
        guard let m = node.mapping, let inner = m["dashboard"], isDashboard(inner) else { return false }
        return m.keys.allSatisfy { wrapperKeys.contains($0) }
    }

    public func matches(_ document: Document) -> Bool {
        DashboardKind.isDashboard(document.root) || DashboardKind.isImportWrapper(document.root)
    }

    public func decode(_ document: Document, embedded: EmbeddedDecoder) -> DecodeOutput {
        let decoder = StrictDecoder(file: document.file)
        if DashboardKind.isImportWrapper(document.root) {
            let (value, diagnostics) = decoder.decode(DashboardImport.self, from: document.root)
            guard let value, let dashboard = value.dashboard, let node = document.root["dashboard"] else {
                return DecodeOutput(diagnostics: diagnostics)
            }
            return DecodeOutput(artifacts: [DashboardArtifact(file: document.file, dashboard: dashboard, form: .importWrapper, wrapper: value, node: node)],
                                diagnostics: diagnostics)
        }
        let (value, diagnostics) = decoder.decode(Dashboard.self, from: document.root)
        guard let value else { return DecodeOutput(diagnostics: diagnostics) }
        return DecodeOutput(artifacts: [DashboardArtifact(file: document.file, dashboard: value, form: .raw, node: document.root)],
                            diagnostics: diagnostics)
    }
}
