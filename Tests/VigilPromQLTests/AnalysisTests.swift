import Testing
@testable import VigilPromQL

@Suite("Analysis: selectors")
struct SelectorAnalysisTests {
    @Test func listsSelectorsInSourceOrder() throws {
        let e = try PromQL.parseExpr("sum(rate(http_requests_total{code=~\"5..\"}[5m] offset 1h)) / sum(rate(http_requests_total[5m])) + on () group_left {__name__=\"up\", job=\"a\"}")
        let uses = e.selectors()
        #expect(uses.map(\.metricName) == ["http_requests_total", "http_requests_total", "up"])
        #expect(uses[0].range == 300_000)
        #expect(uses[0].offset == 3_600_000)
        #expect(uses[0].matchers == [LabelMatcher(name: "code", op: .regexMatch, value: "5..")])
        #expect(uses[0].enclosingFunction == "rate")
        #expect(uses[2].range == nil)
        #expect(uses[2].enclosingFunction == nil)
        let text = Array("sum(rate(http_requests_total{code=~\"5..\"}[5m] offset 1h))".utf8)
        #expect(uses[0].position == 9..<(text.count - 2))
    }

    @Test func subqueryContext() throws {
        let e = try PromQL.parseExpr("max_over_time(rate(foo[5m] offset 1m)[1h:30s] offset 10m)")
        let use = try #require(e.selectors().first)
        #expect(use.subqueryRange == 3_600_000)
        #expect(use.subqueryStep == 30_000)
        #expect(use.totalOffset == 660_000)
        #expect(use.at == nil)
        let at = try PromQL.parseExpr("foo @ end()").selectors()
        #expect(at.first?.at == .end)
    }

    @Test func noSelectorsInScalars() throws {
        #expect(try PromQL.parseExpr("time() - 1h").selectors().isEmpty)
        #expect(try PromQL.parseExpr("vector(1) + scalar(up)").selectors().count == 1)
        #expect(try PromQL.parseExpr("rate(a[1m]) + irate(b[1m]) * abs(c)").calledFunctions() == ["rate", "irate", "abs"])
    }
}

@Suite("Analysis: output labels")
struct LabelAnalysisTests {
    static let catalogue: [String: Set<String>] = [
        "http_requests_total": ["job", "instance", "method", "code"],
        "http_request_duration_seconds_bucket": ["job", "instance", "le"],
        "kube_pod_info": ["namespace", "pod", "node"],
        "container_memory_working_set_bytes": ["namespace", "pod", "container"],
        "up": ["job", "instance"],
    ]

    static let cases: [(String, LabelSet)] = [
        ("http_requests_total", .exactly(["__name__", "job", "instance", "method", "code"])),
        ("rate(http_requests_total[5m])", .exactly(["job", "instance", "method", "code"])),
        ("last_over_time(up[5m])", .exactly(["__name__", "job", "instance"])),
        ("sum(rate(http_requests_total[5m]))", .exactly([])),
        ("sum by (job) (rate(http_requests_total[5m]))", .exactly(["job"])),
        ("sum by (job, nothere) (rate(http_requests_total[5m]))", .exactly(["job"])),
        ("sum without (instance) (http_requests_total)", .exactly(["job", "method", "code"])),
        ("topk(3, http_requests_total)", .exactly(["__name__", "job", "instance", "method", "code"])),
        ("count_values(\"value\", up)", .exactly(["value"])),
        ("count_values by (job) (\"value\", up)", .exactly(["job", "value"])),
        ("histogram_quantile(0.9, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))", .exactly(["job"])),
        ("histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[5m]))", .exactly(["job", "instance"])),
        ("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*)\")", .exactly(["__name__", "job", "instance", "host"])),
        ("label_join(up, \"both\", \"/\", \"job\", \"instance\")", .exactly(["__name__", "job", "instance", "both"])),
        ("up == 1", .exactly(["__name__", "job", "instance"])),
        ("up == bool 1", .exactly(["job", "instance"])),
        ("up * 2", .exactly(["job", "instance"])),
        ("-up", .exactly(["job", "instance"])),
        ("time()", .exactly([])),
        ("1 + 1", .exactly([])),
        ("vector(1)", .exactly([])),
        ("scalar(up)", .exactly([])),
        ("absent(up{job=\"x\", instance=~\"y\"})", .exactly(["job"])),
        ("absent(nonexistent{job=\"x\"})", .exactly(["job"])),
        ("absent(sum(up))", .exactly([])),
        ("up and on (job) http_requests_total", .exactly(["__name__", "job", "instance"])),
        ("up unless http_requests_total", .exactly(["__name__", "job", "instance"])),
        ("rate(http_requests_total[5m]) / on (job) sum by (job) (rate(http_requests_total[5m]))", .exactly(["job"])),
        ("rate(http_requests_total[5m]) / ignoring (method, code) group_left sum by (job, instance) (rate(http_requests_total[5m]))",
         .exactly(["job", "instance", "method", "code"])),
        ("sum by (namespace, pod) (container_memory_working_set_bytes) / on (namespace, pod) group_left (node) kube_pod_info",
         .exactly(["namespace", "pod", "node"])),
        ("kube_pod_info * on (namespace, pod) group_right (node) sum by (namespace, pod) (container_memory_working_set_bytes)",
         .exactly(["namespace", "pod", "node"])),
        ("rate(http_requests_total[5m]) / ignoring (code) rate(http_requests_total[5m])", .exactly(["job", "instance", "method"])),
        ("up or vector(1)", .open(including: [], excluding: [])),
        ("(up)", .exactly(["__name__", "job", "instance"])),
        ("max_over_time(rate(up[5m])[1h:])", .exactly(["job", "instance"])),
        ("unknown_metric{job=\"a\", env=\"\"}", .open(including: ["__name__", "job"], excluding: ["env"])),
        ("rate(unknown_metric{job=\"a\"}[5m])", .open(including: ["job"], excluding: ["__name__"])),
        ("sum without (x) (unknown_metric)", .open(including: [], excluding: ["x", "__name__"])),
        ("sum by (job) (unknown_metric)", .exactly(["job"])),
        ("label_replace(unknown_metric, \"dst\", \"\", \"src\", \"\")", .open(including: ["__name__", "dst"], excluding: [])),
        ("info(up)", .open(including: ["__name__", "job", "instance"], excluding: [])),
    ]

    @Test("output labels", arguments: cases)
    func outputLabels(_ c: (String, LabelSet)) throws {
        let e = try PromQL.parseExpr(c.0, options: Corpus.experimental)
        let labels = e.outputLabels { Self.catalogue[$0] }
        #expect(labels == c.1, "\(c.0): \(labels)")
    }

    @Test func withoutCatalogueNothingIsExact() throws {
        let e = try PromQL.parseExpr("rate(http_requests_total{job=\"a\"}[5m])")
        let labels = e.outputLabels()
        #expect(!labels.isExact)
        #expect(labels.contains("job") == true)
        #expect(labels.contains("__name__") == false)
        #expect(labels.contains("instance") == nil)
        #expect(labels.lacks("__name__"))
    }

    /// The operands' labels recorded during one analysis are those of analysing each operand
    /// alone, over the whole valid corpus, with and without known labels.
    @Test func recordedOperandLabelsEqualTheOperandsAnalysedAlone() throws {
        var recorded = 0
        for text in Corpus.allValid {
            let e = try PromQL.parseExpr(text, options: Corpus.experimental)
            for analyzer in [LabelAnalyzer(), LabelAnalyzer { Self.catalogue[$0] }] {
                let (labels, operands) = analyzer.labelsRecordingOperands(of: e)
                #expect(labels == analyzer.labels(of: e), "\(text)")
                for node in PromQLWalker().nodes(e) {
                    guard case .binary(let b) = node.kind, let found = operands.operands(at: node.range) else { continue }
                    recorded += 1
                    #expect(found.lhs == analyzer.labels(of: b.lhs), "\(text): left of \(node)")
                    #expect(found.rhs == analyzer.labels(of: b.rhs), "\(text): right of \(node)")
                }
                #expect(Set(operands.map(\.range)).count == operands.count, "\(text): two operations share a range")
            }
        }
        #expect(recorded > 100)
    }

    @Test func labelSetAlgebra() {
        let a = LabelSet.exactly(["a", "b"])
        #expect(a.removing(["a"]) == .exactly(["b"]))
        #expect(a.removing("a") == a.removing(["a"]))
        #expect(a.removing("z") == a)
        let open = LabelSet.open(including: ["a"], excluding: ["x"])
        #expect(open.removing("a") == open.removing(["a"]))
        #expect(open.removing("x") == open)
        #expect(open.removing("y") == .open(including: ["a"], excluding: ["x", "y"]))
        #expect(a.adding(["c"]) == .exactly(["a", "b", "c"]))
        #expect(a.keepingOnly(["a", "z"]) == .exactly(["a"]))
        #expect(a.union(.exactly(["a", "c"])) == .open(including: ["a"], excluding: []))
        #expect(LabelSet.unknown.removing(["x"]) == .open(including: [], excluding: ["x"]))
        #expect(LabelSet.open(including: ["a"], excluding: ["x"]).keepingOnly(["a", "x", "y"]) == .exactly(["a", "y"]))
        #expect(a.description == "{a, b}")
        #expect(LabelSet.open(including: ["a"], excluding: ["x"]).description == "{a, …} without {x}")
    }
}

@Suite("Analysis: thresholds")
struct ThresholdTests {
    @Test func constantOnTheRight() throws {
        let e = try PromQL.parseExpr("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05")
        let t = try #require(e.thresholds().first)
        #expect(t.value == 0.05)
        #expect(t.op == .gtr && t.normalizedOp == .gtr)
        #expect(t.direction == .above)
        #expect(!t.constantOnLeft && !t.returnBool && !t.inclusive)
        #expect(PromQLPrinter.compact(t.subject) == "sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))")
        #expect(t.comparison == e)
    }

    @Test func constantOnTheLeftIsNormalised() throws {
        let t = try #require(try PromQL.parseExpr("0.5 >= bool avg_over_time(cache_hit_rate[10m])").thresholds().first)
        #expect(t.constantOnLeft)
        #expect(t.op == .gte)
        #expect(t.normalizedOp == .lte)
        #expect(t.direction == .below)
        #expect(t.inclusive)
        #expect(t.returnBool)
    }

    @Test func constantsAreFolded() throws {
        let t = try PromQL.parseExpr("(mem_used / mem_total) * 100 > 100 * 0.85").thresholds()
        #expect(t.count == 1)
        #expect(abs((t.first?.value ?? 0) - 85) < 1e-9)
        #expect(try PromQL.parseExpr("foo < -(2 ^ 3)").thresholds().first?.value == -8)
        #expect(try PromQL.parseExpr("foo > 1h").thresholds().first?.value == 3600)
    }

    @Test func everyComparisonIsFound() throws {
        let e = try PromQL.parseExpr("up == 0 and on (job) (rate(x[5m]) > 1 or rate(y[5m]) != 2) unless foo < bar")
        let ts = e.thresholds()
        #expect(ts.map(\.value) == [0, 1, 2])
        #expect(ts.map(\.direction) == [.equal, .above, .notEqual])
    }

    @Test func nonConstantComparisonsAreSkipped() throws {
        #expect(try PromQL.parseExpr("foo > bar").thresholds().isEmpty)
        #expect(try PromQL.parseExpr("foo > scalar(bar)").thresholds().isEmpty)
        #expect(try PromQL.parseExpr("1 > bool 2").thresholds().isEmpty)
        #expect(try PromQL.parseExpr("foo + 1").thresholds().isEmpty)
    }

    @Test func constantValues() throws {
        #expect(try PromQL.parseExpr("2 ^ 10").constantValue == 1024)
        #expect(try PromQL.parseExpr("7 % 4").constantValue == 3)
        #expect(try PromQL.parseExpr("(1 + 2) * -3").constantValue == -9)
        #expect(try PromQL.parseExpr("2 ^ 0.5").constantValue == nil)
        #expect(try PromQL.parseExpr("time()").constantValue == nil)
    }
}

@Suite("Analysis: regular expressions")
struct RegexCheckTests {
    static let accepted = ["5..", "api|web", "(.*):.*", "", ".*", "[a-z]+_total", "a{2,3}", "(?i)foo", "\\d+", "[[:alpha:]]+", "(?P<x>a)", "[(?=]", "\\(?=x\\)", "ab\\+c"]
    static let rejected: [(String, String)] = [
        ("(", ""), ("a)", ""), ("[a-", ""), ("a(?=b)", "lookahead"), ("(?!x)", "negative lookahead"), ("(?<=a)b", "lookbehind"),
        ("(a)\\1", "backreferences"), ("a*+", "possessive"), ("(?>a)", "atomic"),
    ]

    @Test("accepted patterns", arguments: accepted)
    func accepts(_ p: String) { #expect(RegexCheck.problem(in: p) == nil, "\(p)") }

    @Test("rejected patterns", arguments: rejected)
    func rejects(_ c: (String, String)) {
        let problem = RegexCheck.problem(in: c.0)
        #expect(problem != nil, "\(c.0)")
        #expect(c.1.isEmpty || problem?.contains(c.1) == true)
    }

    @Test func errorsPointAtTheMatcher() throws {
        let e = try PromQL.parseExpr("sum(rate(foo{code=~\"5(\", job=\"a\"}[5m])) / bar{x!~\"(?=y)\"}")
        let errors = RegexCheck.errors(in: e)
        #expect(errors.count == 2)
        #expect(errors.first?.range == 13..<23)
        #expect(errors.allSatisfy { $0.message.hasPrefix("error parsing regexp: ") })
        let tool = PromQLTool.check(expression: "foo{a=~\"(\"}")
        #expect(tool.exitCode == 1)
        #expect(tool.output.contains("error parsing regexp"))
    }
}

@Suite("Analysis: experimental features")
struct ExperimentalUseTests {
    @Test func findsExperimentalCallsAndAggregations() throws {
        let e = try PromQL.parseExpr("sort_by_label(limitk(2, foo), \"a\") + rate(x[5m]) + mad_over_time(y[1h])", options: Corpus.experimental)
        let uses = e.experimentalUses()
        #expect(uses.map(\.name) == ["sort_by_label", "limitk", "mad_over_time"])
        #expect(uses[1].position == 14..<28)
        #expect(try PromQL.parseExpr("sum(rate(x[5m]))").experimentalUses().isEmpty)
    }

    @Test func tableMarksExactlyTheExperimentalFunctions() {
        let experimental = Set(PromQLFunction.all.filter(\.experimental).map(\.name))
        #expect(experimental.isSuperset(of: ["sort_by_label", "sort_by_label_desc", "double_exponential_smoothing", "info",
                                             "ts_of_max_over_time", "ts_of_min_over_time", "ts_of_last_over_time", "mad_over_time"]))
        #expect(experimental.isDisjoint(with: ["rate", "histogram_quantile", "label_replace", "predict_linear", "absent"]))
    }
}
