import ArgumentParser
import Foundation
import Vigil

/// `vigil render [vigil.yaml] --env E | --all-envs --out DIR [--check]`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the stack's manifests for one or every environment.",
        discussion: """
        Writes prometheus/, alertmanager/, grafana/, kubernetes/ and elastic/ into --out (with \
        --all-envs, one folder per environment). The output is validated first: nothing is \
        written when the stack or its output has errors. Writes are atomic, only inside --out, \
        and only files Vigil wrote earlier are ever removed. With --check nothing is written: \
        exit 0 when --out is up to date, 1 when stale or invalid, 2 on trouble.
        """
    )

    @Argument(help: "The stack file.")
    var stack: String = "vigil.yaml"

    @Option(name: .long, help: "The environment to render.")
    var env: String?

    @Flag(name: .long, help: "Render every environment, each into its own folder under --out.")
    var allEnvs = false

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Flag(name: .long, help: "Compare with --out instead of writing.")
    var check = false

    @Option(name: .long, help: "yaml (default) or json: the form of the Kubernetes manifests (one List per file); the other files keep the form their tools document.")
    var format: StackRenderer.Format = .yaml

    func validate() throws {
        if env == nil && !allEnvs { throw ValidationError("say which environment: --env NAME, or --all-envs") }
        if env != nil && allEnvs { throw ValidationError("--env and --all-envs exclude each other") }
    }

    func run() throws {
        let file = try readInput(stack)
        let declared = StackLoader.environments(of: file)
        let envs: [String?]
        if allEnvs {
            envs = declared.isEmpty ? [nil] : declared.map(Optional.some)
        } else {
            envs = [env]
        }
        let reporter = TextReporter(color: Terminal.wantsColor)
        var trees: [(String?, RenderedTree)] = []
        var invalid = false
        for e in envs {
            let (resolved, problems) = StackLoader.load(file, environment: e, readFile: StackFiles.reader(relativeTo: file.path))
            for p in problems { write(reporter.render(p, file: p.file == file.path ? file : nil)) }
            if problems.contains(where: { $0.rule == "stack/unknown-environment" }) { throw ExitCode(2) }
            guard let resolved, !problems.contains(where: { $0.severity == .error }) else { invalid = true; continue }
            let (files, result) = StackValidation.validate(resolved, format: format)
            let errors = result.diagnostics.filter { $0.severity == .error }
            for d in errors { write(reporter.render(d, file: result.files[d.file])) }
            if !errors.isEmpty { invalid = true; continue }
            var tree = RenderedTree()
            for f in files { tree.files[f.path] = f.bytes }
            trees.append((e, tree))
        }
        if invalid {
            printError("vigil: the stack or its output has errors; nothing was \(check ? "checked" : "written")")
            throw ExitCode(1)
        }
        let writer = OutputWriter()
        var stale = false
        for (e, tree) in trees {
            let dir = allEnvs && e != nil ? (out as NSString).appendingPathComponent(e ?? "") : out
            if check {
                let result = writer.check(tree, against: dir)
                if result.isUpToDate {
                    write("\(dir): up to date\n")
                } else {
                    stale = true
                    write("\(dir): stale\n\(result.summary)")
                }
            } else {
                do {
                    let summary = try writer.write(tree, to: dir)
                    write("\(dir): \(summary.description)\n")
                } catch {
                    printError("vigil: \(error)")
                    throw ExitCode(2)
                }
            }
        }
        if stale {
            printError("vigil: rendered output is stale; run `vigil render` without --check")
            throw ExitCode(1)
        }
    }
}

extension StackRenderer.Format: ExpressibleByArgument {}
