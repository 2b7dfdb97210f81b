import Foundation
import Testing
import Vigil
@testable import AurelisSwiftExample

/// examples/aurelis-swift writes the stack of examples/aurelis/vigil.yaml in Swift: it must
/// render the committed files of examples/aurelis/rendered byte for byte.
@Suite struct AurelisSwiftExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rendered = root.appendingPathComponent("examples/aurelis/rendered")

    @Test func rendersTheYAMLStacksFilesByteForByte() throws {
        let trees = try Aurelis.renderAll().get()
        #expect(trees.map(\.environment) == ["production", "staging"])
        for (environment, tree) in trees {
            let dir = Self.rendered.appendingPathComponent(environment).path
            // What `vigil render --check` says: every file present, equal, and nothing stale.
            let check = OutputWriter().check(tree, against: dir)
            #expect(check.isUpToDate, "\(environment): \(check.summary)")
            for path in tree.sortedPaths {
                let committed = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(path))
                #expect(tree.files[path] == Array(committed), "\(environment)/\(path) differs from the YAML stack's rendering")
            }
        }
    }

    @Test func environmentsAreTheYAMLStacks() throws {
        let yaml = try String(contentsOf: Self.root.appendingPathComponent("examples/aurelis/vigil.yaml"), encoding: .utf8)
        #expect(StackLoader.environments(of: Aurelis.stack) == StackLoader.environments(of: SourceFile(path: "vigil.yaml", text: yaml)))
    }

    @Test func aMistakeInTheSwiftStackIsReported() {
        var broken = Aurelis.stack
        broken.extends = ["http-servic"]
        let (resolved, problems) = StackLoader.load(broken, environment: "production")
        #expect(resolved == nil || problems.contains { $0.severity == .error })
        #expect(problems.contains { $0.message.contains("unknown preset \"http-servic\"") && $0.hint == "did you mean \"http-service\"?" })
    }

    @Test func anEnvironmentOverlayChangesWhatItSays() throws {
        let (staging, problems) = StackLoader.load(Aurelis.stack, environment: "staging")
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let stack = try #require(staging?.stack)
        #expect(stack.service.namespace == "aurelis-staging")
        #expect(stack.service.replicas == 1)
        #expect(stack.alerts?.first { $0.name == "AurelisHighErrorRate" }?.thresholds["critical"] == 0.25)
        #expect(stack.routing?.receivers.map(\.name) == ["ops-email", "slack-alerts"])
    }
}
