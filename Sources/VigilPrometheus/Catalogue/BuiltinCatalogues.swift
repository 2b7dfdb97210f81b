import VigilCore

/// The exporter catalogues Vigil ships (`templates/catalogues/*.yaml`): Prometheus's own scrape
/// series, node-exporter, cAdvisor, kube-state-metrics, redis-exporter, nginx-exporter.
public enum BuiltinCatalogues {
    /// The names a catalogue's `include:` may use.
    public static var names: [String] { sources.map(\.name) }

    private static let decoded: [String: MetricCatalogue] = {
        var out: [String: MetricCatalogue] = [:]
        for (name, text) in sources {
            let (catalogue, _) = MetricCatalogueKind.load(SourceFile(path: "templates/catalogues/\(name).yaml", text: text))
            if let catalogue { out[name] = catalogue }
        }
        return out
    }()

    /// A built-in catalogue by name.
    public static func catalogue(named name: String) -> MetricCatalogue? { decoded[name] }

    /// Problems in the built-in sources (a test keeps this empty).
    public static func problems() -> [Diagnostic] {
        sources.flatMap { MetricCatalogueKind.load(SourceFile(path: "templates/catalogues/\($0.name).yaml", text: $0.text)).1 }
    }
}
