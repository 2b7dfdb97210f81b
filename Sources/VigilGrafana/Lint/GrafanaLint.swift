import VigilCore

/// The Grafana module's part of the lint registry: the dashboard kind and every dashboard check.
public enum GrafanaLint {
    public static let checks: [any Check.Type] = [
        QueryInvalid.self, DatasourceVariableMissing.self, PanelDatasourceNotVariable.self, RateIntervalNotUsed.self,
        CounterWithoutRate.self, LegendUnknownLabel.self, UndefinedVariable.self, QueryIgnoresVariable.self, HardCodedJob.self,
        PanelOverlap.self, PanelOutsideGrid.self, DuplicatePanelID.self, RowMembership.self,
    ]

    public static let registry = LintRegistry(kinds: [DashboardKind()], checks: checks)
}
