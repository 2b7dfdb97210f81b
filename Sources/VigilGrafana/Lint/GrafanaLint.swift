import VigilCore

/// The Grafana module's part of the lint registry: the dashboard kinds (the JSON model or import body,
/// the Grafana Operator resource) and every dashboard check.
public enum GrafanaLint {
    public static let checks: [any Check.Type] = [
        QueryInvalid.self, DatasourceVariableMissing.self, PanelDatasourceNotVariable.self, RateIntervalNotUsed.self,
        CounterWithoutRate.self, LegendUnknownLabel.self, UndefinedVariable.self, QueryIgnoresVariable.self, HardCodedJob.self,
        JobInstanceVariable.self, VariableRefresh.self, DashboardEditable.self,
        PanelTitleMissing.self, PanelDescriptionMissing.self, PanelWithoutTargets.self, PanelUnitMissing.self, UnknownUnit.self,
        DeprecatedPanelType.self, LegacyField.self, ThresholdsNotAscending.self, ThresholdBaseNotNull.self,
        PanelOverlap.self, PanelOutsideGrid.self, PanelZeroSize.self, DuplicatePanelID.self, RowMembership.self,
    ]

    public static let registry = LintRegistry(kinds: [DashboardKind(), GrafanaDashboardResourceKind()], checks: checks)
}
