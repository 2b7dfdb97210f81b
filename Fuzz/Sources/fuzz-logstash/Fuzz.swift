import FuzzSupport
import Vigil

/// Logstash pipelines: parse; a pipeline that parses prints to text that parses again and
/// prints the same (the printer is a fixed point after one pass).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Fuzz.file(data, size, path: "pipeline.conf")
    let result = LogstashParser().parse(file)
    for e in result.errors where e.range.start.line < 1 || e.range.start.line > max(1, file.lineCount) {
        Fuzz.fail("error outside the file: \(e.range.start): \(e.message)")
    }
    guard result.errors.isEmpty, let pipeline = result.pipeline else { return 0 }
    let printed = LogstashPrinter().print(pipeline)
    let again = LogstashParser().parse(SourceFile(path: "printed.conf", text: printed))
    guard again.errors.isEmpty, let reparsed = again.pipeline else {
        Fuzz.fail("printed pipeline does not parse: \(again.errors.first?.message ?? "")\n\(printed)")
    }
    let reprinted = LogstashPrinter().print(reparsed)
    if reprinted != printed { Fuzz.fail("printing is not stable:\n\(printed)\n---\n\(reprinted)") }
    Fuzz.lint(file)
    return 0
}

@_cdecl("fuzz_logstash_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.main(argc, argv, fuzz)
}
