import VigilAlertmanager
import VigilCore
import VigilElastic
import VigilGrafana
import VigilKubernetes
import VigilPrometheus

/// Everything `vigil lint` knows: the file kinds, rules and checks of every module.
public enum VigilRegistry {
    /// The full registry, in detection order (more specific kinds first).
    public static let all: LintRegistry = CoreRules.registry
        .merging(StackLint.registry)
        .merging(CatalogueLint.registry)
        .merging(PrometheusLint.registry)
        .merging(AlertmanagerLint.registry)
        .merging(KubernetesLint.registry)  // generic Kubernetes objects after the CRD kinds above
        .merging(ElasticLint.registry)
        .merging(GrafanaLint.registry)
}
