import VigilCore

/// Everything `vigil lint` knows: the file kinds, rules and checks of every module.
public enum VigilRegistry {
    /// The full registry, in detection order (more specific kinds first).
    public static let all: LintRegistry = CoreRules.registry
}
