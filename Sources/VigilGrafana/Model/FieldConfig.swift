import VigilCore

/// A panel's field configuration: defaults for every field and overrides for some.
public struct FieldConfig: Sendable, Codable {
    public var defaults: FieldDefaults?
    public var overrides: [FieldOverride]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(defaults: FieldDefaults? = FieldDefaults(), overrides: [FieldOverride]? = []) {
        self.defaults = defaults
        self.overrides = overrides
    }
}

/// Standard field options (unit, range, decimals, thresholds, mappings) and the panel
/// plugin's `custom` options.
public struct FieldDefaults: Sendable, Codable {
    /// A unit id (`s`, `bytes`, `percentunit`, `reqps`…) or a custom unit (`suffix:req`).
    public var unit: String?
    public var min: FlexScalar?
    public var max: FlexScalar?
    public var decimals: FlexScalar?
    public var displayName: String?
    /// Shown when there is no data: a number or a string.
    public var noValue: FlexScalar?
    public var color: RawNode?
    public var thresholds: Thresholds?
    public var mappings: [ValueMapping]?
    public var custom: FieldCustom?
    public var links: [RawNode]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(unit: String? = nil) { self.unit = unit }
}

/// Thresholds: an ordered list of steps; the first step's `value` is `null` (minus infinity).
public struct Thresholds: Sendable, Codable {
    /// `absolute` or `percentage`.
    public var mode: String?
    public var steps: [ThresholdStep]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(mode: String? = "absolute", steps: [ThresholdStep]) {
        self.mode = mode
        self.steps = steps
    }

    /// Steps from a base colour and (value, colour) pairs: the base step gets `null`.
    public static func steps(base: String, _ rest: [(Double, String)]) -> Thresholds {
        Thresholds(steps: [ThresholdStep(color: base, value: nil)] + rest.map { ThresholdStep(color: $0.1, value: $0.0) })
    }
}

/// One threshold step: a colour from `value` upwards.
public struct ThresholdStep: Sendable, Codable {
    public var color: String?
    /// nil (JSON `null`) for the base step.
    public var value: FlexScalar?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(color: String, value: Double?) {
        self.color = color
        self.value = value.map { FlexScalar.number($0) } ?? FlexScalar(node: .null)
    }
}

/// A value mapping (`value`, `range`, `regex`, `special`); its options are kept as written.
public struct ValueMapping: Sendable, Codable {
    public var type: String?
    public var options: RawNode?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(type: String, options: Node) {
        self.type = type
        self.options = RawNode(options)
    }

    /// A mapping of exact values to display texts (and colours).
    public static func values(_ pairs: [(String, String, String?)]) -> ValueMapping {
        ValueMapping(type: "value", options: .mapping(pairs.enumerated().map { i, p in
            var fields: [(String, Node)] = [("text", .string(p.1))]
            if let c = p.2 { fields.append(("color", .string(c))) }
            fields.append(("index", .int(i)))
            return (p.0, .mapping(fields))
        }))
    }
}

/// An override: a matcher choosing fields and the properties set on them.
public struct FieldOverride: Sendable, Codable {
    public var matcher: OverrideMatcher?
    public var properties: [OverrideProperty]?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(matcher: OverrideMatcher, properties: [OverrideProperty]) {
        self.matcher = matcher
        self.properties = properties
    }
}

/// `{"id": "byName", "options": "errors"}`.
public struct OverrideMatcher: Sendable, Codable {
    public var id: String?
    public var options: RawNode?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(id: String, options: Node) {
        self.id = id
        self.options = RawNode(options)
    }
}

/// `{"id": "unit", "value": "s"}`.
public struct OverrideProperty: Sendable, Codable {
    public var id: String?
    public var value: RawNode?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(id: String, value: Node) {
        self.id = id
        self.value = RawNode(value)
    }
}

/// The `custom` field options of `timeseries` (and `bargauge`, `table`…).
public struct FieldCustom: Sendable, Codable {
    /// `line`, `bars`, `points`.
    public var drawStyle: String?
    public var lineWidth: FlexScalar?
    public var fillOpacity: FlexScalar?
    public var gradientMode: String?
    public var showPoints: String?
    public var spanNulls: FlexScalar?
    public var axisPlacement: String?
    public var axisLabel: String?
    public var axisSoftMin: FlexScalar?
    public var axisSoftMax: FlexScalar?
    public var stacking: Stacking?
    public var thresholdsStyle: RawNode?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init() {}
}

/// Series stacking: `{"mode": "normal", "group": "A"}`.
public struct Stacking: Sendable, Codable {
    /// `none`, `normal`, `percent`.
    public var mode: String?
    public var group: String?
    public var origin: Provenance?
    public var extra: ExtraFields?

    public init(mode: String, group: String? = "A") {
        self.mode = mode
        self.group = group
    }
}
