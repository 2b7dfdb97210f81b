import ArgumentParser
import Vigil

/// `vigil rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its default severity.")

    @Option(name: .long, help: "Only rules of this area (e.g. promql, probe, yaml).")
    var area: String?

    @Flag(name: .long, help: "Print the catalogue as the Markdown table used in the README.")
    var markdown = false

    func run() throws {
        var rules = VigilRegistry.all.allRules
        if let area { rules = rules.filter { $0.area == area } }
        if markdown {
            write(RuleCatalogue.markdown(rules))
            return
        }
        let width = rules.map(\.id.count).max() ?? 0
        for r in rules {
            let pad = String(repeating: " ", count: width - r.id.count)
            write("\(r.id)\(pad)  \(r.severity.rawValue.padding(7))  \(r.summary)\n")
        }
    }
}

/// `vigil explain RULE-ID`: a rule's rationale and examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: why it matters, with examples.")

    @Argument(help: "A rule id, e.g. yaml/duplicate-key.")
    var rule: String

    func run() throws {
        guard let r = VigilRegistry.all.rule(id: rule) else {
            let ids = VigilRegistry.all.allRules.map(\.id)
            let hint = Suggestion.closest(to: rule, in: ids).map { " Did you mean \($0)?" } ?? " Run `vigil rules` for the list."
            printError("vigil: no rule \"\(rule)\".\(hint)")
            throw ExitCode(2)
        }
        write(RuleCatalogue.explanation(r))
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
