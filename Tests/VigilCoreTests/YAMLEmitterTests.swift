import Testing
@testable import VigilCore

/// One string value and how it must appear after `k: `.
struct QuotingCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String
    init(_ input: String, _ expected: String) {
        self.input = input
        self.expected = expected
    }
    var testDescription: String { String(reflecting: input) }
}

@Suite struct YAMLEmitterTests {
    static let quoting: [QuotingCase] = [
        // Plain: ordinary text.
        .init("hello", "hello"),
        .init("hello world", "hello world"),
        .init("aurelis:v1.0.0", "aurelis:v1.0.0"),
        .init("http://example.com:8080/path?q=1", "http://example.com:8080/path?q=1"),
        .init("a-b", "a-b"),
        .init("a#b", "a#b"),
        .init("x#", "x#"),
        .init("a:b", "a:b"),
        .init("apps/v1", "apps/v1"),
        .init("sum(rate(x[5m])) by (job)", "sum(rate(x[5m])) by (job)"),
        .init("a,b", "a,b"),
        .init("5m", "5m"),
        .init("1h30m", "1h30m"),
        .init("500Mi", "500Mi"),
        .init("v1", "v1"),
        .init("it's", "it's"),
        .init("say \"hi\"", "say \"hi\""),
        .init("100%", "100%"),
        .init("key=value", "key=value"),
        .init("C:\\path", "C:\\path"),
        .init("~/home", "~/home"),
        .init("nulls", "nulls"),
        .init("nil", "nil"),
        .init("None", "None"),
        .init("NaN", "NaN"),
        .init("inf", "inf"),
        .init("yesterday", "yesterday"),
        .init("café", "café"),
        .init("日本語のテキスト", "日本語のテキスト"),
        .init("party 🎉", "party 🎉"),
        .init("non\u{A0}breaking", "non\u{A0}breaking"),
        // YAML 1.1 and 1.2 booleans and nulls.
        .init("yes", "'yes'"),
        .init("Yes", "'Yes'"),
        .init("YES", "'YES'"),
        .init("yEs", "'yEs'"),
        .init("no", "'no'"),
        .init("No", "'No'"),
        .init("y", "'y'"),
        .init("Y", "'Y'"),
        .init("n", "'n'"),
        .init("N", "'N'"),
        .init("on", "'on'"),
        .init("On", "'On'"),
        .init("OFF", "'OFF'"),
        .init("true", "'true'"),
        .init("False", "'False'"),
        .init("TRUE", "'TRUE'"),
        .init("null", "'null'"),
        .init("Null", "'Null'"),
        .init("NULL", "'NULL'"),
        .init("~", "'~'"),
        .init("=", "'='"),
        .init("<<", "'<<'"),
        // Numbers in either version.
        .init("0", "'0'"),
        .init("123", "'123'"),
        .init("-1", "'-1'"),
        .init("+1", "'+1'"),
        .init("1.5", "'1.5'"),
        .init(".5", "'.5'"),
        .init("1e3", "'1e3'"),
        .init("1E-3", "'1E-3'"),
        .init("1e", "'1e'"),
        .init("0x1F", "'0x1F'"),
        .init("0o17", "'0o17'"),
        .init("0755", "'0755'"),
        .init("00", "'00'"),
        .init("0b101", "'0b101'"),
        .init("1_000", "'1_000'"),
        .init("1:20", "'1:20'"),
        .init("190:20:30", "'190:20:30'"),
        .init("12:30", "'12:30'"),
        .init(".inf", "'.inf'"),
        .init("-.inf", "'-.inf'"),
        .init(".Inf", "'.Inf'"),
        .init(".NaN", "'.NaN'"),
        .init("10.0.0.1", "'10.0.0.1'"),
        .init("1.2.3", "'1.2.3'"),
        .init("_", "'_'"),
        .init("+_", "'+_'"),
        .init("._", "'._'"),
        .init("_1", "'_1'"),
        .init("_private", "_private"),
        // Timestamps.
        .init("2001-12-14", "'2001-12-14'"),
        .init("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
        .init("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"),
        .init("2024-01-01T00:00:00Z", "'2024-01-01T00:00:00Z'"),
        // Indicators and structure.
        .init("", "''"),
        .init(" ", "' '"),
        .init(" lead", "' lead'"),
        .init("trail ", "'trail '"),
        .init("-", "'-'"),
        .init("--flag", "'--flag'"),
        .init("- item", "'- item'"),
        .init("---", "'---'"),
        .init("...", "'...'"),
        .init("?", "'?'"),
        .init("? x", "'? x'"),
        .init(":", "':'"),
        .init(":x", "':x'"),
        .init("trailing:", "'trailing:'"),
        .init("a: b", "'a: b'"),
        .init("a #b", "'a #b'"),
        .init("#comment", "'#comment'"),
        .init(",a", "',a'"),
        .init("[a]", "'[a]'"),
        .init("]", "']'"),
        .init("{{ $labels.instance }}", "'{{ $labels.instance }}'"),
        .init("}", "'}'"),
        .init("&anchor", "'&anchor'"),
        .init("*alias", "'*alias'"),
        .init("!tag", "'!tag'"),
        .init("|", "'|'"),
        .init(">", "'>'"),
        .init("'", "''''"),
        .init("'quoted'", "'''quoted'''"),
        .init("\"", "'\"'"),
        .init("%TAG", "'%TAG'"),
        .init("@at", "'@at'"),
        .init("`tick", "'`tick'"),
        // Tabs go in single quotes; other controls need double quotes.
        .init("a\tb", "'a\tb'"),
        .init("tab\t", "'tab\t'"),
        .init("bell\u{07}", "\"bell\\a\""),
        .init("nul\u{0}", "\"nul\\0\""),
        .init("esc\u{1B}[0m", "\"esc\\e[0m\""),
        .init("cr\r", "\"cr\\r\""),
        .init("nel\u{85}", "\"nel\\N\""),
        .init("ls\u{2028}", "\"ls\\L\""),
        .init("ps\u{2029}", "\"ps\\P\""),
        .init("bom\u{FEFF}", "\"bom\\uFEFF\""),
        .init("del\u{7F}", "\"del\\x7F\""),
        .init("c1\u{9B}", "\"c1\\x9B\""),
        .init("q\"\u{1}\\", "\"q\\\"\\x01\\\\\""),
        // Multi-line strings become literal blocks.
        .init("a\nb", "|-\n  a\n  b"),
        .init("a\nb\n", "|\n  a\n  b"),
        .init("a\n\n", "|+\n  a\n"),
        .init(" lead\nx", "|2-\n   lead\n  x"),
        .init("\nstart", "|2-\n\n  start"),
        .init("trailing  \nspaces\t\n", "|\n  trailing  \n  spaces\t"),
        .init("a\n\nb\n", "|\n  a\n\n  b"),
        .init("a: b\n- c\n# d\n", "|\n  a: b\n  - c\n  # d"),
        .init("x\n   \ny", "|-\n  x\n     \n  y"),
        .init("\n", "\"\\n\""),
        .init("\n\n", "\"\\n\\n\""),
        .init("a\r\nb", "\"a\\r\\nb\""),
        .init("a\n\u{07}", "\"a\\n\\a\""),
    ]

    @Test(arguments: quoting)
    func stringValuesAreQuotedOnlyWhereNeeded(_ c: QuotingCase) throws {
        let text = try YAMLEmitter().emit(.mapping([("k", .string(c.input))]))
        #expect(text == "k: " + c.expected + "\n")
    }

    @Test func fastAmbiguityCheckAgreesWithTheFullOne() {
        let pieces = ["y", "N", "o", "ff", "e", "s", "tru", "1", "0", ".", ":", "-", "+", "_", "x", "b", "~", "=", "<", "a", "2001-", "inf", "nan", "ull"]
        var count = 0
        for a in pieces {
            for b in pieces {
                for c in ["", "n", "e", "1", "l"] {
                    let s = a + b + c
                    #expect(YAMLQuoting.isAmbiguous(s) == YAMLQuoting.isAmbiguousSlow(s), "\(s)")
                    count += 1
                }
            }
        }
        for c in YAMLEmitterTests.quoting {
            #expect(YAMLQuoting.isAmbiguous(c.input) == YAMLQuoting.isAmbiguousSlow(c.input), "\(c.input)")
        }
        #expect(count == 24 * 24 * 5)
    }

    @Test func quotingTableIsLarge() {
        #expect(YAMLEmitterTests.quoting.count >= 80)
    }

    @Test(arguments: ["yes", "", "a: b", "1", "~", "é"])
    func keysFollowTheSameQuoting(_ key: String) throws {
        let expected = YAMLQuoting.isPlainSafe(key) ? key : "'" + key + "'"
        let text = try YAMLEmitter().emit(.mapping([(key, .int(1))]))
        #expect(text == expected + ": 1\n")
    }

    @Test func multiLineKeysAreDoubleQuoted() throws {
        let text = try YAMLEmitter().emit(.mapping([("a\nb", .string("x"))]))
        #expect(text == "\"a\\nb\": x\n")
    }

    @Test func nestedStructureInKubernetesStyle() throws {
        let node = Node.mapping([
            ("apiVersion", .string("v1")),
            ("kind", .string("Service")),
            ("metadata", .mapping([
                ("name", .string("aurelis")),
                ("labels", .mapping([("app", .string("aurelis")), ("tier", .string("on"))])),
            ])),
            ("spec", .mapping([
                ("ports", .sequence([
                    .mapping([("name", .string("http")), ("port", .int(8080))]),
                    .mapping([("name", .string("metrics")), ("port", .int(9090)), ("tls", .bool(false))]),
                ])),
                ("args", .sequence([.string("--flag"), .string("plain")])),
                ("nested", .sequence([
                    .sequence([.string("a"), .string("b")]),
                    .sequence([]),
                    .mapping([]),
                    .null,
                ])),
                ("empty", .mapping([])),
                ("emptySeq", .sequence([])),
                ("ratio", .plain("0.5", tag: Tag.float)),
                ("script", .string("echo hi\nexit 0\n")),
                ("items", .sequence([.mapping([("run", .string("a\nb"))])])),
            ])),
        ])
        let expected = """
            apiVersion: v1
            kind: Service
            metadata:
              name: aurelis
              labels:
                app: aurelis
                tier: 'on'
            spec:
              ports:
                - name: http
                  port: 8080
                - name: metrics
                  port: 9090
                  tls: false
              args:
                - '--flag'
                - plain
              nested:
                - - a
                  - b
                - []
                - {}
                - null
              empty: {}
              emptySeq: []
              ratio: 0.5
              script: |
                echo hi
                exit 0
              items:
                - run: |-
                    a
                    b

            """
        #expect(try YAMLEmitter().emit(node) == expected)
    }

    @Test func topLevelScalarsAndEmptyCollections() throws {
        let e = YAMLEmitter()
        #expect(try e.emit(.string("hi")) == "hi\n")
        #expect(try e.emit(.string("yes")) == "'yes'\n")
        #expect(try e.emit(.mapping([])) == "{}\n")
        #expect(try e.emit(.sequence([])) == "[]\n")
        #expect(try e.emit(.null) == "null\n")
        #expect(try e.emit(.string("a\nb\n")) == "|\n  a\n  b\n")
        #expect(try e.emit(.string(" a\nb")) == "\" a\\nb\"\n")
        #expect(try e.emit(.sequence([.int(1), .string("x")])) == "- 1\n- x\n")
    }

    @Test func untaggedPlainScalarsKeepTheirText() throws {
        let node = Node.mapping([
            ("a", Node(.scalar(Scalar("yes")))),
            ("b", Node(.scalar(Scalar("0755")))),
            ("c", Node(.scalar(Scalar("")))),
            ("d", Node(.scalar(Scalar("a: b")))),
            ("e", Node(.scalar(Scalar("yes", style: .doubleQuoted)))),
            ("f", Node(.sequence([Node(.scalar(Scalar("")))]))),
            ("g", Node(.scalar(Scalar("-1")))),
            ("h", Node(.scalar(Scalar("-Xmx512m")))),
            ("i", Node(.scalar(Scalar("?x")))),
            ("j", Node(.scalar(Scalar("- x")))),
        ])
        #expect(try YAMLEmitter().emit(node)
            == "a: yes\nb: 0755\nc:\nd: 'a: b'\ne: 'yes'\nf:\n  -\ng: -1\nh: -Xmx512m\ni: ?x\nj: '- x'\n")
    }

    @Test func typedScalarsArePlainUnlessTheirTextDisagrees() throws {
        let node = Node.mapping([
            ("i", .plain("42", tag: Tag.int)),
            ("f", .plain(".inf", tag: Tag.float)),
            ("b", .plain("true", tag: Tag.bool)),
            ("none", .plain("", tag: Tag.null)),
            ("bad", .plain("forty", tag: Tag.int)),
            ("neg", .plain("-1", tag: Tag.int)),
            ("ninf", .plain("-.inf", tag: Tag.float)),
        ])
        #expect(try YAMLEmitter().emit(node) == "i: 42\nf: .inf\nb: true\nnone: null\nbad: !!int forty\nneg: -1\nninf: -.inf\n")
    }

    @Test func customTagsAreWrittenBeforeTheValue() throws {
        let node = Node.mapping([
            ("bucket", Node(.scalar(Scalar("MyBucket")), tag: "!Ref")),
            ("quoted", Node(.scalar(Scalar("a b: c", style: .singleQuoted)), tag: "!Sub")),
            ("binary", Node(.scalar(Scalar("R0lG")), tag: "tag:yaml.org,2002:binary")),
            ("global", Node(.scalar(Scalar("x")), tag: "tag:example.com,2026:thing")),
            ("map", Node(.mapping(Mapping([Pair(key: .string("a"), value: .string("b"))])), tag: "!Custom")),
            ("seq", .sequence([
                Node(.mapping(Mapping([Pair(key: .string("a"), value: .string("b"))])), tag: "!Item"),
                Node(.sequence([]), tag: "!Empty"),
            ])),
        ])
        let expected = """
            bucket: !Ref MyBucket
            quoted: !Sub 'a b: c'
            binary: !!binary R0lG
            global: !<tag:example.com,2026:thing> x
            map: !Custom
              a: b
            seq:
              - !Item
                a: b
              - !Empty []

            """
        #expect(try YAMLEmitter().emit(node) == expected)
        let top = Node(.mapping(Mapping([Pair(key: .string("a"), value: .int(1))])), tag: "!Top")
        #expect(try YAMLEmitter().emit(top) == "!Top\na: 1\n")
    }

    @Test func collectionAndLongKeysUseExplicitEntries() throws {
        let complex = Node(.mapping(Mapping([
            Pair(key: .sequence([.string("a"), .string("b")]), value: .string("v")),
            Pair(key: .mapping([("x", .int(1))]), value: .mapping([("w", .int(2))])),
        ])), tag: Tag.map)
        #expect(try YAMLEmitter().emit(complex) == "? - a\n  - b\n: v\n? x: 1\n: w: 2\n")
        let long = String(repeating: "k", count: 1100)
        #expect(try YAMLEmitter().emit(.mapping([(long, .int(1))])) == "? \(long)\n: 1\n")
        let limit = String(repeating: "é", count: 512)
        #expect(try YAMLEmitter().emit(.mapping([(limit, .int(1))])) == "\(limit): 1\n")
        #expect(try YAMLEmitter().emit(.mapping([(limit + "x", .int(1))])) == "? \(limit)x\n: 1\n")
    }

    @Test func multipleDocumentsAreSeparated() throws {
        let docs: [Node] = [.mapping([("a", .int(1))]), .mapping([("b", .int(2))]), .string("c")]
        #expect(try YAMLEmitter().emit(documents: docs) == "a: 1\n---\nb: 2\n---\nc\n")
        #expect(try YAMLEmitter().emit(documents: []) == "")
    }

    @Test func deepTreesAreRejectedWithAnError() throws {
        var node = Node.string("leaf")
        for _ in 0..<20 { node = .sequence([node]) }
        #expect(throws: EmitError.tooDeep(height: 20, limit: 10)) {
            try YAMLEmitter(maxDepth: 10).emit(node)
        }
        #expect(throws: EmitError.tooLarge(nodes: 21, limit: 5)) {
            try YAMLEmitter(maxNodes: 5).emit(node)
        }
    }

    @Test func deepTreesWithinTheLimitDoNotRecurse() throws {
        var node = Node.string("leaf")
        for _ in 0..<2_000 { node = .mapping([("k", node)]) }
        let text = try YAMLEmitter().emit(node)
        #expect(text.hasPrefix("k:\n  k:\n"))
        #expect(text.hasSuffix(String(repeating: " ", count: 2 * 1999) + "k: leaf\n"))
    }

    @Test func emittingTwiceGivesIdenticalBytes() throws {
        let node = try NodeEncoder().encode(["z": 1, "a": 2, "m": 3, "b": 4, "y": 5])
        let first = try YAMLEmitter().emitData(node)
        let again = try YAMLEmitter().emitData(try NodeEncoder().encode(["y": 5, "b": 4, "m": 3, "a": 2, "z": 1]))
        #expect(first == again)
        #expect(String(decoding: first, as: UTF8.self) == "a: 2\nb: 4\nm: 3\n'y': 5\nz: 1\n")
    }
}
