import VigilCore

/// The stack's part of the lint registry: the stack file kind, the stack rules and the checks
/// across artifacts that need the stack.
public enum StackLint {
    public static let checks: [any Check.Type] = [UnroutedSeverity.self, MemoryAlertWithoutLimit.self, DashboardThresholdDisagrees.self]
    public static let registry = LintRegistry(kinds: [StackKind()], rules: [StackRules.unknownPreset], checks: checks)
}
