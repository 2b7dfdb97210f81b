import Testing
@testable import VigilCore

private struct Probe: Codable, Equatable {
    var initialDelaySeconds: Int?
    var periodSeconds: Int?
    var path: String?
}

private struct Port: Codable, Equatable {
    var name: String?
    var containerPort: Int
}

private enum Policy: String, Codable, CaseIterable, StrictEnum { case always = "Always", never = "Never", ifNotPresent = "IfNotPresent" }

private struct Container: Codable, Equatable {
    var name: String
    var image: String?
    var imagePullPolicy: Policy?
    var ports: [Port]?
    var readinessProbe: Probe?
    var tty: Bool?
    var origin: Provenance?
}

private struct Pod: Codable, Equatable {
    var containers: [Container]
}

private struct Loose: Codable {
    var known: String?
    var extra: ExtraFields?
}

/// Reads `k0`…`k79` through `FieldReader`: a mapping larger than the tracker's 64 bits.
private struct Wide: FieldDecodable {
    var values: [Int] = []
    var extra: ExtraFields?
    init(from decoder: any Decoder) throws {}
    init(fields: FieldReader) throws {
        for i in 0..<80 { if let v = fields.decodeIfPresent("k\(i)", as: Int.self) { values.append(v) } }
        if fields.contains("keep") { extra = fields.extraFields() }
    }
}

@Suite struct StrictDecoderTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) -> (T?, [Diagnostic]) {
        let r = YAMLLoader.load(text: text, path: "t.yaml")
        guard let doc = r.documents.first else { return (nil, r.diagnostics) }
        let (v, d) = StrictDecoder(file: doc.file).decode(T.self, from: doc.root)
        return (v, r.diagnostics + d)
    }

    @Test func decodesAValidDocument() throws {
        let (pod, diags) = decode(Pod.self, """
        containers:
          - name: app
            image: app:1
            imagePullPolicy: Always
            ports: [{name: http, containerPort: 8080}]
            readinessProbe: {initialDelaySeconds: 5, path: /ready}
        """)
        #expect(diags.isEmpty)
        let c = try #require(pod?.containers.first)
        #expect(c.ports?.first?.containerPort == 8080)
        #expect(c.readinessProbe?.path == "/ready")
        #expect(c.origin?.range?.start.line == 2)
        #expect(c.origin?.range(ofValue: "image")?.start.column == 12)
    }

    @Test func reportsEveryProblemWithPathAndPosition() {
        let (_, diags) = decode(Pod.self, """
        containers:
          - name: app
            imagePullPolicy: Sometimes
            readinessprobe: {}
            ports:
              - containerPort: "8080"
              - containerPort: 9090
                nmae: metrics
            readinessProbe: {initialDelaySecond: 5}
            tty: "true"
          - image: no-name
        """)
        let found = diags.map { "\($0.rule) \($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.message)" }
        #expect(found.contains("schema/invalid-value 3:22 containers[0].imagePullPolicy: invalid value \"Sometimes\"; expected one of: Always, Never, IfNotPresent"))
        #expect(found.contains("schema/unknown-field 4:5 containers[0]: unknown field \"readinessprobe\" in Container"))
        #expect(found.contains("schema/type-mismatch 6:24 containers[0].ports[0].containerPort: expected an integer, got the string \"8080\""))
        #expect(found.contains("schema/unknown-field 8:9 containers[0].ports[1]: unknown field \"nmae\" in Port"))
        #expect(found.contains("schema/unknown-field 9:22 containers[0].readinessProbe: unknown field \"initialDelaySecond\" in Probe"))
        #expect(found.contains("schema/type-mismatch 10:10 containers[0].tty: expected true or false, got the string \"true\""))
        #expect(found.contains("schema/missing-field 11:5 containers[1]: missing required field \"name\" in Container"))
        #expect(diags.first { $0.message.contains("readinessprobe") }?.hint == "did you mean \"readinessProbe\"?")
        #expect(diags.first { $0.message.contains("initialDelaySecond\"") }?.hint == "did you mean \"initialDelaySeconds\"?")
    }

    @Test(arguments: ["on", "0755", "1e3", "yes", "~x", "12:30", "true"])
    func stringFieldsTakeTextAsWritten(text: String) {
        let (probe, diags) = decode(Probe.self, "path: \(text)\n")
        #expect(diags.isEmpty)
        #expect(probe?.path == text)
    }

    @Test func extraFieldsKeepUnknownKeys() {
        let (loose, diags) = decode(Loose.self, "known: a\nother: 1\nmore: [x]\n")
        #expect(diags.isEmpty)
        #expect(loose?.extra?.pairs.count == 3)
    }

    @Test(arguments: [
        ("containerPort: 0x1F", 31),
        ("containerPort: 1e3", 1000),
        ("containerPort: -5", -5),
        ("containerPort: 1_000", 1000),
        ("containerPort: 8080", 8080),
        ("containerPort: 0", 0),
        ("containerPort: -0", 0),
        ("containerPort: 0755", 755),
        ("containerPort: +12", 12),
        ("containerPort: 999999999999999999", 999_999_999_999_999_999),
        ("containerPort: 9223372036854775807", Int.max),
        ("containerPort: -9223372036854775808", Int.min),
    ])
    func integersAcceptYAMLForms(text: String, value: Int) {
        let (port, diags) = decode(Port.self, text)
        #expect(diags.isEmpty)
        #expect(port?.containerPort == value)
    }

    @Test func integerOutOfRange() {
        struct Small: Codable { var v: UInt8 }
        let (_, diags) = decode(Small.self, "v: 300\n")
        #expect(diags.first?.message == "v: integer 300 is out of range (0…255)")
        let (_, negative) = decode(Small.self, "v: -1\n")
        #expect(negative.first?.message == "v: integer -1 is out of range (0…255)")
        let (_, huge) = decode(Small.self, "v: 99999999999999999999\n")
        #expect(huge.first?.rule == "schema/type-mismatch" || huge.first?.message.contains("out of range") == true)
        let (_, bare) = decode(Small.self, "v: -x\n")
        #expect(bare.first?.rule == "schema/type-mismatch")
    }

    @Test func wrongShapeIsATypeMismatch() {
        let (_, diags) = decode(Pod.self, "containers: {name: x}\n")
        #expect(diags.first?.rule == "schema/type-mismatch")
        #expect(diags.first?.message == "containers: expected a list, got a mapping")
    }

    /// Unknown fields are found at any position of a large mapping, with a suggestion, and a
    /// mapping with `ExtraFields` reports none.
    @Test(arguments: [3, 63, 64, 65, 75])
    func unknownFieldsOfLargeMappings(typoAt position: Int) throws {
        var lines = (0..<76).map { "k\($0): \($0)" }
        lines.insert("k\(position)x: 1", at: position)
        let (wide, diagnostics) = decode(Wide.self, lines.joined(separator: "\n"))
        #expect(wide?.values.count == 76)
        #expect(diagnostics.map(\.message) == ["unknown field \"k\(position)x\" in Wide"])
        #expect(diagnostics.first?.range?.start.line == position + 1)
        #expect(diagnostics.first?.hint == "did you mean \"k\(position)\"?")

        let (kept, none) = decode(Wide.self, (lines + ["keep: yes"]).joined(separator: "\n"))
        #expect(none.isEmpty)
        #expect(kept?.extra?.unknownPairs.compactMap(\.key.scalarText) == ["k\(position)x"])
    }
}

@Suite struct ExtraFieldsRoundTripTests {
    private struct Partial: Codable {
        var name: String
        var replicas: Int?
        var extra: ExtraFields?
    }

    @Test func unknownFieldsSurviveDecodeAndEncode() throws {
        let text = "name: a\nreplicas: 2\nstrategy: {type: Recreate}\nminReadySeconds: 5\n"
        let doc = try #require(YAMLLoader.load(text: text, path: "t.yaml").documents.first)
        let (value, diags) = StrictDecoder(file: doc.file).decode(Partial.self, from: doc.root)
        #expect(diags.isEmpty)
        var model = try #require(value)
        model.replicas = 3
        let out = try YAMLEmitter().emit(NodeEncoder().encode(model))
        #expect(out == "name: a\nreplicas: 3\nstrategy:\n  type: Recreate\nminReadySeconds: 5\n")
    }

    @Test func stringMapKeepsDocumentOrder() throws {
        struct Labels: Codable { var labels: StringMap<String> }
        let doc = try #require(YAMLLoader.load(text: "labels: {z: 1, a: 2, m: 3}\n", path: "t.yaml").documents.first)
        let (value, diags) = StrictDecoder(file: doc.file).decode(Labels.self, from: doc.root)
        #expect(diags.isEmpty)
        #expect(Array(try #require(value).labels.keys) == ["z", "a", "m"])
    }
}
