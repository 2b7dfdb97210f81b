import VigilCore

/// The Prometheus part of `vigil lint`: rule files (plain, PrometheusRule, embedded), the
/// Prometheus configuration, promtool's checks and the PromQL checks beyond promtool.
public enum PrometheusLint {
    /// File kinds, in the order they are tried.
    public static let kinds: [any FileKind] = [PrometheusRuleKind(), RuleFileKind(), PrometheusConfigKind()]

    /// Every check of the module.
    public static let checks: [any Check.Type] = [
        // promtool check rules
        RecordOrAlert.self, MissingExpression.self, InvalidExpression.self, AlertFieldsOnRecordingRule.self,
        InvalidRecordName.self, InvalidRuleLabelName.self, GroupName.self, InvalidTemplate.self, DuplicateRule.self,
        // promtool check config
        ScrapeTimeoutExceedsInterval.self, DuplicateJobName.self, InvalidRelabelConfig.self, InvalidConfigLabel.self,
        InvalidTarget.self, ConflictingAuth.self, InvalidServiceDiscovery.self, RemoteStorageURL.self, InvalidFilePattern.self,
        ScrapeThroughService.self,
        // beyond promtool
        RateOnNonCounter.self, RawCounterComparison.self, HistogramQuantileWithoutLe.self, RateOfAggregation.self,
        SelfRatio.self, VectorMatchingImpossible.self, ComparisonNeverTrue.self, ComparisonAlwaysTrue.self,
        AlertWithoutCondition.self, TemplateLabelMissing.self, ValueInAlertLabels.self, ForShorterThanInterval.self,
        RangeShorterThanScrapeInterval.self, RateWithoutFor.self, RegexAnchors.self, RegexWithoutMetacharacters.self,
        RedundantOffset.self, RecordNameConvention.self, PercentThresholdMismatch.self, AbsentOfAggregation.self,
        RatioToUnsetLimit.self,
    ]

    /// The registry to merge into the command line's.
    public static let registry = LintRegistry(kinds: kinds, rules: [], checks: checks)
}
