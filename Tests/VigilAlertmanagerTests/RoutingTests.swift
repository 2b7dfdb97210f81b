import Testing
import VigilAlertmanager
import VigilCore

/// The routing tree: inheritance, matching order, and the routes commands' exit codes.
@Suite struct RoutingTests {
    static let config = """
    route:
      receiver: root
      group_by: [alertname]
      group_wait: 10s
      routes:
        - matchers: ['team="db"']
          receiver: db
          group_by: ['...']
          repeat_interval: 1h
          routes:
            - matchers: ['severity="critical"']
              receiver: db-pager
              continue: true
            - matchers: ['severity=~"critical|warning"']
              group_interval: 2m
        - matchers: ['team="web"']
          group_by: []
    receivers:
      - name: root
      - name: db
      - name: db-pager
      - name: web
    """

    static func tree() async throws -> RoutingNode {
        let r = await AlertmanagerCheck.check(text: config, path: "am.yml")
        let config = try #require(r.configs.first)
        return try #require(RoutingNode(config: config))
    }

    @Test func optionsAreInherited() async throws {
        let root = try await Self.tree()
        #expect(root.groupWait == .seconds(10) && root.groupInterval == .minutes(5) && root.repeatInterval == .hours(4))
        let db = root.children[0]
        #expect(db.groupByAll && db.repeatInterval == .hours(1) && db.groupWait == .seconds(10))
        let warn = db.children[1]
        #expect(warn.receiver == "db" && warn.groupByAll && warn.groupInterval == .minutes(2) && warn.repeatInterval == .hours(1))
        let web = root.children[1]
        // `group_by: []` inherits, as in Alertmanager.
        #expect(web.groupBy == ["alertname"] && !web.groupByAll && web.receiver == "root")
    }

    @Test(arguments: [
        (["team": "db", "severity": "critical"], ["db-pager", "db"]),
        (["team": "db", "severity": "warning"], ["db"]),
        (["team": "db"], ["db"]),
        (["team": "web"], ["root"]),
        ([:], ["root"]),
    ])
    func receiversInRoutingOrder(labels: [String: String], expected: [String]) async throws {
        #expect(try await Self.tree().receivers(for: labels) == expected)
    }

    @Test func invalidConfigExitsTwoWithRedactedErrors() async {
        let text = "global:\n  slack_api_url: https://hooks.slack.com/services/T0/B0/SECRETvalue\nroute:\n  receiver: nobody\nreceivers:\n  - name: team\n"
        let out = await RoutesTool.test(text: text, path: "am.yml", labels: ["a=b"])
        #expect(out.exitCode == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("am.yml:4:13: error[alertmanager/undefined-receiver]"))
        #expect(!out.stderr.contains("SECRET"))
        let show = await RoutesTool.show(text: "- not a config\n", path: "-")
        #expect(show.exitCode == 2)
    }

    @Test func badLabelsExitTwo() async {
        for bad in [["severity"], ["severity=~crit.*"], [#"a="unterminated"#]] {
            let out = await RoutesTool.test(text: Self.config, path: "am.yml", labels: bad)
            #expect(out.exitCode == 2, "\(bad)")
            #expect(out.stderr.hasPrefix("error: "))
        }
    }

    @Test func verifyReceiversUsesAmtoolsExactComparison() async {
        let ok = await RoutesTool.test(text: Self.config, path: "am.yml", labels: ["team=db", "severity=critical"], verifyReceivers: "db-pager,db")
        #expect(ok.exitCode == 0 && ok.stdout == "db-pager,db\n")
        let order = await RoutesTool.test(text: Self.config, path: "am.yml", labels: ["team=db", "severity=critical"], verifyReceivers: "db,db-pager")
        #expect(order.exitCode == 1)
        #expect(order.stdout == "db-pager,db\nWARNING: Expected receivers did not match resolved receivers.\n")
    }
}
