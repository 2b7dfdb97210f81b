import VigilCore

/// The Alertmanager part of Vigil's lint: the config file kind and every Alertmanager check.
public enum AlertmanagerLint {
    /// Checks that make the same verdict as `amtool check-config`.
    public static let parityChecks: [any Check.Type] = [
        RootRoute.self, UndefinedReceiver.self, DuplicateReceiver.self, UndefinedTimeInterval.self,
        InvalidGroupBy.self, InvalidLabelName.self, MissingRequiredField.self, SecretInlineAndFile.self,
        InvalidSetting.self,
    ]

    /// Checks beyond amtool (design problems in configs Alertmanager accepts).
    public static let designChecks: [any Check.Type] = [
        UnusedReceiver.self, UnreachableRoute.self, Timing.self, DeprecatedMatch.self, PlaintextSecret.self,
        Placeholder.self, InhibitWithoutEqual.self,
    ]

    /// Kinds and checks to merge into the full registry.
    public static let registry = LintRegistry(kinds: [AlertmanagerConfigKind()], checks: parityChecks + designChecks)

    /// A registry that takes every document as an Alertmanager config (for `vigil routes` and
    /// for checking a file the user named as one), on top of the core rules.
    public static let forcedRegistry = LintRegistry(kinds: [AlertmanagerConfigKind(forced: true)], checks: parityChecks + designChecks)
        .merging(LintRegistry(rules: CoreRules.all))
}
