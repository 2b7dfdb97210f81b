import Foundation
import Testing
import VigilAlertmanager
import VigilCore

/// `vigil routes` reads the config a ConfigMap or Secret manifest holds, as deployed.
@Suite struct EmbeddedRoutesTests {
    static let config = """
    route:
      receiver: slack
      routes:
        - receiver: pager
          matchers: ['severity="critical"']
    receivers:
      - name: slack
        slack_configs:
          - api_url: https://hooks.slack.com/services/T0/B0/S3CR3Tslack
            channel: '#alerts'
      - name: pager

    """

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }

    static var manifests: [String] {
        ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: am\ndata:\n  other.txt: x\n  alertmanager.yml: |\n" + indented(config),
         "apiVersion: v1\nkind: Secret\nmetadata:\n  name: am\nstringData:\n  alertmanager.yaml: |\n" + indented(config),
         "apiVersion: v1\nkind: Secret\nmetadata:\n  name: am\ndata:\n  alertmanager.yaml: \(Data(config.utf8).base64EncodedString())\n"]
    }

    @Test(arguments: manifests)
    func manifestsRouteLikeTheirConfig(manifest: String) async {
        let plain = await RoutesTool.show(text: Self.config, path: "am.yml")
        let shown = await RoutesTool.show(text: manifest, path: "manifest.yaml")
        #expect(plain.exitCode == 0)
        #expect(shown == plain)
        let tested = await RoutesTool.test(text: manifest, path: "manifest.yaml", labels: ["severity=critical"])
        #expect(tested.stdout == "pager\n" && tested.exitCode == 0)
    }

    @Test func errorsPointIntoTheManifestWithoutSecrets() async {
        let broken = Self.config.replacingOccurrences(of: "receiver: pager", with: "receiver: pagr")
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: am\ndata:\n  alertmanager.yml: |\n" + Self.indented(broken)
        let out = await RoutesTool.show(text: configMap, path: "cm.yaml")
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("cm.yaml:10:21: error[alertmanager/undefined-receiver]: undefined receiver \"pagr\" used in route\n 10 |         - receiver: pagr\n"))
        #expect(!out.stderr.contains("S3CR3T"))

        let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: am\ndata:\n  alertmanager.yaml: \(Data(broken.utf8).base64EncodedString())\n"
        let fromSecret = await RoutesTool.show(text: secret, path: "secret.yaml")
        #expect(fromSecret.exitCode == 2)
        #expect(fromSecret.stderr.contains("secret.yaml:6:3: error[alertmanager/undefined-receiver]: undefined receiver \"pagr\" used in route\n 6 |   alertmanager.yaml: <redacted>\n"))
        #expect(fromSecret.stderr.contains("note: at line 4, column 17 of the base64-decoded data.alertmanager.yaml"))
    }

    @Test func otherManifestsAreTakenAsConfigs() async {
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n"
        let out = await RoutesTool.show(text: deployment, path: "deploy.yaml")
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("deploy.yaml:1:1: error[schema/unknown-field]"))
    }
}
