import Testing
import VigilCore
@testable import VigilGrafana

@Suite("Dashboard builder")
struct BuilderTests {
    /// A dashboard with every panel kind, a job variable, a row and a collapsed row.
    static var sample: Dashboard {
        DashboardBuilder("Checkout", uid: "checkout")
            .tags(["shop"])
            .variable(.labelValues("job", metric: "up"))
            .panel(.stat("Up").description("Targets up").query("sum(up{job=~\"$job\"})").unit("short"))
            .panel(.stat("Errors").description("5xx per second").query("sum(rate(http_requests_total{job=~\"$job\", code=~\"5..\"}[$__rate_interval]))").unit("reqps")
                .thresholds(base: "green", [(5, "red"), (1, "orange")]))
            .panel(.gauge("Saturation").description("CPU use").query("avg(rate(process_cpu_seconds_total{job=~\"$job\"}[$__rate_interval]))").unit("percentunit").min(0).max(1))
            .panel(.stat("Pods").description("Running pods").query("count(up{job=~\"$job\"})").unit("short"))
            .panel(.timeseries("Requests").description("By status").query("sum by (code) (rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))", legend: "{{code}}")
                .unit("reqps").stacking(.normal).legend(displayMode: "table", placement: "right", calcs: ["mean", "max"]))
            .panel(.timeseries("Latency").description("p99").query("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[$__rate_interval])))").unit("s").decimals(2))
            .panel(.barGauge("Top endpoints").description("Busiest").query("topk(5, sum by (path) (rate(http_requests_total{job=~\"$job\"}[$__rate_interval])))", legend: "{{path}}").unit("reqps"))
            .row("Details")
            .panel(.table("Instances").description("Up per instance").query("up{job=~\"$job\"}", legend: "{{instance}}", instant: true).unit("short"))
            .panel(.text("About", markdown: "Owned by the shop team."))
            .row("Debug", collapsed: true)
            .panel(.timeseries("GC").description("GC pauses").query("sum(rate(go_gc_duration_seconds_sum{job=~\"$job\"}[$__rate_interval]))").unit("s"))
            .row("Last")
            .panel(.stat("Version").description("Build").query("count by (version) (build_info{job=~\"$job\"})", legend: "{{version}}").unit("short"))
            .build()
    }

    static func rect(_ p: Panel) -> [Int] { [p.gridPos?.x ?? -1, p.gridPos?.y ?? -1, p.gridPos?.w ?? -1, p.gridPos?.h ?? -1] }

    @Test("panels flow left to right, wrap, and rows group the panels after them")
    func layout() throws {
        let panels = try #require(Self.sample.panels)
        let byTitle = Dictionary(panels.map { ($0.title ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        // Four 6-wide stats fill the first line.
        #expect(Self.rect(try #require(byTitle["Up"])) == [0, 0, 6, 4])
        #expect(Self.rect(try #require(byTitle["Errors"])) == [6, 0, 6, 4])
        #expect(Self.rect(try #require(byTitle["Saturation"])) == [12, 0, 6, 6])
        #expect(Self.rect(try #require(byTitle["Pods"])) == [18, 0, 6, 4])
        // The line is as tall as its tallest panel (the gauge).
        #expect(Self.rect(try #require(byTitle["Requests"])) == [0, 6, 12, 8])
        #expect(Self.rect(try #require(byTitle["Latency"])) == [12, 6, 12, 8])
        #expect(Self.rect(try #require(byTitle["Top endpoints"])) == [0, 14, 12, 8])
        // A row starts a new line and spans the grid.
        #expect(Self.rect(try #require(byTitle["Details"])) == [0, 22, 24, 1])
        #expect(Self.rect(try #require(byTitle["Instances"])) == [0, 23, 24, 8])
        #expect(Self.rect(try #require(byTitle["About"])) == [0, 31, 24, 3])
        // A collapsed row holds its panels; the next row sits right under it.
        let debug = try #require(byTitle["Debug"])
        #expect(debug.collapsed == true && Self.rect(debug) == [0, 34, 24, 1])
        #expect(debug.panels?.map { $0.title ?? "" } == ["GC"])
        #expect(debug.panels.map { $0.map(Self.rect) } == [[0, 35, 12, 8]])
        #expect(byTitle["GC"] == nil)
        #expect(Self.rect(try #require(byTitle["Last"])) == [0, 35, 24, 1])
        #expect(Self.rect(try #require(byTitle["Version"])) == [0, 36, 6, 4])
        // Ids are numbered in order, rows and children included.
        #expect(Self.sample.allPanels.compactMap(\.id) == Array(1...14))
    }

    @Test("thresholds are sorted under a null base; options are set directly")
    func options() throws {
        let panels = Self.sample.allPanels
        let errors = try #require(panels.first { $0.title == "Errors" })
        let steps = try #require(errors.fieldConfig?.defaults?.thresholds?.steps)
        #expect(steps.map { $0.value?.number } == [nil, 1, 5])
        #expect(steps.first?.value?.isNull == true)
        let requests = try #require(panels.first { $0.title == "Requests" })
        #expect(requests.fieldConfig?.defaults?.custom?.stacking?.mode == "normal")
        #expect(requests.options?.legend?.calcs == ["mean", "max"])
        #expect(requests.options?.legend?.placement == "right")
        let gauge = try #require(panels.first { $0.title == "Saturation" })
        #expect(gauge.fieldConfig?.defaults?.max?.number == 1)
        #expect(gauge.fieldConfig?.defaults?.min?.number == 0)
        let table = try #require(panels.first { $0.title == "Instances" })
        #expect(table.targets?.first?.instant == true)
    }

    @Test("the datasource is a variable, used by every data panel and query")
    func datasource() throws {
        let d = Self.sample
        #expect(d.variables.first?.name == "datasource" && d.variables.first?.type == "datasource")
        for p in d.allPanels where !p.isRow && p.type != "text" {
            #expect(p.datasource?.uid == "${datasource}", "\(p.title ?? "")")
            #expect(p.targets?.allSatisfy { $0.datasource?.uid == "${datasource}" } == true)
        }
        let fixed = DashboardBuilder("X").datasource(DatasourceRef(uid: "P1")).panel(.stat("s").query("up")).build()
        #expect(fixed.variables.isEmpty)
        #expect(fixed.panels?.first?.datasource?.uid == "P1")
    }

    @Test("the built dashboard lints clean (every Grafana rule, info included)")
    func lintClean() async throws {
        let json = try DashboardPackaging.json(Self.sample)
        #expect(Support.artifacts(json).dashboards.count == 1)
        let r = await Support.lint(json)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.rule): \($0.message)" })")
    }

    @Test("JSON and the API import body decode back to the same dashboard")
    func jsonAndImportBody() throws {
        let d = Self.sample
        let json = try DashboardPackaging.json(d)
        let raw = try #require(Support.artifacts(json).dashboards.first)
        #expect(raw.form == .raw)
        #expect(Support.artifacts(json).diagnostics.isEmpty)
        #expect(raw.dashboard.allPanels.map(\.title) == d.allPanels.map(\.title))
        #expect(NodeEquivalence.equal(try GrafanaEncoding.node(raw.dashboard), try GrafanaEncoding.node(d), keyOrderMatters: true))

        let body = try DashboardPackaging.importBody(d, folderUid: "shop", overwrite: true)
        let wrapped = try #require(Support.artifacts(body, path: "import.json").dashboards.first)
        #expect(wrapped.form == .importWrapper)
        #expect(wrapped.wrapper?.folderUid == "shop" && wrapped.wrapper?.overwrite == true)
        #expect(NodeEquivalence.equal(try GrafanaEncoding.node(wrapped.dashboard), try GrafanaEncoding.node(d), keyOrderMatters: true))
    }

    @Test("the provider YAML and the sidecar ConfigMap read back")
    func providerAndConfigMap() throws {
        let provider = try DashboardPackaging.provider(name: "shop", folder: "Shop", path: "/var/lib/grafana/dashboards")
        let p = try #require(Support.load(provider))
        #expect(p["apiVersion"]?.scalarText == "1")
        let entry = try #require(p["providers"]?.sequence?.first)
        #expect(entry["type"]?.scalarText == "file")
        #expect(entry["options"]?["path"]?.scalarText == "/var/lib/grafana/dashboards")

        let other = DashboardBuilder("Other", uid: "other").panel(.text("Hi", markdown: "hello")).build()
        let cm = try DashboardPackaging.configMap(name: "dashboards", namespace: "monitoring",
                                                  dashboards: [(key: "checkout", dashboard: Self.sample), (key: "other.json", dashboard: other)],
                                                  labels: [("app", "grafana")])
        let root = try #require(Support.load(cm))
        #expect(root["kind"]?.scalarText == "ConfigMap")
        #expect(root["metadata"]?["labels"]?["grafana_dashboard"]?.scalarText == "1")
        #expect(root["metadata"]?["labels"]?["app"]?.scalarText == "grafana")
        let data = try #require(root["data"]?.mapping)
        #expect(data.pairs.compactMap { $0.key.scalarText } == ["checkout.json", "other.json"])
        let titles = try data.pairs.map { pair -> String in
            let text = try #require(pair.value.scalarText)
            return try #require(Support.artifacts(text).dashboards.first?.dashboard.title)
        }
        #expect(titles == ["Checkout", "Other"])
    }

    @Test("the README example builds, lays out, lints and packages")
    func readmeExample() async throws {
        let d = DashboardBuilder("Checkout", uid: "checkout")
            .variable(.labelValues("job", metric: "up"))
            .panel(.stat("Up").query("sum(up{job=~\"$job\"})").unit("short"))
            .panel(.timeseries("Requests").query("sum by (code) (rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))", legend: "{{code}}")
                .unit("reqps").stacking(.normal).thresholds(base: "green", [(100, "orange"), (500, "red")]))
            .row("Latency")
            .panel(.timeseries("p99").query("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))").unit("s"))
            .build()
        #expect(d.panels?.map { Self.rect($0) } == [[0, 0, 6, 4], [6, 0, 12, 8], [0, 8, 24, 1], [0, 9, 12, 8]])
        let r = await Support.lint(try DashboardPackaging.json(d))
        // Only the descriptions the example leaves out, and the latency query ignoring $job.
        #expect(Set(r.diagnostics.map(\.rule)) == ["grafana/panel-description", "grafana/query-ignores-variable"], "\(r.diagnostics.map(\.message))")
        let cm = try DashboardPackaging.configMap(name: "dashboards", dashboards: [("checkout", d)])
        #expect(cm.contains("grafana_dashboard: '1'") || cm.contains("grafana_dashboard: \"1\""))
    }
}
