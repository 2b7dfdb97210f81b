import Foundation
import Testing
import VigilCore
@testable import VigilElastic

@Suite struct LogstashKindTests {
    @Test(arguments: [
        ("pipeline.conf", "input { stdin {} }", true),
        ("conf.d/10-beats.conf", "# beats\n\ninput {\n beats { port => 5044 } }", true),
        ("x.conf", "filter{}", true),
        ("nginx.conf", "server { listen 80; }", false),
        ("logstash.conf", "inptu { }", true),          // a typo in a file named like a pipeline is still ours
        ("pipeline/main.conf", "???", true),
        ("config.yaml", "input { stdin {} }", false),
        ("redis.conf", "port 6379\n", false),
    ])
    func recognition(path: String, text: String, expected: Bool) {
        #expect(LogstashPipelineKind().matches(path: path, file: SourceFile(path: path, text: text)) == expected)
    }

    @Test func lintOfAConfFileReportsSyntaxWithPositions() async {
        let r = await lint("input {\n  beats {\n    port => 5044\n  }\n", path: "logstash.conf")
        let d = findings(r, "logstash/syntax")
        #expect(d.count == 1)
        #expect(d.first?.range?.start.line == 5)
        #expect(d.first?.notes.first?.range?.start.line == 1)
    }

    @Test func nonPipelineConfFilesAreLeftAlone() async {
        let r = await lint("server { listen 80; }\n", path: "nginx.conf")
        #expect(r.diagnostics.allSatisfy { !$0.rule.hasPrefix("logstash/") })
    }

    @Test func embeddedPipelinePositionsMapIntoTheConfigMap() async {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: p}
            data:
              main.conf: |
                input { beats { port => 5044 } }
                filter {
                  mutat { }
                }
            """
        let r = await lint(yaml, path: "cm.yaml")
        let d = findings(r, "logstash/unknown-plugin")
        #expect(d.first?.file == "cm.yaml")
        #expect(d.first?.range?.start.line == 8)
        #expect(d.first?.range?.start.column == 7)
        #expect(d.first?.hint == "did you mean `mutate`?")
    }

    @Test func embeddedPipelineInAQuotedScalarMapsToo() async {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata:\n  a.conf: \"output {\\n  elasticsearch { template_pattern => \\\"x\\\" }\\n}\"\n"
        let r = await lint(yaml, path: "cm.yaml")
        let d = findings(r, "logstash/unknown-option")
        #expect(d.first?.range?.start.line == 5)
    }

    @Test func ignoreCommentsSilenceOneFinding() async {
        let r = await lint("filter {\n  # vigil:ignore logstash/unknown-plugin\n  custom_thing { }\n  other_thing { }\n}\n", path: "p.conf")
        #expect(findings(r, "logstash/unknown-plugin").map { $0.range?.start.line } == [4])
    }
}

@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.corpus/elastic").standardizedFileURL

    static let logstashRejectsToo: Set<String> = ["trailing `,` before `]`"]

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".conf") }.sorted()
    }

    /// The grammar tests of logstash-pipeline-parser use made-up plugins and options on purpose
    /// (`syslog { hashmap => … }`); every other corpus pipeline is one people run.
    static var runnable: [String] { files.filter { !$0.hasPrefix("logstash_pipeline_parser-") } }

    /// Pipelines people run (FreeRADIUS's from Debian, the READMEs' and tools' own) lint with no
    /// error: every error there would be a false one.
    @Test(.enabled(if: !runnable.isEmpty))
    func runnablePipelinesLintWithoutErrors() async throws {
        for name in Self.runnable {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            let r = await lint(text, path: name)
            let errors = r.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name): \(errors.map { "\($0.range?.start.line ?? 0): \($0.rule) \($0.message)" })")
        }
    }

    /// FreeRADIUS's pipeline exercises most of the language at once; when it is fetched, its
    /// constructs are all there after a round trip.
    @Test(.enabled(if: files.contains("debian-freeradius-logstash-radius.conf")))
    func freeradiusPipelineKeepsItsConstructs() throws {
        let p = try parse(String(contentsOf: Self.corpus.appendingPathComponent("debian-freeradius-logstash-radius.conf"), encoding: .utf8))
        let names = Set(p.plugins.map(\.plugin.name))
        #expect(names.isSuperset(of: ["file", "grok", "date", "kv", "ruby", "mutate", "elasticsearch"]), "\(names.sorted())")
        #expect(!p.conditions.isEmpty)
        #expect(try parse(LogstashPrinter().print(p)) == p)
    }

    /// Real pipelines from PyPI packages (`fetch-corpus.sh`) parse and round-trip. Skipped
    /// until the corpus is fetched.
    @Test(.enabled(if: !files.isEmpty))
    func realPipelinesParseAndRoundTrip() throws {
        for name in Self.files {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            let r = LogstashParser().parse(SourceFile(path: name, text: text))
            // Some test inputs of those packages use what their own grammars accept but
            // Logstash's does not (a trailing comma in an array); Vigil reports exactly those.
            let unexpected = r.errors.filter { !Self.logstashRejectsToo.contains($0.message) }
            #expect(unexpected.isEmpty, "\(name): \(r.errors)")
            if let p = r.pipeline {
                #expect(try parse(LogstashPrinter().print(p)) == p, "\(name)")
            }
        }
    }
}

@Suite struct SprintfTests {
    @Test(arguments: [
        ("app-%{+YYYY.MM.dd}", "app-2024.01.31"),
        ("app-%{[service]}-%{+yyyy.MM}", "app-x-2024.01"),
        ("logs-%{+xxxx.ww}", "logs-2024.05"),
        ("%{+YYYY.MMM}", "2024.Jan"),
        ("%{+'week'ww}", "week05"),
        ("plain", "plain"),
    ])
    func samples(index: String, expected: String) {
        #expect(Sprintf.sample(index) == expected)
    }

    @Test(arguments: [
        ("aurelis-*", "aurelis-logs-2024.01.31", true),
        ("aurelis-*", "logs-aurelis-2024.01.31", false),
        ("*-logs-*", "aurelis-logs-2024", true),
        ("exact", "exact", true),
        ("exact", "exactly", false),
        ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false),
    ])
    func glob(pattern: String, name: String, expected: Bool) {
        #expect(Sprintf.glob(pattern, matches: name) == expected)
    }
}

@Suite struct FieldFlowTests {
    @Test func grokDissectAndMutateSetFields() throws {
        let p = try parse("""
            input { stdin {} }
            filter {
              grok { match => { "message" => "%{IP:client} (?<verb>\\\\w+) %{NUMBER:[http][bytes]:int}" } }
              dissect { mapping => { "message" => "%{ts} %{+ts} %{?skip} %{&k}" } }
              mutate { rename => { "client" => "[source][ip]" } add_field => { "[labels][env]" => "prod" } }
              if [client] and [verb] and [http][bytes] and [ts] and [source][ip] and [labels][env] and [nope] { }
            }
            """)
        let flow = FieldFlow(pipeline: p, logging: LoggingKnowledge(logFields: []))
        let unset = p.conditions.flatMap { $0.condition.fieldReferences }.map(\.0).filter { !flow.isSet($0) }
        #expect(unset == [FieldReference(["nope"])])
    }

    @Test func rubyOpensTheRoot() throws {
        let p = try parse("filter { ruby { code => \"event.set('x', 1)\" } if [x] { } }")
        #expect(FieldFlow(pipeline: p, logging: LoggingKnowledge()).isSet(FieldReference(["x"])))
    }

    @Test func filebeatFieldsFollowFieldsUnderRoot() throws {
        let p = try parse("input { beats { port => 5044 } }")
        let under = FieldFlow(pipeline: p, logging: LoggingKnowledge(logFields: [], filebeatFields: ["service"], fieldsUnderRoot: true))
        #expect(under.isSet(FieldReference(["service"])))
        #expect(!under.isSet(FieldReference(["fields", "service"])))
        let nested = FieldFlow(pipeline: p, logging: LoggingKnowledge(logFields: [], filebeatFields: ["service"], fieldsUnderRoot: false))
        #expect(nested.isSet(FieldReference(["fields", "service"])))
        #expect(nested.isSet(FieldReference(["kubernetes", "pod", "name"])))
    }
}

@Suite struct JavaHeapTests {
    @Test(arguments: [
        ("-Xms1g -Xmx1g", Int64(1) << 30, Int64(1) << 30),
        ("-Xms512m -Xmx2G", Int64(512) << 20, Int64(2) << 30),
        ("-XX:InitialHeapSize=1024k -XX:MaxHeapSize=4096k", Int64(1) << 20, Int64(4) << 20),
        ("-Dfoo=bar", nil, nil),
        ("-Xmxlots", nil, nil),
    ] as [(String, Int64?, Int64?)])
    func parsing(opts: String, min: Int64?, max: Int64?) {
        let h = JavaHeap(options: opts)
        #expect(h.min == min)
        #expect(h.max == max)
    }

    @Test(arguments: [
        ("docker.elastic.co/elasticsearch/elasticsearch:8.8.0", ElasticProduct.elasticsearch, 8),
        ("elasticsearch:7.17.10", .elasticsearch, 7),
        ("docker.elastic.co/logstash/logstash:8.8.0", .logstash, 8),
        ("bitnami/kibana", .kibana, nil),
        ("registry.local:5000/beats/filebeat:8.13.4", .filebeat, 8),
    ] as [(String, ElasticProduct, Int?)])
    func products(image: String, product: ElasticProduct, major: Int?) {
        #expect(ElasticProduct.of(image: image) == product)
        #expect(ElasticProduct.majorVersion(image: image) == major)
    }

    @Test func otherImagesAreNotElastic() {
        #expect(ElasticProduct.of(image: "nginx:1.25") == nil)
        #expect(ElasticProduct.of(image: "opensearchproject/opensearch:2") == nil)
    }
}

@Suite struct ElasticsearchConfigFileTests {
    /// Settings from an elasticsearch.yml mounted from a ConfigMap count like env settings, and
    /// findings point into the ConfigMap.
    @Test func mountedElasticsearchYAMLIsRead() async {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: es-config}
            data:
              elasticsearch.yml: |
                cluster.name: logs
                discovery:
                  seed_hosts: ["es-0.es", "es-1.es", "es-9.es"]
                xpack.security.enabled: false
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: es}
            spec:
              serviceName: es
              replicas: 3
              selector: {matchLabels: {app: es}}
              template:
                metadata: {labels: {app: es}}
                spec:
                  containers:
                    - name: es
                      image: elasticsearch:8.13.4
                      volumeMounts:
                        - {name: config, mountPath: /usr/share/elasticsearch/config/elasticsearch.yml, subPath: elasticsearch.yml}
                  volumes:
                    - {name: config, configMap: {name: es-config}}
            """
        let r = await lint(yaml, path: "es.yaml")
        let d = findings(r, "elastic/discovery-mismatch")
        #expect(d.count == 1)
        #expect(d.first?.message.contains("es-9.es") == true)
        #expect(d.first?.range?.start.line == 8)
        #expect(findings(r, "elastic/security-without-transport-tls").isEmpty)
    }
}
