import Testing
import VigilCore
@testable import VigilElastic

/// The guide's ELK manifests as written: Vigil finds their real defects, at the right lines of
/// the outer YAML file (the pipeline is embedded in a ConfigMap).
@Suite struct GuideManifestTests {
    /// What the guide's structured logger emits and how its Filebeat ships it.
    static let knowledge = LoggingKnowledge(logFields: ["@timestamp", "level", "logger", "message", "service", "correlation_id", "user_id", "request_id"],
                                            filebeatFields: ["service", "environment"], fieldsUnderRoot: true)

    static func run(knowledge: [any Sendable] = []) async throws -> LintResult {
        await lint(try fixture("guide/elasticsearch.yaml"), path: "guide/elasticsearch.yaml", knowledge: knowledge)
    }

    /// Every Elastic finding, as `rule@line`.
    static func elasticFindings(_ r: LintResult) -> [String] {
        r.diagnostics.filter { ElasticLint.registry.rule(id: $0.rule) != nil }.map { "\($0.rule)@\($0.range?.start.line ?? 0)" }
    }

    @Test func findsTheGuidesDefects() async throws {
        let r = try await Self.run(knowledge: [Self.knowledge])
        #expect(Self.elasticFindings(r) == [
            "elastic/discovery-service@8",                     // no headless Service "elasticsearch"
            "elastic/max-map-count@19",                        // production mode, vm.max_map_count not raised
            "elastic/transport-tls-without-certificates@37",   // transport TLS on, no keystore/certificates
            "logstash/condition-on-unset-field@120",           // [fields][service] with fields_under_root
            "logstash/date-field-not-emitted@126",             // the logger writes @timestamp, not timestamp
            "elastic/missing-credentials@151",                 // security on, output without user/password
            "elastic/output-host-unknown@152",                 // no Service "elasticsearch" in the run
            "logstash/unknown-option@155",                     // template_pattern does not exist
            "logstash/template-not-a-path@156",                // inline template hash
            "logstash/syntax@157",                             // commas between hash entries (outer hash)
            "logstash/syntax@159",                             // … settings
            "logstash/syntax@164",                             // … properties
        ])
    }

    @Test func positionsAreInTheOuterFile() async throws {
        let r = try await Self.run()
        let option = try #require(findings(r, "logstash/unknown-option").first)
        #expect(option.file == "guide/elasticsearch.yaml")
        #expect(option.range?.start.line == 155)
        #expect(option.range?.start.column == 9)
        #expect(option.message == "Unknown setting 'template_pattern' for elasticsearch")
        let comma = try #require(findings(r, "logstash/syntax").first)
        #expect(comma.range?.start == SourcePosition(line: 157, column: 44, offset: comma.range?.start.offset ?? -1))
        #expect(comma.message.contains("commas in this hash") || comma.message == "unexpected `,` between hash entries")
    }

    @Test func knowledgeDrivenRulesAreSilentWithoutKnowledge() async throws {
        let r = try await Self.run()
        #expect(findings(r, "logstash/condition-on-unset-field").isEmpty)
        #expect(findings(r, "logstash/date-field-not-emitted").isEmpty)
        #expect(!findings(r, "logstash/template-not-a-path").isEmpty)
    }

    @Test func hintsSayWhatToWrite() async throws {
        let r = try await Self.run(knowledge: [Self.knowledge])
        #expect(findings(r, "logstash/condition-on-unset-field").first?.hint?.contains("test [service]") == true)
        #expect(findings(r, "logstash/date-field-not-emitted").first?.hint?.contains("@timestamp") == true)
        #expect(findings(r, "elastic/discovery-service").first?.hint?.contains("publishNotReadyAddresses: true") == true)
    }
}
