import Testing
@testable import VigilCore

@Suite struct JSONEmitterTests {
    static let escaping: [(String, String)] = [
        ("plain", "\"plain\""),
        ("", "\"\""),
        ("quote\"", "\"quote\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("a/b", "\"a/b\""),
        ("line\nbreak", "\"line\\nbreak\""),
        ("tab\t", "\"tab\\t\""),
        ("cr\r", "\"cr\\r\""),
        ("bs\u{08}ff\u{0C}", "\"bs\\bff\\f\""),
        ("nul\u{0}", "\"nul\\u0000\""),
        ("esc\u{1B}", "\"esc\\u001b\""),
        ("unit\u{1F}", "\"unit\\u001f\""),
        ("del\u{7F}", "\"del\u{7F}\""),
        ("café", "\"café\""),
        ("日本", "\"日本\""),
        ("🎉", "\"🎉\""),
        ("ls\u{2028}", "\"ls\u{2028}\""),
        ("<script>", "\"<script>\""),
    ]

    @Test(arguments: escaping)
    func stringsEscapeOnlyWhatJSONRequires(_ input: String, _ expected: String) throws {
        #expect(JSONEmitter.quoted(input) == expected)
        #expect(try JSONEmitter(pretty: false).emit(.string(input)) == expected)
    }

    @Test func prettyOutputKeepsDeclaredOrder() throws {
        let node = Node.mapping([
            ("name", .string("aurelis")),
            ("replicas", .int(3)),
            ("ratio", .plain("0.5", tag: Tag.float)),
            ("enabled", .bool(true)),
            ("nothing", .null),
            ("ports", .sequence([.int(8080), .int(9090)])),
            ("labels", .mapping([("z", .string("1")), ("a", .string("2"))])),
            ("empty", .mapping([])),
            ("none", .sequence([])),
        ])
        let expected = """
            {
              "name": "aurelis",
              "replicas": 3,
              "ratio": 0.5,
              "enabled": true,
              "nothing": null,
              "ports": [
                8080,
                9090
              ],
              "labels": {
                "z": "1",
                "a": "2"
              },
              "empty": {},
              "none": []
            }

            """
        #expect(try JSONEmitter().emit(node) == expected)
        #expect(try JSONEmitter(pretty: false).emit(node)
            == #"{"name":"aurelis","replicas":3,"ratio":0.5,"enabled":true,"nothing":null,"ports":[8080,9090],"labels":{"z":"1","a":"2"},"empty":{},"none":[]}"#)
    }

    @Test func untaggedPlainScalarsResolveAsInYAML12() throws {
        let plain = { (s: String) in Node(.scalar(Scalar(s))) }
        let node = Node.sequence([
            plain("42"), plain("0x1F"), plain("+5"), plain("1.5"), plain("1e3"), plain("true"), plain("False"),
            plain("null"), plain("~"), plain(""), plain("yes"), plain("0755"), plain("5m"),
            Node(.scalar(Scalar("42", style: .singleQuoted))),
            .plain("18446744073709551616", tag: Tag.int),
        ])
        #expect(try JSONEmitter(pretty: false).emit(node)
            == #"[42,31,5,1.5,1e3,true,false,null,null,null,"yes",755,"5m","42",18446744073709551616]"#)
    }

    @Test func nonFiniteFloatsBecomeStrings() throws {
        let node = Node.sequence([
            .plain(".inf", tag: Tag.float), .plain("-.inf", tag: Tag.float), .plain(".nan", tag: Tag.float),
            Node(.scalar(Scalar(".NaN"))),
        ])
        #expect(try JSONEmitter(pretty: false).emit(node) == #"["+Inf","-Inf","NaN","NaN"]"#)
    }

    @Test func customTagsAreDroppedAndCollectionKeysRejected() throws {
        let tagged = Node.mapping([("ref", Node(.scalar(Scalar("MyBucket")), tag: "!Ref"))])
        #expect(try JSONEmitter(pretty: false).emit(tagged) == #"{"ref":"MyBucket"}"#)
        let bad = Node(.mapping(Mapping([Pair(key: .sequence([]), value: .int(1))])))
        #expect(throws: EmitError.collectionKey(path: "$")) { try JSONEmitter().emit(bad) }
        let nested = Node.mapping([("a", .sequence([bad]))])
        #expect(throws: EmitError.collectionKey(path: "$.a[0]")) { try JSONEmitter().emit(nested) }
    }

    @Test func scalarsAndEmptiesAtTopLevel() throws {
        #expect(try JSONEmitter().emit(.mapping([])) == "{}\n")
        #expect(try JSONEmitter().emit(.sequence([])) == "[]\n")
        #expect(try JSONEmitter().emit(.int(7)) == "7\n")
        #expect(try JSONEmitter(pretty: false).emit(.sequence([.sequence([])])) == "[[]]")
    }

    @Test func deepTreesAreRejectedAndDeterministic() throws {
        var node = Node.int(1)
        for _ in 0..<30 { node = .sequence([node]) }
        #expect(throws: EmitError.tooDeep(height: 30, limit: 10)) { try JSONEmitter(maxDepth: 10).emit(node) }
        #expect(try JSONEmitter().emit(node) == JSONEmitter().emit(node))
        var deep = Node.int(1)
        for _ in 0..<2_000 { deep = .mapping([("k", deep)]) }
        let compact = try JSONEmitter(pretty: false).emit(deep)
        #expect(compact.hasPrefix(#"{"k":{"k":"#))
        #expect(compact.hasSuffix("1" + String(repeating: "}", count: 2_000)))
    }
}
