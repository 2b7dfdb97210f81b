import VigilCore

/// The metric-catalogue part of `vigil lint`: the catalogue kind, cardinality rules, and the
/// knowledge a catalogue gives every other check.
public enum CatalogueLint {
    public static let checks: [any Check.Type] = [
        UnboundedLabel.self, IdentifierLabel.self, MetricOverBudget.self, JobOverBudget.self,
        UnknownMetric.self, UnknownLabel.self, QuantileBeyondBuckets.self, QuantileCoarseBucket.self, ThresholdUnitMismatch.self, SeverityLadder.self, AggregationByIdentifier.self,
    ]

    /// Catalogues among the linted files (and those given with `--catalogue`, which arrive as
    /// `MetricCatalogue` knowledge) become one `MetricKnowledge` for every check.
    public static let deriveKnowledge: LintRegistry.KnowledgeDeriver = { artifacts, given in
        var catalogues = artifacts.only(MetricCatalogueArtifact.self).map(\.catalogue)
        catalogues += given.compactMap { $0 as? MetricCatalogue }
        guard !catalogues.isEmpty else { return [] }
        return [CatalogueIndex(catalogues) as any MetricKnowledge]
    }

    public static let registry = LintRegistry(kinds: [MetricCatalogueKind()], checks: checks, knowledgeDerivers: [deriveKnowledge])
}
