import VigilCore

/// `metadata` of every Kubernetes object: name, namespace, labels, annotations and the fields
/// the API server fills in (kept, never checked).
public struct ObjectMeta: Sendable, Codable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var labels: StringMap<String>?
    public var annotations: StringMap<String>?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var selfLink: String?
    public var creationTimestamp: KeptNode?
    public var deletionTimestamp: KeptNode?
    public var deletionGracePeriodSeconds: Int64?
    public var ownerReferences: KeptNode?
    public var finalizers: [String]?
    public var managedFields: KeptNode?
    public var origin: Provenance?

    public init(name: String? = nil, namespace: String? = nil, labels: StringMap<String>? = nil,
                annotations: StringMap<String>? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }
}

/// A label query (`matchLabels` and `matchExpressions`), as Deployments and Services use.
public struct LabelSelector: Sendable, Codable {
    public var matchLabels: StringMap<String>?
    public var matchExpressions: [LabelSelectorRequirement]?
    public var origin: Provenance?

    public init(matchLabels: StringMap<String>? = nil, matchExpressions: [LabelSelectorRequirement]? = nil) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether the selector has no requirement at all (selects everything, or nothing for
    /// workloads, where the API rejects it).
    public var isEmpty: Bool {
        (matchLabels?.isEmpty ?? true) && (matchExpressions?.isEmpty ?? true)
    }

    /// Whether a set of labels satisfies every requirement.
    public func matches(_ labels: StringMap<String>?) -> Bool {
        let labels = labels ?? StringMap()
        for (k, v) in matchLabels ?? StringMap() where labels[k] != v { return false }
        for e in matchExpressions ?? [] where !e.matches(labels) { return false }
        return true
    }
}

/// One `matchExpressions` entry.
public struct LabelSelectorRequirement: Sendable, Codable {
    public enum Operator: String, Sendable, Codable, CaseIterable, StrictEnum {
        case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
    }

    public var key: String
    public var `operator`: Operator
    public var values: [String]?
    public var origin: Provenance?

    public init(key: String, operator op: Operator, values: [String]? = nil) {
        self.key = key
        self.operator = op
        self.values = values
    }

    public func matches(_ labels: StringMap<String>) -> Bool {
        switch self.operator {
        case .in: return labels[key].map { (values ?? []).contains($0) } ?? false
        case .notIn: return labels[key].map { !(values ?? []).contains($0) } ?? true
        case .exists: return labels[key] != nil
        case .doesNotExist: return labels[key] == nil
        }
    }
}

extension StringMap where Value == String {
    /// Whether every pair of `selector` is in this map (a Service selector matching pod labels).
    public func contains(all selector: StringMap<String>) -> Bool {
        for (k, v) in selector where self[k] != v { return false }
        return true
    }
}

// MARK: Decoding

extension ObjectMeta: FieldDecodable {
    public init(fields f: FieldReader) throws {
        name = f.decodeIfPresent("name")
        generateName = f.decodeIfPresent("generateName")
        namespace = f.decodeIfPresent("namespace")
        labels = f.decodeIfPresent("labels")
        annotations = f.decodeIfPresent("annotations")
        uid = f.decodeIfPresent("uid")
        resourceVersion = f.decodeIfPresent("resourceVersion")
        generation = f.decodeIfPresent("generation")
        selfLink = f.decodeIfPresent("selfLink")
        creationTimestamp = f.decodeIfPresent("creationTimestamp")
        deletionTimestamp = f.decodeIfPresent("deletionTimestamp")
        deletionGracePeriodSeconds = f.decodeIfPresent("deletionGracePeriodSeconds")
        ownerReferences = f.decodeIfPresent("ownerReferences")
        finalizers = f.decodeIfPresent("finalizers")
        managedFields = f.decodeIfPresent("managedFields")
        origin = f.provenance
    }
}

extension LabelSelector: FieldDecodable {
    public init(fields f: FieldReader) throws {
        matchLabels = f.decodeIfPresent("matchLabels")
        matchExpressions = f.decodeIfPresent("matchExpressions")
        origin = f.provenance
    }
}

extension LabelSelectorRequirement: FieldDecodable {
    public init(fields f: FieldReader) throws {
        key = try f.decode("key")
        `operator` = try f.decode("operator")
        values = f.decodeIfPresent("values")
        origin = f.provenance
    }
}
