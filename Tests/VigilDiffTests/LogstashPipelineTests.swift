import Testing
import VigilCore
@testable import VigilDiff

/// Logstash pipelines, as files and embedded in ConfigMaps, compared by their syntax tree.
@Suite struct LogstashPipelineTests {
    static let pipeline = """
        input {
          beats { port => 5044 }
        }
        filter {
          if [fields][service] == "api" {
            json { source => "message" }
            mutate { add_field => { "environment" => "staging" } }
          }
        }
        output {
          elasticsearch {
            hosts => ["https://es:9200"]
            user => "logstash"
            password => "hunter2"
          }
        }

        """

    static func pipelines(_ old: String, _ new: String) -> DiffResult {
        Diffing.trees(["logstash/pipeline.conf": old], ["logstash/pipeline.conf": new])
    }

    @Test func whitespaceCommentsAndQuotingAreNoChange() {
        let reformatted = """
            # Where the logs come from.
            input { beats { port=>5044 } }

            filter
            {
              if [fields][service]=='api' {   # only our service
                json {
                  source => 'message'
                }
                mutate {
                  add_field => {
                    # which environment this is
                    'environment' => "staging"
                  }
                }
              }
            }
            output { elasticsearch { hosts => [ "https://es:9200" ] user => logstash password => "hunter2" } }
            """
        #expect(!Self.pipelines(Self.pipeline, reformatted).hasDifferences)
    }

    @Test func aFilterSplitIntoTwoBlocksIsNoChange() {
        let a = "filter { json { source => \"message\" } mutate { add_tag => [\"x\"] } }\n"
        let b = "filter { json { source => \"message\" } }\nfilter { mutate { add_tag => [\"x\"] } }\n"
        #expect(!Self.pipelines(a, b).hasDifferences)
    }

    @Test func aChangedOptionHasAPathIntoThePipeline() throws {
        let r = Self.pipelines(Self.pipeline, Self.pipeline.replacing("\"staging\"", with: "\"production\""))
        #expect(r.summaries == ["changed filter[0][\"if [fields][service] == \\\"api\\\"\"][1].mutate.add_field.environment"])
        #expect(r.files.first?.documents.first?.identity == .logstash)
        let change = try #require(r.allChanges.first)
        #expect(change.location?.line == 7)
        #expect(change.old?.scalarText == "staging" && change.new?.scalarText == "production")
    }

    @Test func anInsertedPluginShiftsNothing() {
        let r = Self.pipelines(Self.pipeline, Self.pipeline.replacing("    json { source => \"message\" }\n", with: "    json { source => \"message\" }\n    geoip { source => \"client_ip\" }\n"))
        #expect(r.summaries == ["added filter[0][\"if [fields][service] == \\\"api\\\"\"][1]"])
    }

    @Test func aChangedConditionReplacesTheBranch() {
        let r = Self.pipelines(Self.pipeline, Self.pipeline.replacing("== \"api\"", with: "== \"web\""))
        #expect(r.summaries == ["removed filter[0][\"if [fields][service] == \\\"api\\\"\"]", "added filter[0][\"if [fields][service] == \\\"web\\\"\"]"])
    }

    @Test func aChangedPasswordIsReportedAndMasked() {
        let r = Self.pipelines(Self.pipeline, Self.pipeline.replacing("hunter2", with: "swordfish"))
        #expect(r.summaries == ["changed output[0].elasticsearch.password"])
        for format in DiffFormat.allCases {
            let out = DiffTool.render(r, format: format)
            #expect(!out.contains("hunter2") && !out.contains("swordfish"), "\(format)")
        }
    }

    @Test func aPipelineThatDoesNotParseIsComparedLineByLine() {
        let broken = Self.pipeline.replacing("output {", with: "output {{")
        let r = Self.pipelines(broken, broken.replacing("5044", with: "5045"))
        #expect(r.allChanges.map(\.kind) == [.text])
    }

    @Test func aPipelineInAConfigMapIsComparedByItsTree() {
        func configMap(_ body: String) -> String {
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: pipeline}\ndata:\n  logstash.conf: |\n"
                + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        let a = configMap(Self.pipeline)
        #expect(!Diffing.files(a, configMap(Self.pipeline.replacing("input {", with: "# inputs\ninput {"))).hasDifferences)
        let r = Diffing.files(a, configMap(Self.pipeline.replacing("5044", with: "5045")))
        #expect(r.summaries == ["changed data[\"logstash.conf\"]/input[0].beats.port"])
        // Line 7 of the ConfigMap is line 2 of the pipeline.
        #expect(r.allChanges.first?.location?.line == 7)
    }
}

extension LogstashPipelineTests {
    @Test func aRepeatedElseIfKeepsItsOwnClause() {
        let a = "filter { if [a] { drop {} } else if [b] { mutate { add_tag => [\"x\"] } } else if [b] { mutate { add_tag => [\"y\"] } } }\n"
        let r = Self.pipelines(a, a.replacing("\"y\"", with: "\"z\""))
        #expect(r.summaries == ["changed filter[0][\"else if [b] #2\"][0].mutate.add_tag[0]"])
    }
}
