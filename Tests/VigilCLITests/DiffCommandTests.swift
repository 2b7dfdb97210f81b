import Foundation
import Testing

/// `vigil diff`: two environments rendered in memory, and the usage rules of the command.
@Suite struct DiffCommandTests {
    static var stack: String { CLI.packageRoot.appendingPathComponent("examples/aurelis/vigil.yaml").path }

    @Test func stagingAgainstProductionShowsTheEnvironmentOverlay() throws {
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production", Self.stack])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("--- staging\n+++ production\n"))
        // Objects pair across the two namespaces, so the replica count is a change, not a new Deployment.
        #expect(r.stdout.contains("apps/v1 Deployment aurelis-production/aurelis\n    ± metadata.namespace"))
        #expect(r.stdout.contains("± spec.replicas  (line 10)\n      - 1\n      + 3\n"))
        #expect(r.stdout.contains("policy/v1 PodDisruptionBudget aurelis-production/aurelis  (added)"))
    }

    @Test func anEnvironmentAgainstItselfIsNoDifference() throws {
        let r = try CLI.run(["diff", "--env", "production", "--env", "production", Self.stack])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "no differences between production and production\n")
    }

    @Test func theStackDefaultsToVigilYAMLInTheWorkingDirectory() throws {
        let dir = CLI.packageRoot.appendingPathComponent("examples/aurelis")
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production", "--format", "brief"], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("kubernetes/aurelis.yaml"))
    }

    @Test func ignorePatternsApplyToEnvironments() throws {
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production", Self.stack, "--format", "json", "--ignore", "**"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test(arguments: [
        ["diff", "--env", "staging"],
        ["diff", "--env", "staging", "--env", "production", "--env", "dev"],
        ["diff", "--env", "staging", "--env", "production", "a.yaml", "b.yaml"],
        ["diff", "only-one-path.yaml"],
        ["diff"],
    ])
    func wrongArgumentsAreAUsageError(_ args: [String]) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2, "\(args): \(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("--env") || r.stderr.contains("OLD NEW"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnknownEnvironmentIsTrouble() throws {
        let r = try CLI.run(["diff", "--env", "staging", "--env", "prod", Self.stack])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no environment \"prod\""))
        #expect(r.stdout.isEmpty)
    }

    @Test func aStackThatDoesNotParseIsTroubleReportedOnce() throws {
        let dir = try CLI.temporaryDirectory()
        try "apiVersion: vigil/v1\nservice: {name: x\n".write(to: dir.appendingPathComponent("vigil.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.components(separatedBy: "error[yaml/syntax]").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("vigil.yaml:3:1:"))
    }

    @Test func aMissingStackIsTrouble() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["diff", "--env", "staging", "--env", "production"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read vigil.yaml"))
    }

    @Test func twoDirectoriesStillCompare() throws {
        let rendered = CLI.packageRoot.appendingPathComponent("examples/aurelis/rendered")
        let r = try CLI.run(["diff", rendered.appendingPathComponent("staging").path, rendered.appendingPathComponent("production").path, "--format", "brief"])
        #expect(r.status == 1, "\(r.stderr)")
        let same = try CLI.run(["diff", rendered.appendingPathComponent("staging").path, rendered.appendingPathComponent("staging").path])
        #expect(same.status == 0, "\(same.stdout)")
    }

    @Test func theJSONRenderingIsTheSameObjectsAsTheYAMLOne() throws {
        let out = try CLI.temporaryDirectory()
        let render = try CLI.run(["render", Self.stack, "--env", "production", "--out", out.path, "--format", "json"])
        #expect(render.status == 0, "\(render.stderr)")
        let yaml = CLI.packageRoot.appendingPathComponent("examples/aurelis/rendered/production").path
        // kubernetes/*.yaml streams against kubernetes/*.json Lists: every object pairs by identity.
        let r = try CLI.run(["diff", yaml, out.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }
}
