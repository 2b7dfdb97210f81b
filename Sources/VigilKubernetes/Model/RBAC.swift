import VigilCore

/// An `rbac.authorization.k8s.io/v1` ClusterRole, for rendering (lint does not decode RBAC objects).
public struct ClusterRole: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var rules: [PolicyRule]

    public init(metadata: ObjectMeta, rules: [PolicyRule]) {
        self.apiVersion = "rbac.authorization.k8s.io/v1"
        self.kind = "ClusterRole"
        self.metadata = metadata
        self.rules = rules
    }
}

/// One rule of a Role or ClusterRole: verbs allowed on resources of API groups.
public struct PolicyRule: Sendable, Codable, Hashable {
    public var apiGroups: [String]
    public var resources: [String]
    public var verbs: [String]

    public init(apiGroups: [String], resources: [String], verbs: [String]) {
        self.apiGroups = apiGroups
        self.resources = resources
        self.verbs = verbs
    }
}

/// An `rbac.authorization.k8s.io/v1` ClusterRoleBinding granting a ClusterRole to subjects.
public struct ClusterRoleBinding: Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var roleRef: RoleRef
    public var subjects: [Subject]

    public init(metadata: ObjectMeta, roleRef: RoleRef, subjects: [Subject]) {
        self.apiVersion = "rbac.authorization.k8s.io/v1"
        self.kind = "ClusterRoleBinding"
        self.metadata = metadata
        self.roleRef = roleRef
        self.subjects = subjects
    }
}

/// The role a binding grants.
public struct RoleRef: Sendable, Codable, Hashable {
    public var apiGroup: String
    public var kind: String
    public var name: String

    public init(kind: String = "ClusterRole", name: String) {
        self.apiGroup = "rbac.authorization.k8s.io"
        self.kind = kind
        self.name = name
    }
}

/// Who a binding grants its role to (here: a ServiceAccount).
public struct Subject: Sendable, Codable, Hashable {
    public var kind: String
    public var name: String
    public var namespace: String?

    public init(serviceAccount name: String, namespace: String?) {
        self.kind = "ServiceAccount"
        self.name = name
        self.namespace = namespace
    }
}
