import VigilCore

/// The forms a dashboard is delivered in: the JSON model, the HTTP API import body, the
/// file-provisioning provider that loads a folder of JSON files, and a ConfigMap for the
/// Grafana sidecar (`grafana_dashboard: "1"`, one dashboard per key).
public enum DashboardPackaging {
    /// The dashboard JSON model as a node (unknown fields of a read dashboard included). The
    /// Grafana models always encode; should encoding ever fail, the node is an empty mapping.
    public static func node(_ dashboard: Dashboard) -> Node {
        (try? GrafanaEncoding.node(dashboard)) ?? .mapping([])
    }

    /// The dashboard JSON, two-space indented, ending with a newline.
    public static func json(_ dashboard: Dashboard) throws -> String {
        try JSONEmitter().emit(node(dashboard))
    }

    /// The body of `POST /api/dashboards/db`: `{"dashboard": …, "folderUid": …, "overwrite": …}`.
    public static func importBody(_ dashboard: Dashboard, folderUid: String? = nil, overwrite: Bool = true, message: String? = nil) throws -> String {
        let body = DashboardImport(dashboard: dashboard, folderUid: folderUid, overwrite: overwrite, message: message)
        return try JSONEmitter().emit(GrafanaEncoding.node(body))
    }

    /// A file-provisioning provider (`provisioning/dashboards/*.yaml`) loading the JSON files
    /// under `path` into `folder`; UI changes are refused and provisioned dashboards are not
    /// deleted from the UI.
    public static func providerNode(name: String, folder: String, path: String) -> Node {
        .mapping([
            ("apiVersion", .int(1)),
            ("providers", .sequence([.mapping([
                ("name", .string(name)),
                ("folder", .string(folder)),
                ("type", .string("file")),
                ("disableDeletion", .bool(true)),
                ("allowUiUpdates", .bool(false)),
                ("options", .mapping([("path", .string(path)), ("foldersFromFilesStructure", .bool(false))])),
            ])])),
        ])
    }

    /// The provider YAML (see `providerNode`).
    public static func provider(name: String, folder: String, path: String) throws -> String {
        try YAMLEmitter().emit(providerNode(name: name, folder: folder, path: path))
    }

    /// A ConfigMap the Grafana sidecar (kiwigrid k8s-sidecar, the Helm chart's default) picks
    /// up by its `grafana_dashboard: "1"` label: one `<key>.json` per dashboard, keys sorted.
    public static func configMapNode(name: String, namespace: String? = nil, dashboards: [(key: String, dashboard: Dashboard)],
                                     labels: [(String, String)] = [], folder: String? = nil) throws -> Node {
        var metadata: [(String, Node)] = [("name", .string(name))]
        if let namespace { metadata.append(("namespace", .string(namespace))) }
        let allLabels = (labels.filter { $0.0 != "grafana_dashboard" } + [("grafana_dashboard", "1")]).sorted { $0.0 < $1.0 }
        metadata.append(("labels", .mapping(allLabels.map { ($0.0, .string($0.1)) })))
        if let folder { metadata.append(("annotations", .mapping([("grafana_folder", .string(folder))]))) }
        var data: [(String, Node)] = []
        for (key, d) in dashboards.sorted(by: { $0.key < $1.key }) {
            let file = key.hasSuffix(".json") ? key : key + ".json"
            data.append((file, .string(try json(d))))
        }
        return .mapping([
            ("apiVersion", .string("v1")),
            ("kind", .string("ConfigMap")),
            ("metadata", .mapping(metadata)),
            ("data", .mapping(data)),
        ])
    }

    /// The ConfigMap YAML (see `configMapNode`).
    public static func configMap(name: String, namespace: String? = nil, dashboards: [(key: String, dashboard: Dashboard)],
                                 labels: [(String, String)] = [], folder: String? = nil) throws -> String {
        try YAMLEmitter().emit(configMapNode(name: name, namespace: namespace, dashboards: dashboards, labels: labels, folder: folder))
    }
}
