import Testing
@testable import VigilCore

private struct Metadata: Encodable {
    var name: String
    var namespace: String?
    var labels: StringMap<String> = [:]
}

private struct Port: Encodable {
    var origin: Provenance? = Provenance(node: nil, file: nil)
    var name: String
    var port: Int
    var targetPort: IntOrString
}

private struct Service: Encodable {
    var apiVersion = "v1"
    var kind = "Service"
    var metadata: Metadata
    var ports: [Port]
    var weight: Double
    var enabled: Bool
    var extra: Node?
}

/// Exercises every container kind by hand.
private struct Manual: Encodable {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode("first", forKey: AnyCodingKey("b"))
        try c.encodeNil(forKey: AnyCodingKey("nil"))
        try c.encodeIfPresent(Optional<Int>.none, forKey: AnyCodingKey("absent"))
        var nested = c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey("nested"))
        try nested.encode(UInt8(7), forKey: AnyCodingKey("u8"))
        var list = c.nestedUnkeyedContainer(forKey: AnyCodingKey("list"))
        try list.encode(Int64(-1))
        try list.encodeNil()
        try list.encode(Float(0.1))
        var inner = list.nestedContainer(keyedBy: AnyCodingKey.self)
        try inner.encode(true, forKey: AnyCodingKey("x"))
        var innerList = list.nestedUnkeyedContainer()
        try innerList.encode("deep")
        try Base(value: 1).encode(to: c.superEncoder())
        try c.encode("replaced", forKey: AnyCodingKey("b"))
    }
}

private struct Base: Encodable {
    var value: Int
}

private struct Wrapper: Encodable {
    var inner: Int
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(inner)
    }
}

@Suite struct NodeEncoderTests {
    private func yaml(_ value: some Encodable) throws -> String {
        try YAMLEmitter().emit(NodeEncoder().encode(value))
    }

    @Test func keysKeepDeclarationOrderAndOptionalsAreOmitted() throws {
        let service = Service(
            metadata: Metadata(name: "aurelis", labels: ["app": "aurelis", "tier": "api"]),
            ports: [Port(name: "http", port: 8080, targetPort: "http"), Port(name: "metrics", port: 9090, targetPort: 9090)],
            weight: 5,
            enabled: true,
            extra: nil)
        let expected = """
            apiVersion: v1
            kind: Service
            metadata:
              name: aurelis
              labels:
                app: aurelis
                tier: api
            ports:
              - name: http
                port: 8080
                targetPort: http
              - name: metrics
                port: 9090
                targetPort: 9090
            weight: 5
            enabled: true

            """
        #expect(try yaml(service) == expected)
    }

    @Test func scalarsGetTheirTags() throws {
        let node = try NodeEncoder().encode(Service(metadata: Metadata(name: "x"), ports: [], weight: 0.25, enabled: false, extra: nil))
        #expect(node["apiVersion"]?.tag == Tag.str)
        #expect(node["weight"]?.tag == Tag.float)
        #expect(node["weight"]?.scalarText == "0.25")
        #expect(node["enabled"]?.tag == Tag.bool)
        #expect(node["ports"]?.sequence?.isEmpty == true)
        #expect(node["metadata"]?.mapping?.keys == ["name", "labels"])
    }

    @Test func provenanceIsSkippedEverywhere() throws {
        let node = try NodeEncoder().encode(Port(name: "a", port: 1, targetPort: 1))
        #expect(node.mapping?.keys == ["name", "port", "targetPort"])
        #expect(try NodeEncoder().encode([Provenance(node: nil, file: nil)]).sequence?.count == 0)
    }

    @Test func nodesAndRepresentablesPassThrough() throws {
        let raw = Node(.scalar(Scalar("MyBucket")), tag: "!Ref")
        let service = Service(metadata: Metadata(name: "x"), ports: [], weight: 1, enabled: true, extra: raw)
        let node = try NodeEncoder().encode(service)
        #expect(node["extra"] === raw)
        #expect(try YAMLEmitter().emit(node).hasSuffix("extra: !Ref MyBucket\n"))
    }

    @Test func everyContainerKindWorks() throws {
        let expected = """
            b: replaced
            nil: null
            nested:
              u8: 7
            list:
              - -1
              - null
              - 0.1
              - x: true
              - - deep
            super:
              value: 1

            """
        let actual = try yaml(Manual()); print(String(reflecting: actual)); #expect(actual == expected)
        #expect(try yaml(Wrapper(inner: 3)) == "3\n")
        #expect(try yaml([Wrapper(inner: 1), Wrapper(inner: 2)]) == "- 1\n- 2\n")
    }

    @Test(arguments: [
        (5.0, "5"), (-3.0, "-3"), (0.0, "0"), (-0.0, "-0.0"), (0.05, "0.05"), (2.5, "2.5"),
        (1e-9, "1.0e-09"), (1.5e20, "1.5e+20"), (1e16, "1.0e+16"), (123456.789, "123456.789"),
        (0.1 + 0.2, "0.30000000000000004"), (Double.nan, ".nan"), (Double.infinity, ".inf"), (-Double.infinity, "-.inf"),
    ])
    func floatsUseTextEveryReaderAgreesOn(_ value: Double, _ text: String) throws {
        let node = try NodeEncoder().encode(value)
        #expect(node.scalarText == text)
        #expect(node.tag == Tag.float)
        if value.isFinite {
            // The YAML 1.2 reading of the text is the same number.
            switch ScalarResolver.resolve(text) {
            case .int(let i): #expect(Double(i) == value)
            case .float(let d): #expect(d == value)
            default: Issue.record("\(text) does not read back as a number")
            }
        }
    }

    @Test func wideIntegersKeepAllDigits() throws {
        #expect(try NodeEncoder().encode(Int128.max).scalarText == "170141183460469231731687303715884105727")
        #expect(try NodeEncoder().encode([UInt64.max]).sequence?.first?.scalarText == "18446744073709551615")
        #expect(try NodeEncoder().encode(["n": Int8.min]).mapping?["n"]?.tag == Tag.int)
    }

    @Test func floatsOfTypeFloatUseTheirOwnShortestForm() throws {
        #expect(try NodeEncoder().encode(Float(0.1)).scalarText == "0.1")
        #expect(try NodeEncoder().encode(Float(3)).scalarText == "3")
    }

    @Test func dictionariesAreWrittenWithSortedKeys() throws {
        let node = try NodeEncoder().encode(["b": 2, "a": 1, "c": 3])
        #expect(node.mapping?.keys == ["a", "b", "c"])
        let map: StringMap<Int> = ["b": 2, "a": 1]
        #expect(try NodeEncoder().encode(map).mapping?.keys == ["b", "a"])
    }

    @Test func stringMapsCanBeSortedOnRequest() throws {
        let meta = Metadata(name: "x", labels: ["zone": "a", "app": "b"])
        #expect(try NodeEncoder().encode(meta)["labels"]?.mapping?.keys == ["zone", "app"])
        #expect(try NodeEncoder(sortsStringMaps: true).encode(meta)["labels"]?.mapping?.keys == ["app", "zone"])
        #expect(try NodeEncoder(sortsStringMaps: true).encode(meta).mapping?.keys == ["name", "labels"])
    }

    @Test func topLevelNilAndNothingBecomeNull() throws {
        #expect(try NodeEncoder().encode(Optional<Int>.none).tag == Tag.null)
        #expect(try NodeEncoder().encode(Provenance(node: nil, file: nil)).tag == Tag.null)
    }

    @Test func encodingIsDeterministic() throws {
        let value = ["z": [1.5, 2], "a": [0.1], "m": []]
        let first = try YAMLEmitter().emit(NodeEncoder().encode(value))
        let second = try YAMLEmitter().emit(NodeEncoder().encode(value))
        #expect(first == second)
        #expect(first == "a:\n  - 0.1\nm: []\nz:\n  - 1.5\n  - 2\n")
    }
}
