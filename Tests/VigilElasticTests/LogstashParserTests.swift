import Foundation
import Testing
import VigilCore
@testable import VigilElastic

@Suite struct LogstashParserTests {
    @Test func sectionsPluginsAndAttributes() throws {
        let p = try parse("""
            input { beats { port => 5044 host => "0.0.0.0" } }
            filter { }
            output { stdout { codec => rubydebug } }
            """)
        #expect(p.sections.map(\.kind) == [.input, .filter, .output])
        let beats = try #require(p.plugins.first?.plugin)
        #expect(beats.name == "beats")
        #expect(beats["port"]?.kind == .number("5044"))
        #expect(beats["host"]?.text == "0.0.0.0")
        #expect(p.plugins.last?.plugin["codec"]?.kind == .bareword("rubydebug"))
    }

    @Test(arguments: [
        ("\"double\"", Value.Kind.string("double", .double)),
        ("'single'", .string("single", .single)),
        ("\"esc \\\" quote\"", .string("esc \\\" quote", .double)),
        ("-1.5", .number("-1.5")),
        ("42", .number("42")),
        ("true", .bareword("true")),
        ("ISO8601", .bareword("ISO8601")),
        ("[]", .array([])),
        ("[\"a\", 1, b2]", .array([Value(.string("a", .double)), Value(.number("1")), Value(.bareword("b2"))])),
        ("{}", .hash([])),
        ("{ \"a\" => 1 bb => \"x\" 3 => [1] }", .hash([
            HashEntry(key: Value(.string("a", .double)), value: Value(.number("1"))),
            HashEntry(key: Value(.bareword("bb")), value: Value(.string("x", .double))),
            HashEntry(key: Value(.number("3")), value: Value(.array([Value(.number("1"))]))),
        ])),
        ("json { charset => \"UTF-8\" }", .plugin(Plugin(name: "json", attributes: [Attribute(name: "charset", value: .string("UTF-8"))]))),
        ("json_lines {}", .plugin(Plugin(name: "json_lines"))),
    ])
    func values(text: String, expected: Value.Kind) throws {
        let p = try parse("filter { x { v => \(text) } }")
        #expect(p.plugins.first?.plugin["v"]?.kind == expected)
    }

    @Test(arguments: [
        ("[a] == \"x\"", Condition.compare(RValue(.field(FieldReference(["a"]))), .equal, RValue(.string("x", .double)))),
        ("[a][b c] != 1", .compare(RValue(.field(FieldReference(["a", "b c"]))), .notEqual, RValue(.number("1")))),
        ("[n] <= 1", .compare(RValue(.field(FieldReference(["n"]))), .lessOrEqual, RValue(.number("1")))),
        ("[n] >= 1", .compare(RValue(.field(FieldReference(["n"]))), .greaterOrEqual, RValue(.number("1")))),
        ("[n] < 1", .compare(RValue(.field(FieldReference(["n"]))), .less, RValue(.number("1")))),
        ("[n] > 1", .compare(RValue(.field(FieldReference(["n"]))), .greater, RValue(.number("1")))),
        ("[m] =~ /^a\\/b/", .match(RValue(.field(FieldReference(["m"]))), negated: false, RValue(.regexp("^a\\/b")))),
        ("[m] !~ \"x\"", .match(RValue(.field(FieldReference(["m"]))), negated: true, RValue(.string("x", .double)))),
        ("\"e\" in [tags]", .in(RValue(.string("e", .double)), negated: false, RValue(.field(FieldReference(["tags"]))))),
        ("\"e\" not in [tags]", .in(RValue(.string("e", .double)), negated: true, RValue(.field(FieldReference(["tags"]))))),
        ("[l] in [\"a\", \"b\"]", .in(RValue(.field(FieldReference(["l"]))), negated: false, RValue(.array([.string("a"), .string("b")])))),
        ("[@metadata][x]", .value(RValue(.field(FieldReference(["@metadata", "x"]))))),
        ("![x]", .not(.value(RValue(.field(FieldReference(["x"])))))),
        ("!([x] and [y])", .not(.group(.chain(.value(RValue(.field(FieldReference(["x"])))), [(.and, .value(RValue(.field(FieldReference(["y"])))))])))),
        ("[a] or [b] xor [c] nand [d]", .chain(.value(RValue(.field(FieldReference(["a"])))), [
            (.or, .value(RValue(.field(FieldReference(["b"]))))),
            (.xor, .value(RValue(.field(FieldReference(["c"]))))),
            (.nand, .value(RValue(.field(FieldReference(["d"]))))),
        ])),
        ("env(\"X\") == \"1\"", .compare(RValue(.call("env", [RValue(.string("X", .double))])), .equal, RValue(.string("1", .double)))),
    ])
    func conditions(text: String, expected: Condition) throws {
        let c = try LogstashParser().parseCondition(text)
        #expect(c == expected)
        // And inside a pipeline.
        let p = try parse("filter { if \(text) { drop {} } }")
        #expect(p.conditions.first?.condition == expected)
    }

    @Test func branchesWithElseIfAndElse() throws {
        let p = try parse("""
            filter {
              if [a] { mutate { add_tag => ["a"] } }
              else if [b] { drop {} }
              else if [c] { }
              else { mutate { add_tag => ["other"] } }
            }
            """)
        guard case .branch(let b) = p.sections[0].items[0] else { Issue.record("no branch"); return }
        #expect(b.clauses.count == 4)
        #expect(b.clauses[3].condition == nil)
        #expect(p.plugins.map(\.plugin.name) == ["mutate", "drop", "mutate"])
    }

    @Test func commentsAreKeptWithTheirItems() throws {
        let p = try parse("""
            # the inputs
            input {
              # beats from filebeat
              beats {
                # the port
                port => 5044
                # nothing after
              }
              # end of inputs
            }
            # end of file
            """)
        let s = p.sections[0]
        #expect(s.comments == ["the inputs"])
        #expect(s.trailingComments == ["end of inputs"])
        guard case .plugin(let beats) = s.items[0] else { Issue.record("no plugin"); return }
        #expect(beats.comments == ["beats from filebeat"])
        #expect(beats.attributes[0].comments == ["the port"])
        #expect(beats.trailingComments == ["nothing after"])
        #expect(p.trailingComments == ["end of file"])
    }

    @Test func positionsPointAtTheSource() throws {
        let text = "input {\n  beats {\n    port => 5044\n  }\n}\n"
        let p = try parse(text)
        let beats = try #require(p.plugins.first?.plugin)
        #expect(beats.nameSpan.range?.start.line == 2)
        #expect(beats.nameSpan.range?.start.column == 3)
        let port = try #require(beats.attribute("port"))
        #expect(port.value.span.range?.start == SourcePosition(line: 3, column: 13, offset: 30))
        #expect(port.nameSpan.range?.end.column == 9)
    }

    @Test func emptyAndCommentOnlyFilesParse() throws {
        #expect(try parse("").sections.isEmpty)
        #expect(try parse("# nothing yet\n").trailingComments == ["nothing yet"])
    }

    @Test func singleQuotedPluginNamesAndKeys() throws {
        let p = try parse("filter { 'mutate' { 'add_tag' => 'x' } }")
        #expect(p.plugins.first?.plugin.name == "mutate")
        #expect(p.plugins.first?.plugin["add_tag"]?.text == "x")
    }
}

@Suite struct LogstashParserErrorTests {
    func errors(_ text: String) -> [LogstashSyntaxError] {
        LogstashParser().parse(SourceFile(path: "p.conf", text: text)).errors
    }

    @Test(arguments: [
        ("input { beats { port => 5044 }", "`{` of `input` opened at line 1, column 7 is never closed", 1),
        ("input { beats { port => 5044 ", "plugin `beats` opened at line 1, column 15", 1),
        ("filter { mutate { add_field => { \"a\" => \"b\" } }", "`{` of `filter` opened", 1),
        ("filter { if [a] { drop {} }", "`{` of `filter`", 1),
        ("output { x { y => [1, 2 } }", "expected `,` or `]` in an array, found `}`", 1),
        ("output { x { y => [1, 2,] } }", "trailing `,` before `]`", 1),
        ("inptu { }", "expected `input`, `filter` or `output`, found `inptu`", 1),
        ("input { } }", "unexpected `}`: there is no open block to close", 1),
        ("filter { mutate { add_tag: \"x\" } }", "expected `=>` after attribute name `add_tag`, found `:`", 1),
        ("filter { mutate { add_field => { \"a\": \"b\" } } }", "expected `=>` after hash key, found `:`", 1),
        ("filter { if [a] = \"b\" { } }", "`=` is not a comparison operator", 1),
        ("filter { if { } }", "`if` without a condition", 1),
        ("filter { else { } }", "`else` without a preceding `if`", 1),
        ("filter { grok { match => \"unterminated } }", "unterminated string starting at line 1, column 26", 1),
        ("filter { x { v => foo-bar } }", "`foo-bar` is not a valid bare value", 1),
        ("filter { if [a] == true { } }", "`true` is not a value in a condition", 1),
        ("filter { port => 1 }", "`port =>` outside a plugin", 1),
    ])
    func messages(text: String, message: String, line: Int) {
        let e = errors(text)
        #expect(e.count == 1, "\(e)")
        #expect(e.first?.message.contains(message) == true, "\(e.first?.message ?? "none")")
        #expect(e.first?.range.start.line == line)
    }

    @Test func unclosedBraceNotePointsAtTheOpeningBrace() {
        let e = errors("input {\n  beats {\n    port => 5044\n}\n")
        #expect(e.first?.note?.range.start.line == 1)
        #expect(e.first?.range.start.line == 5)
        #expect(e.first?.hint == "add the missing `}`")
    }

    @Test func commasBetweenHashEntriesAreReportedAndParsingGoesOn() throws {
        let r = LogstashParser().parse(SourceFile(path: "p.conf", text: """
            output {
              elasticsearch {
                template => {
                  "a" => 1,
                  "b" => { "c" => 2, "d" => 3 }
                }
              }
            }
            """))
        #expect(r.errors.map(\.range.start.line).sorted() == [4, 5])
        let p = try #require(r.pipeline)
        #expect(p.plugins.first?.plugin["template"]?.hash?.count == 2)
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = "filter { x { v => " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + " } }"
        let e = errors(deep)
        #expect(e.first?.message.contains("nested deeper than") == true)
        let deepIf = "filter { " + String(repeating: "if [a] { ", count: 5_000) + String(repeating: "} ", count: 5_000) + "}"
        #expect(errors(deepIf).first?.message.contains("nested deeper than") == true)
        let parens = "filter { if " + String(repeating: "(", count: 50_000) + "[a]" + String(repeating: ")", count: 50_000) + " { } }"
        #expect(errors(parens).first?.message.contains("nested deeper than") == true)
    }

    @Test func unbalancedBracesAreAnsweredWithTheOpeningBrace() {
        // 200k opening braces of hashes: linear scan, error at the end, no backtracking.
        let text = "filter { x { v => " + String(repeating: "{ \"k\" => ", count: 50) + String(repeating: "x", count: 1 << 20)
        #expect(!errors(text).isEmpty)
        let manyPlugins = "filter {\n" + String(repeating: "  mutate { add_tag => [\"a\"] }\n", count: 20_000)
        #expect(errors(manyPlugins).first?.message.contains("`{` of `filter` opened at line 1") == true)
    }

    @Test(arguments: ["", "{", "}", "[", "if", "input", "input {", "input { if", "input { if [", "input { if [a", "input { if [a] ==",
                      "filter { x { y => ", "filter { x { y => {", "filter { x { y => { a", "filter { x { y => { a =>",
                      "filter { if !", "filter { if ! x", "filter { if [a] not", "filter { if [a] not x", "filter { if f(",
                      "filter { if /abc", "\u{0}\u{1}", "input { béats { } }", "filter{mutate{}}else"])
    func hostileInputNeverCrashes(text: String) {
        let r = LogstashParser().parse(SourceFile(path: "p.conf", text: text))
        #expect(r.pipeline != nil || !r.errors.isEmpty)
    }
}
