import VigilCore

/// The Grafana module's part of the lint registry: the dashboard kind and every dashboard check.
public enum GrafanaLint {
    public static let checks: [any Check.Type] = [
    ]

    public static let registry = LintRegistry(kinds: [DashboardKind()], checks: checks)
}
