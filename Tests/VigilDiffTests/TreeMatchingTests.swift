import Testing
import VigilCore
@testable import VigilDiff

/// Pairing across the files of two trees: Kubernetes objects by identity wherever they live,
/// `kind: List` items as objects of their own, reorderings that are no change.
@Suite struct TreeMatchingTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: web}
        spec:
          replicas: REPLICAS
          template:
            spec:
              containers:
                - name: api
                  image: api:v1
                  ports: [{name: http, containerPort: 8080}]

        """
    static let service = "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: web}\nspec:\n  ports: [{name: http, port: 80, targetPort: http}]\n"

    static func deployment(replicas: Int) -> String { deployment.replacing("REPLICAS", with: "\(replicas)") }

    @Test func objectsPairAcrossFiles() {
        let old = ["all.yaml": Self.deployment(replicas: 1) + "---\n" + Self.service]
        let new = ["deployment.yaml": Self.deployment(replicas: 3), "service.yaml": Self.service]
        let r = Diffing.trees(old, new)
        #expect(r.summaries == ["changed spec.replicas"])
        let doc = r.files.first?.documents.first
        #expect(r.files.map(\.displayPath) == ["deployment.yaml"])
        #expect(doc?.identity == .kubernetes(apiVersion: "apps/v1", kind: "Deployment", namespace: "web", name: "api"))
        #expect(doc?.movedFrom == "all.yaml")
    }

    @Test func anObjectMovedToAnotherFileUnchangedIsNoDifference() {
        let old = ["all.yaml": Self.deployment(replicas: 1) + "---\n" + Self.service]
        let new = ["b.yaml": Self.service, "a.yaml": Self.deployment(replicas: 1)]
        #expect(!Diffing.trees(old, new).hasDifferences)
    }

    @Test func documentsReorderedInAStreamAreNoDifference() {
        let a = Self.deployment(replicas: 2) + "---\n" + Self.service
        let b = Self.service + "---\n" + Self.deployment(replicas: 2)
        #expect(!Diffing.files(a, b).hasDifferences)
    }

    @Test func keysReorderedAtEveryLevelAreNoDifference() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: '1', b: '2'}}\ndata: {x: y}\n"
        let b = "data: {x: y}\nmetadata: {labels: {b: '2', a: '1'}, name: c}\nkind: ConfigMap\napiVersion: v1\n"
        #expect(!Diffing.files(a, b).hasDifferences)
    }

    @Test func aNamespaceChangeStillPairsTheObject() {
        let a = Self.deployment(replicas: 1)
        let b = Self.deployment(replicas: 1).replacing("namespace: web", with: "namespace: web-prod")
        #expect(Diffing.files(a, b).summaries == ["changed metadata.namespace"])
    }

    // MARK: kind: List

    /// The same two objects as a JSON `List`, the way `vigil render --format json` writes them.
    static let list = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api", "namespace": "web"},
           "spec": {"ports": [{"name": "http", "port": 80, "targetPort": "http"}]}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"namespace": "web", "name": "api"},
           "spec": {"replicas": 3, "template": {"spec": {"containers": [
             {"name": "api", "image": "api:v2", "ports": [{"containerPort": 8080, "name": "http"}]}]}}}}
        ]}

        """

    @Test func listItemsPairWithAYAMLStream() {
        let old = ["kubernetes/api.yaml": Self.deployment(replicas: 3) + "---\n" + Self.service]
        let new = ["kubernetes/api.json": Self.list]
        let r = Diffing.trees(old, new)
        #expect(r.summaries == ["changed spec.template.spec.containers[name=api].image"])
        #expect(r.files.first?.documents.first?.movedFrom == "kubernetes/api.yaml")
        // Locations point into the JSON file.
        #expect(r.allChanges.first?.location?.line == 6)
    }

    @Test func aListAgainstTheSameObjectsAsAStreamIsNoDifference() {
        let yaml = Self.deployment(replicas: 3).replacing("api:v1", with: "api:v2") + "---\n" + Self.service
        #expect(!Diffing.files(yaml, Self.list).hasDifferences)
        #expect(!Diffing.files(Self.list, yaml).hasDifferences)
    }

    @Test func anObjectAddedToAListIsReportedAsThatObject() {
        let more = Self.list.replacing("\n]}", with: ",\n  {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"extra\", \"namespace\": \"web\"}, \"data\": {}}\n]}")
        let r = Diffing.files(Self.list, more)
        #expect(r.files.first?.documents.map(\.identity.description) == ["v1 ConfigMap web/extra"])
        #expect(r.files.first?.documents.first?.status == .added)
    }

    @Test func anEmptyListIsNoObjects() {
        let r = Diffing.files("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}\n", Self.service)
        #expect(r.files.first?.documents.map(\.status) == [.added])
    }

    // MARK: Files

    @Test func aRenamedFileWithTheSameContentIsARename() {
        let r = Diffing.trees(["prometheus/old.yml": "global: {scrape_interval: 30s}\n"], ["prometheus/new.yml": "global:\n  scrape_interval: 30s\n"])
        #expect(r.files.map(\.status) == [.renamed])
        #expect(r.files.first?.oldPath == "prometheus/old.yml")
    }
}
