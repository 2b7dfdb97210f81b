import Testing
@testable import VigilPrometheus

/// The Go template parser accepts Prometheus alert templates and finds what they read.
@Suite struct GoTemplateTests {
    static let valid = [
        "{{ $labels.instance }} is down", "{{ $value | humanize }}", "{{ $value | humanizePercentage }}", "{{ humanizeDuration $value }}",
        "{{- $labels.job -}}", "{{ printf \"%.2f\" $value }}", "{{ if gt $value 10.0 }}high{{ else if gt $value 5.0 }}mid{{ else }}low{{ end }}",
        "{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "{{ range $i, $s := query \"up\" }}{{ $s.Labels.job }}{{ end }}",
        "{{ range query \"up\" }}{{ .Labels.instance }} {{ .Value }}{{ end }}", "{{ $x := 1 }}{{ $x }}", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}",
        "{{/* comment */}}text", "{{- /* trimmed comment */ -}}", "{{ index $labels \"job\" }}", "{{ $externalLabels.cluster }} {{ $externalURL }}",
        "{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}", "{{ .Labels.job }} {{ .Value }}", "{{ `raw` }} {{ 'c' }} {{ -1.5e3 }} {{ true }} {{ nil }}",
        "{{ (printf \"%s\" $labels.job) | toUpper }}", "{{ range $labels }}{{ . }}{{ break }}{{ end }}", "{{ define \"x\" }}a{{ end }}{{ template \"x\" }}",
        "{{ len $labels }} {{ and 1 2 }} {{ or 1 2 }} {{ not true }} {{ eq 1 1 }}", "plain text only", "{{ $labels.job }}{{/* c */}}",
        "{{ toTime 1 }} {{ stripPort $labels.instance }} {{ title \"a\" }} {{ toLower \"A\" }} {{ safeHtml \"x\" }} {{ match \"a\" \"b\" }}",
    ]

    static let invalid: [(String, String)] = [
        ("{{ humanise $value }}", "function \"humanise\" not defined"), ("{{ $label.job }}", "undefined variable \"$label\""),
        ("{{ if $value }}x", "unexpected EOF"), ("{{ end }}", "unexpected {{end}}"), ("{{ else }}", "unexpected {{else}}"),
        ("{{ $labels.job", "unclosed action"), ("{{ }}", "missing value for command"), ("{{ \"unterminated }}", "unterminated quoted string"),
        ("{{ $x = 1 }}", "undefined variable \"$x\""), ("{{ range $i := 1 }}{{ end }}{{ $i }}", "undefined variable \"$i\""),
        ("{{ break }}", "{{break}} outside {{range}}"), ("{{ (printf \"x\" }}", "unclosed left paren"), ("{{/* unclosed comment }}", "unclosed comment"),
        ("{{ printf \"%d\" | }}", "missing value for command"),
    ]

    @Test(arguments: valid)
    func parsesValidTemplates(_ text: String) {
        let t = GoTemplate.parse(text)
        #expect(t.error == nil, "\(t.error?.message ?? "")")
    }

    @Test(arguments: invalid)
    func rejectsInvalidTemplates(_ text: String, message: String) throws {
        let error = try #require(GoTemplate.parse(text).error)
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(error.range.upperBound <= text.utf8.count)
    }

    @Test func findsLabelAndValueReferences() {
        let t = GoTemplate.parse("{{ $labels.instance }} {{ index $labels \"job\" }} {{ .Labels.pod }} {{ $value }} {{ range query \"x\" }}{{ .Labels.other }}{{ end }}")
        #expect(t.namedLabelReferences.map(\.name) == ["instance", "job", "pod"])
        #expect(!t.readsAllLabels)
        #expect(t.valueReferences.count == 1)
        let first = t.namedLabelReferences[0].range
        #expect(first == 3..<19)
    }

    /// `index $labels "x"` reads one label; with more arguments, or `$labels` passed whole,
    /// the template may read any.
    @Test func indexReadsOneLabelOnlyWithExactlyOneKey() {
        let one = GoTemplate.parse("{{ index $labels \"job\" }}")
        #expect(one.namedLabelReferences.map(\.name) == ["job"])
        #expect(!one.readsAllLabels)
        let more = GoTemplate.parse("{{ index $labels \"job\" \"x\" }}")
        #expect(more.namedLabelReferences.map(\.name) == ["job"])
        #expect(more.readsAllLabels)
        let whole = GoTemplate.parse("{{ len $labels }} {{ index $labels \"job\" }}")
        #expect(whole.readsAllLabels)
        let nested = GoTemplate.parse("{{ (index $labels \"pod\") | toUpper }} {{ if eq (index $labels \"a\") \"b\" }}x{{ end }}")
        #expect(nested.namedLabelReferences.map(\.name) == ["pod", "a"])
        #expect(!nested.readsAllLabels)
    }

    @Test func detectsActions() {
        #expect(GoTemplate.hasActions("a {{ b }}"))
        #expect(!GoTemplate.hasActions("a { b }"))
        #expect(GoTemplate.hasActions("{{"))
        #expect(GoTemplate.hasActions("é { x {{"))
        #expect(!GoTemplate.hasActions("{"))
        #expect(!GoTemplate.hasActions(""))
        #expect(!GoTemplate.hasActions("a { b } c {"))
        #expect(GoTemplate.hasActions(String(repeating: "{ ", count: 200) + "{{"))
        #expect(GoTemplate.hasActions(Substring("x {{ y }}").description))
    }
}
