import VigilCore

/// What the stack knows about a service's health endpoints and start-up, for the probe checks
/// that need it. Supplied through `LintOptions.knowledge`; without it those checks stay silent.
public struct ServiceHealthKnowledge: Sendable {
    /// One service of the stack.
    public struct Service: Sendable {
        /// Matched against the workload's name, its pods' `app.kubernetes.io/name` or `app`
        /// label, or a container's name.
        public var name: String
        /// How long the service may take to start (load models, warm caches, migrate).
        public var startupTime: VigilCore.Duration?
        /// HTTP paths whose handlers check external dependencies (databases, caches, APIs).
        public var dependencyCheckingPaths: [String]

        public init(name: String, startupTime: VigilCore.Duration? = nil, dependencyCheckingPaths: [String] = []) {
            self.name = name
            self.startupTime = startupTime
            self.dependencyCheckingPaths = dependencyCheckingPaths
        }
    }

    public var services: [Service]

    public init(services: [Service]) {
        self.services = services
    }

    /// The service a workload (or one of its containers) runs.
    public func service(for workload: Workload, container: Container? = nil) -> Service? {
        let names = [workload.metadata.name, workload.podLabels?["app.kubernetes.io/name"], workload.podLabels?["app"], container?.name].compactMap { $0 }
        return services.first { names.contains($0.name) }
    }
}
