import ArgumentParser
import Foundation
import Vigil

/// `vigil init [--preset P] [DIR]`: a starter `vigil.yaml` that renders and lints clean.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter vigil.yaml.",
        discussion: "Presets: \(Presets.names.joined(separator: ", ")). Refuses to overwrite an existing vigil.yaml. Exit status: 0 written, 2 trouble."
    )

    @Option(name: .long, help: "A preset to extend (repeatable; default: http-service and kubernetes-exporters).")
    var preset: [String] = []

    @Option(name: .long, help: "The service name.")
    var service: String?

    @Argument(help: "The folder to write vigil.yaml into.")
    var directory: String = "."

    func validate() throws {
        for p in preset where !Presets.names.contains(p) {
            let hint = Suggestion.closest(to: p, in: Presets.names).map { " Did you mean \($0)?" } ?? ""
            throw ValidationError("unknown preset \"\(p)\".\(hint) Presets: \(Presets.names.joined(separator: ", "))")
        }
        if let service, !service.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || service.isEmpty {
            throw ValidationError("--service must be a DNS-1123 label (lower-case letters, digits, '-')")
        }
    }

    func run() throws {
        let dirURL = URL(fileURLWithPath: directory)
        let name = service ?? {
            let base = dirURL.standardizedFileURL.lastPathComponent.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
            return base.isEmpty || base == "." ? "service" : base
        }()
        let path = dirURL.appendingPathComponent("vigil.yaml").path
        if FileManager.default.fileExists(atPath: path) {
            printError("vigil: \(path) already exists; not overwritten")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: dirURL, withIntermediateDirectories: true)
            let presets = preset.isEmpty ? ["http-service", "kubernetes-exporters"] : preset
            try StarterStack.text(service: name, presets: presets).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError("vigil: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        write("wrote \(path)\nnext: vigil lint \(path) && vigil render \(path) --all-envs --out rendered\n")
    }
}
