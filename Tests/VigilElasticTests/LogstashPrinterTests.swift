import Foundation
import Testing
import VigilCore
@testable import VigilElastic

@Suite struct LogstashPrinterTests {
    static let samples: [String] = [
        "input { beats { port => 5044 } }",
        "filter { if [a] == \"x\" and !([b] in [\"c\", \"d\"]) { mutate { add_tag => ['t'] } } else if [n] >= 5 or [m] =~ /re\\/x/ { drop {} } else { } }",
        "output { elasticsearch { hosts => [\"http://es:9200\"] template => { \"settings\" => { \"number_of_shards\" => 1 } \"x\" => [1, {aa => 2}] } } }",
        "# head\ninput {\n # in\n stdin { codec => json { charset => 'UTF-8' } } # tail\n}\n# end",
        "filter { 'quoted name' { \"odd-key\" => \"v\" } }",
        "filter { if env(\"A\", [b]) != -1.5 { x {} } if \"a\" not in [tags] nand [c] xor [d] { y {} } }",
        "output { x { long => [\"" + String(repeating: "a", count: 100) + "\", \"b\"] } }",
    ]

    @Test(arguments: samples)
    func roundTrip(text: String) throws {
        let p = try parse(text)
        let printed = LogstashPrinter().print(p)
        let again = try parse(printed)
        #expect(again == p, "printed:\n\(printed)")
        // Canonical: printing is idempotent.
        #expect(LogstashPrinter().print(again) == printed)
    }

    @Test func canonicalLayout() throws {
        let p = try parse("input{beats{port=>5044}}filter{if [a]{mutate{add_field=>{\"x\"=>\"y\"} add_tag=>[\"t\"]}}else{drop{}}}")
        #expect(LogstashPrinter().print(p) == """
            input {
              beats {
                port => 5044
              }
            }

            filter {
              if [a] {
                mutate {
                  add_field => {
                    "x" => "y"
                  }
                  add_tag => ["t"]
                }
              } else {
                drop {}
              }
            }

            """)
    }

    @Test(arguments: ["guide/elasticsearch.yaml"])
    func guidePipelineRoundTrips(path: String) throws {
        let text = try fixture(path)
        let load = YAMLLoader.load(text: text, path: path)
        let cm = try #require(load.documents.first { $0.root["kind"]?.scalarText == "ConfigMap" })
        let conf = try #require(cm.root["data"]?["logstash.conf"]?.scalarText)
        let r = LogstashParser().parse(SourceFile(path: "logstash.conf", text: conf))
        let p = try #require(r.pipeline)
        #expect(try parse(LogstashPrinter().print(p)) == p)
    }

    @Test(arguments: ["pipelines/apache-access.conf", "pipelines/app-json.conf", "pipelines/syslog.conf"])
    func fixturesParseAndRoundTrip(path: String) throws {
        let p = try parse(try fixture(path))
        #expect(!p.plugins.isEmpty)
        #expect(try parse(LogstashPrinter().print(p)) == p)
    }

    /// Generated pipelines (a deterministic pseudo-random walk over the grammar) survive a round trip.
    @Test func generatedPipelinesRoundTrip() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<200 {
            let p = LogstashPipeline(sections: (0..<(1 + rng.next(3))).map { _ in
                PipelineSection(kind: PipelineSection.Kind.allCases[rng.next(3)], items: Self.items(&rng, depth: 0))
            })
            let printed = LogstashPrinter().print(p)
            #expect(try parse(printed) == p, "\(printed)")
        }
    }

    static func items(_ rng: inout SplitMix, depth: Int) -> [PipelineItem] {
        (0..<rng.next(3)).map { _ in
            if depth < 3, rng.next(3) == 0 {
                let clauses = (0..<(1 + rng.next(3))).map { n in Clause(condition: condition(&rng, depth: 0), body: items(&rng, depth: depth + 1)) }
                let withElse = rng.next(2) == 0 ? clauses + [Clause(condition: nil, body: items(&rng, depth: depth + 1))] : clauses
                return .branch(Branch(clauses: withElse))
            }
            return .plugin(plugin(&rng, depth: 0))
        }
    }

    static func plugin(_ rng: inout SplitMix, depth: Int) -> Plugin {
        Plugin(name: ["mutate", "grok", "json", "my-plugin", "x"][rng.next(5)],
               attributes: (0..<rng.next(4)).map { n in Attribute(name: "opt\(n)", value: value(&rng, depth: depth)) })
    }

    static func value(_ rng: inout SplitMix, depth: Int) -> Value {
        switch depth > 2 ? rng.next(3) : rng.next(6) {
        case 0: return Value(.string(["a", "with space", "%{[x][y]}", "q\\\"uote", ""][rng.next(5)], rng.next(2) == 0 ? .double : .single))
        case 1: return Value(.number(["1", "-2", "3.25", "0."][rng.next(4)]))
        case 2: return Value(.bareword(["true", "json", "ISO8601", "_x"][rng.next(4)]))
        case 3: return Value(.array((0..<rng.next(4)).map { _ in value(&rng, depth: depth + 1) }))
        case 4: return Value(.hash((0..<rng.next(3)).map { n in HashEntry(key: Value(.string("k\(n)", .double)), value: value(&rng, depth: depth + 1)) }))
        default: return Value(.plugin(plugin(&rng, depth: depth + 1)))
        }
    }

    static func rvalue(_ rng: inout SplitMix) -> RValue {
        switch rng.next(5) {
        case 0: return RValue(.field(FieldReference(["a", "b"].prefix(1 + rng.next(2)).map { $0 })))
        case 1: return RValue(.string("s", .double))
        case 2: return RValue(.number("7"))
        case 3: return RValue(.array([.string("x"), Value(.number("1"))]))
        default: return RValue(.call("env", [RValue(.string("V", .single))]))
        }
    }

    static func condition(_ rng: inout SplitMix, depth: Int) -> Condition {
        let simple: Condition
        switch rng.next(6) {
        case 0: simple = .compare(rvalue(&rng), CompareOperator.allCases[rng.next(6)], rvalue(&rng))
        case 1: simple = .match(rvalue(&rng), negated: rng.next(2) == 0, RValue(.regexp("^a.*")))
        case 2: simple = .in(rvalue(&rng), negated: rng.next(2) == 0, rvalue(&rng))
        case 3 where depth < 2: simple = .not(.group(condition(&rng, depth: depth + 1)))
        case 4: simple = .not(.value(RValue(.field(FieldReference(["f"])))))
        default: simple = .value(rvalue(&rng))
        }
        if depth < 2, rng.next(3) == 0 {
            return .chain(simple, [(BooleanOperator.allCases[rng.next(4)], .group(condition(&rng, depth: depth + 1)))])
        }
        return simple
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
