import VigilCore

/// The Kubernetes part of the lint registry: the object kinds and the manifest and probe checks.
public enum KubernetesLint {
    public static let registry = LintRegistry(kinds: [KubernetesObjectKind()], rules: [], checks: checks)

    static let checks: [any Check.Type] = []
}
