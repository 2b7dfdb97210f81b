import Testing
import VigilCore

@Suite struct HugePagePolicyTests {
    static let madvise = "always [madvise] never\n"

    static func policy(_ environment: [String: String] = [:], thp: String? = madvise, secure: Bool = false) -> HugePagePolicy {
        HugePagePolicy(environment: environment, transparentHugePages: thp, secureMode: secure) { path in
            switch path {
            case "big.yaml": return 6 << 20
            case "small.yaml": return 10 << 10
            default: return 0  // directories, missing files
            }
        }
    }

    @Test func aLargeNamedFileStartsAgainWithTheTunable() {
        #expect(Self.policy().tunables(forInputs: ["big.yaml"]) == "glibc.malloc.hugetlb=1")
        #expect(Self.policy().tunables(forInputs: ["small.yaml", "big.yaml"]) == "glibc.malloc.hugetlb=1")
        #expect(Self.policy(thp: "[always] madvise never").tunables(forInputs: ["big.yaml"]) == "glibc.malloc.hugetlb=1")
    }

    @Test func otherTunablesAreKept() {
        let p = Self.policy(["GLIBC_TUNABLES": "glibc.malloc.tcache_count=0"])
        #expect(p.tunables(forInputs: ["big.yaml"]) == "glibc.malloc.tcache_count=0:glibc.malloc.hugetlb=1")
    }

    @Test func theProcessIsKeptOtherwise() {
        #expect(Self.policy().tunables(forInputs: ["small.yaml"]) == nil)
        #expect(Self.policy().tunables(forInputs: ["manifests/"]) == nil, "directories do not count")
        #expect(Self.policy().tunables(forInputs: ["big.yaml", "-"]) == nil, "standard input is read once")
        #expect(Self.policy(["VIGIL_NO_HUGE_PAGES": "1"]).tunables(forInputs: ["big.yaml"]) == nil)
        #expect(Self.policy(["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"]).tunables(forInputs: ["big.yaml"]) == nil,
                "an explicit choice stands, and a started-again process does not start again")
        #expect(Self.policy(thp: "always madvise [never]").tunables(forInputs: ["big.yaml"]) == nil)
        #expect(Self.policy(thp: nil).tunables(forInputs: ["big.yaml"]) == nil)
        #expect(Self.policy(secure: true).tunables(forInputs: ["big.yaml"]) == nil)
    }
}
