import Testing
import VigilCore
@testable import VigilDiff

/// Each identity rule of `ListIdentity`: items reordered and one of them changed must report
/// the change at the item's identity (not at a position), plus the move.
@Suite struct IdentityMatchingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let old: String
        let new: String
        let expected: [String]
        var testDescription: String { rule }
    }

    // Three items where one moves to the end, so the move is unambiguous.
    static let cases: [Case] = [
        Case(rule: "rules by alert and record",
             old: "groups: [{name: g, rules: [{record: 'job:x:rate5m', expr: 'sum(rate(x[5m]))'}, {alert: High, expr: 'x > 1', for: 5m}, {alert: Low, expr: 'x < 1'}]}]\n",
             new: "groups: [{name: g, rules: [{alert: High, expr: 'x > 1', for: 10m}, {alert: Low, expr: 'x < 1'}, {record: 'job:x:rate5m', expr: 'sum(rate(x[1m]))'}]}]\n",
             expected: ["changed groups[name=g].rules[alert=High].for",
                        "moved groups[name=g].rules[record=job:x:rate5m]",
                        "changed groups[name=g].rules[record=job:x:rate5m].expr"]),
        Case(rule: "rule groups by name",
             old: "groups: [{name: a, interval: 1m, rules: []}, {name: b, rules: []}, {name: c, rules: []}]\n",
             new: "groups: [{name: b, rules: []}, {name: c, rules: []}, {name: a, interval: 2m, rules: []}]\n",
             expected: ["moved groups[name=a]", "changed groups[name=a].interval"]),
        Case(rule: "receivers by name",
             old: "receivers: [{name: pager, pagerduty_configs: [{severity: critical}]}, {name: chat, email_configs: [{to: a@example.com}]}, {name: none}]\n",
             new: "receivers: [{name: chat, email_configs: [{to: b@example.com}]}, {name: none}, {name: pager, pagerduty_configs: [{severity: critical}]}]\n",
             expected: ["changed receivers[name=chat].email_configs[0].to", "moved receivers[name=pager]"]),
        Case(rule: "scrape configs by job_name",
             old: "scrape_configs: [{job_name: api, scrape_interval: 30s}, {job_name: node, scrape_interval: 1m}, {job_name: db}]\n",
             new: "scrape_configs: [{job_name: node, scrape_interval: 1m}, {job_name: db}, {job_name: web, scrape_interval: 15s}, {job_name: api, scrape_interval: 15s}]\n",
             expected: ["moved scrape_configs[job_name=api]", "changed scrape_configs[job_name=api].scrape_interval", "added scrape_configs[job_name=web]"]),
        Case(rule: "routes by matchers, in any spelling and order",
             old: "route: {receiver: d, routes: [{matchers: ['severity=\"critical\"', 'team=db'], receiver: pager}, {match: {team: web}, receiver: chat}, {match_re: {team: 'ops|infra'}, receiver: ops}]}\n",
             new: "route: {receiver: d, routes: [{match: {team: web}, receiver: chat, continue: true}, {match_re: {team: 'ops|infra'}, receiver: ops}, {matchers: ['team = \"db\"', 'severity=critical'], receiver: oncall}]}\n",
             expected: ["added route.routes[matchers={team=\"web\"}].continue",
                        "moved route.routes[matchers={severity=\"critical\",team=\"db\"}]",
                        "changed route.routes[matchers={severity=\"critical\",team=\"db\"}].receiver"]),
        Case(rule: "panels by id",
             old: "panels: [{id: 3, title: Latency}, {id: 1, title: Requests, type: timeseries}, {id: 2, title: Errors, type: stat}]\n",
             new: "panels: [{id: 1, title: Requests, type: timeseries}, {id: 2, title: Error ratio, type: stat}, {id: 3, title: Latency}]\n",
             expected: ["changed panels[id=2].title", "moved panels[id=3]"]),
        Case(rule: "panels by title when they have no id",
             old: "panels: [{title: Latency}, {title: Requests, type: timeseries}, {title: Errors, type: stat}]\n",
             new: "panels: [{title: Requests, type: timeseries}, {title: Errors, type: timeseries}, {title: Latency}]\n",
             expected: ["changed panels[title=Errors].type", "moved panels[title=Latency]"]),
        Case(rule: "env vars by name",
             old: "env: [{name: LOG_LEVEL, value: info}, {name: PORT, value: '8080'}, {name: HOST, value: h}]\n",
             new: "env: [{name: PORT, value: '8080'}, {name: HOST, value: h}, {name: LOG_LEVEL, value: debug}, {name: MODE, value: x}]\n",
             expected: ["moved env[name=LOG_LEVEL]", "changed env[name=LOG_LEVEL].value", "added env[name=MODE]"]),
        Case(rule: "ports by name",
             old: "ports: [{name: admin, containerPort: 7070}, {name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]\n",
             new: "ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9091}, {name: admin, containerPort: 7070}]\n",
             expected: ["changed ports[name=metrics].containerPort", "moved ports[name=admin]"]),
        Case(rule: "ports by containerPort when unnamed",
             old: "ports: [{containerPort: 8080, protocol: TCP}, {containerPort: 9090}, {containerPort: 7070}]\n",
             new: "ports: [{containerPort: 9090}, {containerPort: 7070}, {containerPort: 8080, protocol: UDP}]\n",
             expected: ["moved ports[containerPort=8080]", "changed ports[containerPort=8080].protocol"]),
    ]

    @Test(arguments: cases)
    func itemsPairByIdentity(_ c: Case) {
        #expect(Diffing.files(c.old, c.new).summaries == c.expected)
    }

    @Test func aRepeatedAlertNameIsToldApartBySeverity() {
        let old = "groups: [{name: g, rules: [{alert: Disk, expr: 'd > 0.8', labels: {severity: warning}}, {alert: Disk, expr: 'd > 0.9', labels: {severity: critical}}]}]\n"
        let new = "groups: [{name: g, rules: [{alert: Disk, expr: 'd > 0.95', labels: {severity: critical}}, {alert: Disk, expr: 'd > 0.8', labels: {severity: warning}}]}]\n"
        // A swap of two: one of them moved.
        #expect(Diffing.files(old, new).summaries == [
            "moved groups[name=g].rules[alert=Disk{severity=\"critical\"}]",
            "changed groups[name=g].rules[alert=Disk{severity=\"critical\"}].expr",
        ])
    }

    @Test func aRouteInsertedBeforeItsTwinIsOneAddition() {
        let old = "route: {routes: [{matchers: [severity=critical], receiver: chat}]}\n"
        let new = "route: {routes: [{matchers: [severity=critical], receiver: pager, continue: true}, {matchers: [severity=critical], receiver: chat}]}\n"
        #expect(Diffing.files(old, new).summaries == ["added route.routes[matchers={severity=\"critical\"}]"])
        // Without an equal twin, repeated identities pair in order.
        let changed = "route: {routes: [{matchers: [severity=critical], receiver: pager}, {matchers: [severity=critical], receiver: chat2}]}\n"
        #expect(Diffing.files(old, changed).summaries == ["changed route.routes[matchers={severity=\"critical\"}].receiver",
                                                          "added route.routes[matchers={severity=\"critical\"}#2]"])
    }

    @Test func listsWithoutIdentityPairEqualItemsFirstThenByPosition() {
        let r = Diffing.files("args: [--a, --b, --c]\n", "args: [--x, --a, --b, --c]\n")
        #expect(r.summaries == ["added args[0]"])
    }
}

/// Reorderings that mean nothing are no difference.
@Suite struct ReorderingTests {
    @Test(arguments: [
        ("matchers", "route: {routes: [{receiver: a, matchers: ['team=db', 'severity=\"critical\"']}]}\n",
         "route: {routes: [{receiver: a, matchers: ['severity = critical', 'team=\"db\"']}]}\n"),
        ("group_by", "route: {group_by: [alertname, cluster, service]}\n", "route: {group_by: [service, alertname, cluster]}\n"),
        ("inhibit rule matchers and equal", "inhibit_rules: [{source_matchers: [a=b, c=d], target_matchers: [e=f, g=h], equal: [x, y]}]\n",
         "inhibit_rules: [{source_matchers: [c=d, a=b], target_matchers: [g=h, e=f], equal: [y, x]}]\n"),
        ("route match maps", "route: {routes: [{match: {a: b, c: d}, receiver: r}]}\n", "route: {routes: [{match: {c: d, a: b}, receiver: r}]}\n"),
        ("mapping keys", "a: 1\nb: {c: 2, d: [1, 2]}\n", "b: {d: [1, 2], c: 2}\na: 1\n"),
    ])
    func isNoDifference(_ what: String, _ old: String, _ new: String) {
        #expect(!Diffing.files(old, new).hasDifferences, "\(what)")
    }

    @Test func aReorderedOrderedListIsAMove() {
        #expect(Diffing.files("containers: [{name: a}, {name: b}, {name: c}]\n", "containers: [{name: b}, {name: c}, {name: a}]\n").summaries
                == ["moved containers[name=a]"])
    }

    @Test func aChangedMatcherIsShownCanonically() {
        let r = Diffing.files("route: {routes: [{receiver: a, matchers: ['team = db']}]}\n", "route: {routes: [{receiver: a, matchers: ['team=web']}]}\n")
        // The route's identity is its matchers, so the route itself is replaced.
        #expect(r.summaries == ["added route.routes[matchers={team=\"web\"}]", "removed route.routes[matchers={team=\"db\"}]"])
    }
}
