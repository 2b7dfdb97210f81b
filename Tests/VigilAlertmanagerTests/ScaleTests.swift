import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// Large generated configs are checked and routed correctly (speed is measured by `make bench`,
/// never asserted here: a loaded CI machine would make such a test flaky).
@Suite struct ScaleTests {
    /// `routes` sibling routes (each with a child) over 500 receivers, generated at run time.
    static func config(routes: Int) -> String {
        var s = "route:\n  receiver: r0\n  routes:\n"
        for i in 0..<routes {
            s += "    - matchers: ['team=\"t\(i)\"', 'severity=~\"critical|warning\"']\n      receiver: r\(i % 500)\n"
            s += "      routes:\n        - matchers: ['env=\"prod\"']\n          receiver: r\((i + 1) % 500)\n"
        }
        s += "receivers:\n"
        for i in 0..<500 { s += "  - name: r\(i)\n    webhook_configs: [{url: 'http://hook\(i).svc:8080/'}]\n" }
        return s
    }

    @Test func threeThousandSiblingRoutes() async {
        let text = Self.config(routes: 3000)
        let result = await AlertmanagerCheck.check(text: text, path: "big.yml")
        let out = await RoutesTool.test(text: text, path: "big.yml", labels: ["team=t2999", "severity=critical", "env=prod"])
        #expect(!result.hasErrors)
        #expect(out.stdout == "r0\n")
    }

    @Test func shadowingIsStillFoundAmongManySiblings() async {
        var text = Self.config(routes: 1000)
        text = text.replacingOccurrences(of: "receivers:\n", with: "    - matchers: ['team=\"t500\"', 'severity=\"critical\"']\n      receiver: r1\nreceivers:\n")
        let d = await Support.linter.lint(text: text, path: "big.yml").diagnostics.filter { $0.rule == "alertmanager/unreachable-route" }
        #expect(d.count == 1)
        #expect(d.first?.message.contains("route.routes[500]") ?? false)
    }
}
