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

    func decode(_ text: String, groupsPerTask: Int) -> (groups: [String], diagnostics: [String]) {
        let file = SourceFile(path: "rules.yaml", text: text)
        let root = YAMLLoader.load(file).documents[0].root
        var decoder = RuleFileDecoder(file: file)
        decoder.groupsPerTask = groupsPerTask
        let groups = decoder.decodeGroups(root.mapping?["groups"] ?? .null)
        return (groups.map { "\($0.name) \($0.rules.count) \($0.interval.map { "\($0)" } ?? "-")" },
                decoder.diagnostics.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0) \($0.rule) \($0.message)" })
    }

    @Test func manyGroupsDecodeAsOneAfterAnother() {
        let text = Self.rules(groups: 500)
        let sequential = decode(text, groupsPerTask: Int.max / 4)
        let parallel = decode(text, groupsPerTask: 32)
        #expect(sequential.groups.count == 500)
        #expect(sequential.diagnostics.count >= 100, "the defects are found")
        #expect(parallel.groups == sequential.groups)
        #expect(parallel.diagnostics == sequential.diagnostics)
    }
}
