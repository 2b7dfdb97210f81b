import Foundation
import Testing
import VigilCore
@testable import VigilGrafana

@Suite("Read → write round trips")
struct RoundTripTests {
    static let samples: [String] = [
        #"{"title": "A", "panels": [{"type": "some-unknown-plugin", "id": 1, "pluginSetting": {"deep": [1, {"x": null}]}, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}}]}"#,
        #"{"title": "B", "schemaVersion": 39, "panels": [{"type": "stat", "datasource": "$ds", "fieldConfig": {"defaults": {"noValue": "-", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 80}]}, "unknownOpt": true}, "overrides": []}, "options": {"reduceOptions": {"calcs": ["lastNotNull"]}, "futureOption": {"a": 1}}, "targets": [{"expr": "up", "refId": "A", "datasource": {"type": "prometheus", "uid": "${ds}"}, "someField": 3}]}]}"#,
        #"{"title": "C", "panels": [], "templating": {"list": [{"name": "q", "type": "query", "query": {"query": "label_values(up, job)", "refId": "X"}, "current": {"text": ["a", "b"], "value": ["a", "b"]}, "refresh": true}]}, "refresh": false, "id": null}"#,
        #"{"title": "D", "rows": [{"title": "r", "panels": [{"type": "graph", "span": 6, "yaxes": [{"format": "short"}], "targets": [{"expr": "rate(x[5m])"}]}]}]}"#,
        #"{"title": "E", "panels": [{"type": "row", "collapsed": true, "panels": [{"type": "timeseries", "title": "in", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 8}, "noValue": 0}]}]}"#,
    ]

    @Test("unknown fields, plugins and mixed shapes survive", arguments: samples)
    func unknownFieldsSurvive(_ text: String) throws {
        let (dashboards, diagnostics) = Support.artifacts(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let d = try #require(dashboards.first)
        let written = try GrafanaEncoding.node(d.dashboard)
        let original = try #require(Support.load(text))
        let shown = (try? JSONEmitter().emit(written)) ?? ""
        #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false), "\(shown)")
        // The emitted JSON reads back to the same data.
        let json = try JSONEmitter().emit(written)
        let reread = try #require(Support.load(json))
        #expect(NodeEquivalence.equal(original, reread, keyOrderMatters: false))
    }

    @Test("the guide's import wrapper round-trips")
    func guideRoundTrip() throws {
        let text = try #require(Support.guideDashboard)
        let (dashboards, diagnostics) = Support.artifacts(text, path: "aurelis-dashboard.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let d = try #require(dashboards.first)
        #expect(d.form == .importWrapper)
        let wrapper = try #require(d.wrapper)
        let written = try GrafanaEncoding.node(wrapper)
        let original = try #require(Support.load(text))
        #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false))
    }

    @Test("real dashboards decode without errors and round-trip")
    func corpusRoundTrip() throws {
        for path in Support.corpus {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (dashboards, diagnostics) = Support.artifacts(text, path: path)
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics.prefix(5))")
            let d = try #require(dashboards.first, "\(path) not detected")
            let written = try GrafanaEncoding.node(d.dashboard)
            let original = try #require(Support.load(text))
            #expect(NodeEquivalence.equal(original, written, keyOrderMatters: false), "\(path) changed in a round trip")
        }
    }

    @Test("a field the model clears is not resurrected, a null one is kept")
    func clearedFieldStaysCleared() throws {
        let text = #"{"title": "X", "description": "old", "panels": [{"type": "stat", "title": "p", "interval": null}]}"#
        var d = try #require(Support.artifacts(text).dashboards.first).dashboard
        d.description = nil
        let written = try GrafanaEncoding.node(d)
        #expect(written["description"] == nil)
        #expect(written["panels"]?.sequence?.first?["interval"]?.resolvedScalar == .null)
    }
}
