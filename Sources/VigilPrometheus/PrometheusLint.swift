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
    ]

    /// The registry to merge into the command line's.
    public static let registry = LintRegistry(kinds: kinds, rules: [], checks: checks)
}
