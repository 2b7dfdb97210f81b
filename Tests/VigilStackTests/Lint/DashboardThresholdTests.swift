import Foundation
import Testing
import VigilCore
import VigilStack

/// `thresholds/dashboard-disagrees` on real files: the guide's dashboard colours its panels at
/// other values than its alerts fire at; the rendered example (both environments in one tree)
/// agrees with itself.
@Suite struct DashboardThresholdTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func findings(in directory: String) async -> [Diagnostic] {
        let result = await Linter(registry: VigilRegistry.all).lint(paths: [Self.root.appendingPathComponent(directory).path])
        return result.diagnostics.filter { $0.rule == "thresholds/dashboard-disagrees" }
    }

    @Test func theGuidesDashboardDisagreesWithItsAlerts() async {
        let found = await findings(in: "examples/guide-as-written")
        #expect(found.map { $0.range?.start.line ?? 0 } == [83, 84, 120, 145])
        #expect(found.contains { $0.message == "panel \"Error Rate\" turns red at 5, but alert \"AurelisCriticalErrorRate\" (critical) fires at 15 on the same query" })
        #expect(found.allSatisfy { $0.notes.first?.file?.hasSuffix("alert-rules.yaml") == true })
    }

    @Test func theRenderedExampleAgreesPerEnvironment() async {
        #expect(await findings(in: "examples/aurelis/rendered").isEmpty)
    }
}
