import VigilCore
import VigilKubernetes

/// A composable index template (the body of `PUT _index_template/<name>`): the index patterns it
/// applies to, its priority, and the settings and field mappings of the indices it creates.
///
/// `node` is the JSON body in Elasticsearch's key order (`index_patterns`, `priority`,
/// `template.settings`, `template.mappings.properties`); `json()` prints it and `configMap(…)`
/// packages it as `<name>.json` for Logstash's `template` option.
public struct IndexTemplate: Sendable, Hashable {
    /// One mapped field: its name and Elasticsearch type (`keyword`, `date`, `text`, `long`…).
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: String

        public init(_ name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    /// An index setting written as a string (`"refresh_interval": "5s"`).
    public struct Setting: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The template's name (`template_name`, and the file name `<name>.json`).
    public var name: String
    public var indexPatterns: [String]
    public var priority: Int?
    public var numberOfShards: Int?
    public var numberOfReplicas: Int?
    /// Other index settings (`refresh_interval`, `index.lifecycle.name`…), in the given order.
    public var extraSettings: [Setting]
    /// Field mappings, in the given order.
    public var fields: [Field]

    public init(name: String, indexPatterns: [String], priority: Int? = nil, numberOfShards: Int? = nil, numberOfReplicas: Int? = nil,
                extraSettings: [Setting] = [], fields: [Field] = []) {
        self.name = name
        self.indexPatterns = indexPatterns
        self.priority = priority
        self.numberOfShards = numberOfShards
        self.numberOfReplicas = numberOfReplicas
        self.extraSettings = extraSettings
        self.fields = fields
    }

    /// Whether an index name is matched by one of the patterns (`*` matches any run of characters).
    public func covers(_ index: String) -> Bool { indexPatterns.contains { Sprintf.glob($0, matches: index) } }

    /// The `_index_template` body.
    public var node: Node {
        var settings: [(String, Node)] = []
        if let n = numberOfShards { settings.append(("number_of_shards", .int(n))) }
        if let n = numberOfReplicas { settings.append(("number_of_replicas", .int(n))) }
        settings += extraSettings.map { ($0.name, .string($0.value)) }
        var template: [(String, Node)] = []
        if !settings.isEmpty { template.append(("settings", .mapping(settings))) }
        if !fields.isEmpty {
            template.append(("mappings", .mapping([("properties", .mapping(fields.map { ($0.name, .mapping([("type", .string($0.type))])) }))])))
        }
        var body: [(String, Node)] = [("index_patterns", .sequence(indexPatterns.map { .string($0) }))]
        if let priority { body.append(("priority", .int(priority))) }
        if !template.isEmpty { body.append(("template", .mapping(template))) }
        return .mapping(body)
    }

    /// The body as JSON text (two-space indentation, final newline).
    public func json() throws -> String { try JSONEmitter().emit(node) }

    /// A ConfigMap holding the template as `<name>.json`, for mounting where Logstash's
    /// `template` option points.
    public func configMap(name configMapName: String, namespace: String? = nil, labels: StringMap<String>? = nil) throws -> ConfigMap {
        ConfigMap(metadata: ObjectMeta(name: configMapName, namespace: namespace, labels: labels), data: ["\(name).json": try json()])
    }
}
