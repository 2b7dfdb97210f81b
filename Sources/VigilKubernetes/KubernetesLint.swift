import VigilCore

/// The Kubernetes part of the lint registry: the object kinds and the manifest and probe checks.
public enum KubernetesLint {
    public static let registry = LintRegistry(kinds: [KubernetesObjectKind()], rules: [], checks: checks)

    static let checks: [any Check.Type] = [
        // What the API server would reject.
        SelectorMismatch.self, InvalidName.self, InvalidLabel.self, DuplicateName.self, RequiredField.self,
        ProbeHandlerCount.self, ProbeSuccessThreshold.self, ProbeGracePeriodOnReadiness.self,
        ProbeNegativeTiming.self, InvalidPort.self, InitContainerProbe.self, RequestsExceedLimits.self,
        // Probe timing.
        ProbeTimeoutExceedsPeriod.self, ProbeZeroDefaulted.self, ProbeInitialDelayWithStartup.self,
        StartupBudgetTooShort.self, StartupBudgetTooLong.self, LivenessBeforeReadiness.self,
        LivenessTooEager.self, IdenticalLivenessReadiness.self,
        // Wiring between objects.
        ProbePortNotExposed.self, ServiceTargetPortUnknown.self, ServiceSelectorMatchesNothing.self,
        StatefulSetServiceName.self, MonitorPortUnknown.self, MissingReference.self,
        // Presence.
        MissingReadinessProbe.self, MissingLivenessProbe.self, MissingResourceRequests.self,
        MissingMemoryLimit.self, LivenessChecksDependencies.self,
    ]
}
