import VigilCore

// Families of Kubernetes checks whose findings for one item depend on that item alone: the
// linter runs each family together on slices of the run's inventory (see `SlicedCheck`).

/// A check of one object at a time.
public protocol ObjectCheck: SlicedCheck where Item == KubernetesObject {}

extension ObjectCheck {
    public static func items(in context: LintContext) -> [KubernetesObject] { KubernetesInventory.of(context).objects }
}

/// A check of one workload (with its containers and probes) at a time.
public protocol WorkloadCheck: SlicedCheck where Item == Workload {}

extension WorkloadCheck {
    public static func items(in context: LintContext) -> [Workload] { KubernetesInventory.of(context).workloads }
}

/// A check of one container of a workload at a time.
public protocol ContainerCheck: SlicedCheck where Item == (Workload, ContainerRef) {}

extension ContainerCheck {
    public static func items(in context: LintContext) -> [(Workload, ContainerRef)] { KubernetesInventory.of(context).containers }
}

/// A check of one probe at a time.
public protocol ProbeCheck: SlicedCheck where Item == ProbeRef {}

extension ProbeCheck {
    public static func items(in context: LintContext) -> [ProbeRef] { KubernetesInventory.of(context).probes }
}
