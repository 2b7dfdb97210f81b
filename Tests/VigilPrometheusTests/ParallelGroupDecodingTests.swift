import Testing
import VigilCore
@testable import VigilPrometheus

/// A rule file with many groups is decoded on all cores; groups and findings must be exactly
/// those of decoding the groups one after another.
@Suite struct ParallelGroupDecodingTests {
    /// `count` groups; every seventh has an unknown key, every eleventh a bad duration, every
    /// thirteenth a rule without expr.
    static func rules(groups count: Int) -> String {
        var text = "groups:\n"
        for g in 0..<count {
            text += "  - name: group-\(g)\n"
            text += g % 11 == 0 ? "    interval: 30 seconds\n" : "    interval: 30s\n"
            if g % 7 == 0 { text += "    intervall: 1m\n" }
            text += "    rules:\n"
            text += "      - alert: Down\(g)\n        expr: up{job=\"j\(g)\"} == 0\n        for: 5m\n"
            text += "        annotations: {summary: '{{ $labels.instance }} of group \(g) is down'}\n"
            text += g % 13 == 0 ? "      - record: job:x:sum\(g)\n" : "      - record: job:x:sum\n        expr: sum by (job) (x\(g))\n"
        }
        return text
    }

    func decode(_ text: String, groupsPerTask: Int) -> (groups: [String], diagnostics: [String], rules: [String]) {
        let file = SourceFile(path: "rules.yaml", text: text)
        let root = YAMLLoader.load(file).documents[0].root
        var decoder = RuleFileDecoder(file: file)
        decoder.groupsPerTask = groupsPerTask
        let groups = decoder.decodeGroups(root.mapping?["groups"] ?? .null)
        // What the expression and template analysis found, whichever path parsed them.
        let rules = groups.flatMap(\.rules).map { r in
            let templates = r.annotations.map { a in a.template.map { t in t.namedLabelReferences.map(\.name).joined(separator: ",") } ?? "-" }
            return "\(r.parsed?.description ?? "-") \(r.selectors.count) \(r.outputLabels) \(templates)"
        }
        return (groups.map { "\($0.name) \($0.rules.count) \($0.interval.map { "\($0)" } ?? "-")" },
                decoder.diagnostics.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.rule) \($0.message)" },
                rules)
    }

    @Test func manyGroupsDecodeAsOneAfterAnother() {
        let text = Self.rules(groups: 500)
        let sequential = decode(text, groupsPerTask: Int.max / 4)
        let parallel = decode(text, groupsPerTask: 32)
        #expect(sequential.groups.count == 500)
        #expect(sequential.diagnostics.count >= 100, "the defects are found")
        #expect(parallel.groups == sequential.groups)
        #expect(parallel.diagnostics == sequential.diagnostics)
        #expect(sequential.rules.count == 1000)
        #expect(sequential.rules.contains { $0.hasPrefix("sum by (job) (x7) 1") })
        #expect(sequential.rules.contains { $0.hasSuffix("[\"instance\"]") })
        #expect(parallel.rules == sequential.rules)
    }

    /// Many groups, but one holds most rules: its expressions are parsed ahead on all cores,
    /// and the result is the same.
    @Test func oneLargeGroupAmongManyDecodesTheSame() {
        var text = Self.rules(groups: 100)
        text += "  - name: large\n    rules:\n"
        for i in 0..<1000 {
            text += "      - alert: Large\(i)\n        expr: rate(x_total{i=\"\(i)\"}[5m]) > 1\n"
            text += "        annotations: {summary: '{{ $labels.job }} \(i)'}\n"
        }
        let groups = YAMLLoader.load(text: text, path: "rules.yaml").documents[0].root["groups"]?.sequence ?? []
        #expect(!RuleFileDecoder.rulesAreSpread(over: groups))
        let sequential = decode(text, groupsPerTask: Int.max / 4)
        let parallel = decode(text, groupsPerTask: 32)
        #expect(sequential.rules.count == 1200)
        #expect(parallel.groups == sequential.groups)
        #expect(parallel.diagnostics == sequential.diagnostics)
        #expect(parallel.rules == sequential.rules)
    }
}
