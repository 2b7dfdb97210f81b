import VigilCore

/// A container's `resources`: requests and limits by resource name (`cpu`, `memory`,
/// `ephemeral-storage`, extended resources).
public struct ResourceRequirements: Sendable, Codable {
    public var limits: StringMap<Quantity>?
    public var requests: StringMap<Quantity>?
    public var claims: KeptNode?
    public var origin: Provenance?

    public init(requests: StringMap<Quantity>? = nil, limits: StringMap<Quantity>? = nil) {
        self.requests = requests
        self.limits = limits
    }
}

extension ResourceRequirements: FieldDecodable {
    public init(fields f: FieldReader) throws {
        limits = f.decodeIfPresent("limits")
        requests = f.decodeIfPresent("requests")
        claims = f.decodeIfPresent("claims")
        origin = f.provenance
    }
}
