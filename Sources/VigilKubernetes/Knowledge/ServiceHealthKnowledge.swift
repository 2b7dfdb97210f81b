import Foundation
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

    /// Annotation (on the workload or its pod template) declaring the start-up time, e.g. `120s`.
    public static let startupTimeAnnotation = "vigil.dev/startup-time"
    /// Annotation listing, comma-separated, the HTTP paths that check external dependencies.
    public static let dependencyChecksAnnotation = "vigil.dev/dependency-checks"

    /// What is known about the service a workload runs: the stack's knowledge when given,
    /// else the workload's `vigil.dev/…` annotations; nil when neither says anything.
    public static func lookup(_ context: LintContext, workload: Workload, container: ContainerRef? = nil) -> Service? {
        if let known = context.options.knowledge(ServiceHealthKnowledge.self)?.service(for: workload, container: container) {
            return known
        }
        func annotation(_ key: String) -> String? { workload.metadata.annotations?[key] ?? workload.podAnnotations?[key] }
        let startup = annotation(startupTimeAnnotation).flatMap { try? VigilCore.Duration.parse($0.trimmingCharacters(in: .whitespaces)) }
        let paths = annotation(dependencyChecksAnnotation).map {
            $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } ?? []
        guard startup != nil || !paths.isEmpty else { return nil }
        return Service(name: workload.metadata.name ?? workload.kind, startupTime: startup, dependencyCheckingPaths: paths)
    }

    /// The service a workload (or one of its containers) runs.
    public func service(for workload: Workload, container: ContainerRef? = nil) -> Service? {
        let names = [workload.metadata.name, workload.podLabels?["app.kubernetes.io/name"], workload.podLabels?["app"], container?.container.name].compactMap { $0 }
        return services.first { names.contains($0.name) }
    }
}
