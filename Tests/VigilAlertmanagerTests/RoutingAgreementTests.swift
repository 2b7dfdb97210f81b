import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// `vigil routes show/test` agree with `amtool config routes show/test` byte for byte.
@Suite(.enabled(if: Support.hasAmtool, "amtool not installed (Debian package prometheus-alertmanager)"))
struct RoutingAgreementTests {
    static let configs = ["routing/platform.yml", "routing/quoting.yml"]

    /// Label dimensions the fixtures route on; empty means the label is absent.
    static let dimensions: [(String, [String])] = [
        ("severity", ["critical", "warning", "info", ""]),
        ("env", ["prod", "production", "staging", ""]),
        ("team", ["payments", "search", ""]),
        ("service", ["ledger-api", "billing-x", "web", ""]),
        ("region", ["eu", "us", "ap", ""]),
        ("namespace", ["kube-system", "kube-public", "default", ""]),
        ("alertname", ["Watchdog", "HighLatency", ""]),
        ("summary", ["a, b", "\"a, b\"", ""]),
        ("msg", ["\"say \\\"hi\\\"\"", ""]),
        ("path", ["/api/v2/users", "/health", ""]),
        ("instance", ["10.0.3.4:9100", "10x0y1", ""]),
        ("code", ["503", "200", "404", ""]),
        ("job", ["node", ""]),
    ]

    /// A deterministic sample of label sets (a linear congruential walk over the product).
    static func labelSets(count: Int) -> [[String]] {
        var state: UInt64 = 0x9E3779B97F4A7C15
        var out: [[String]] = []
        for _ in 0..<count {
            var args: [String] = []
            for (name, values) in dimensions {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let v = values[Int((state >> 33) % UInt64(values.count))]
                if !v.isEmpty { args.append("\(name)=\(v)") }
            }
            out.append(args)
        }
        return out
    }

    @Test(arguments: configs)
    func showMatchesAmtool(config: String) async throws {
        let path = Support.fixtures.appendingPathComponent(config).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let vigil = await RoutesTool.show(text: text, path: config)
        let amtool = try Support.amtool(["config", "routes", "show", "--config.file=\(path)"])
        #expect(vigil.exitCode == 0)
        #expect(vigil.stdout == amtool.out)
    }

    @Test(arguments: configs)
    func receiversMatchAmtool(config: String) async throws {
        let path = Support.fixtures.appendingPathComponent(config).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var distinct: Set<String> = []
        for labels in Self.labelSets(count: 60) {
            let vigil = await RoutesTool.test(text: text, path: config, labels: labels)
            let amtool = try Support.amtool(["config", "routes", "test", "--config.file=\(path)"] + labels)
            #expect(vigil.stdout == amtool.out, "labels \(labels)")
            #expect(vigil.exitCode == amtool.status)
            distinct.insert(vigil.stdout)
        }
        // The sample must exercise the tree, not just the default route.
        #expect(distinct.count >= 4)
    }

    @Test(arguments: configs)
    func matchingTreeMatchesAmtool(config: String) async throws {
        let path = Support.fixtures.appendingPathComponent(config).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for labels in Self.labelSets(count: 15) {
            let vigil = await RoutesTool.test(text: text, path: config, labels: labels, tree: true)
            let amtool = try Support.amtool(["config", "routes", "test", "--tree", "--config.file=\(path)"] + labels)
            #expect(vigil.stdout == amtool.out, "labels \(labels)")
        }
    }

    @Test func verifyReceiversMatchesAmtool() async throws {
        let config = "routing/platform.yml"
        let path = Support.fixtures.appendingPathComponent(config).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let labels = ["severity=critical", "env=prod", "team=payments"]
        for expected in ["pager,payments-pager", "payments-pager", "pager, payments-pager"] {
            let vigil = await RoutesTool.test(text: text, path: config, labels: labels, verifyReceivers: expected)
            let amtool = try Support.amtool(["config", "routes", "test", "--config.file=\(path)", "--verify.receivers=\(expected)"] + labels)
            #expect(vigil.stdout == amtool.out, "expected \(expected)")
            #expect(vigil.exitCode == amtool.status, "expected \(expected)")
        }
    }

    @Test(.enabled(if: Support.hasCorpus, "corpus absent: run Tests/VigilAlertmanagerTests/fetch-corpus.sh"))
    func upstreamGoodConfigShowsAndRoutesLikeAmtool() async throws {
        let path = Support.corpus.appendingPathComponent("conf.good.yml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let shown = await RoutesTool.show(text: text, path: "conf.good.yml")
        #expect(shown.stdout == (try Support.amtool(["config", "routes", "show", "--config.file=\(path)"])).out)
        for labels in [["service=foo1", "severity=critical"], ["service=database", "owner2=team-X", "owner=team-Y"], ["service=files"], ["service=database"]] {
            let vigil = await RoutesTool.test(text: text, path: "conf.good.yml", labels: labels, tree: true)
            let amtool = try Support.amtool(["config", "routes", "test", "--tree", "--config.file=\(path)"] + labels)
            #expect(vigil.stdout == amtool.out, "labels \(labels)")
        }
    }
}
