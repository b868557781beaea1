import FuzzChecks
@testable import BriefingKit

/// Text that `DatelineReader.sniff` accepts → `DatelineReader.read`: never a crash, and the article
/// keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatelineReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = try? SourceText(path: "fuzz", bytes: Fuzz.bytes(data, size)), DatelineReader.sniff(source) else { return 0 }
    let result = DatelineReader.read(source, id: "fuzz", sourceFile: "articles/fuzz.txt")
    Fuzz.require(ArticleProperties.violations(result, id: "fuzz", lineCount: source.lines.count))
    return 0
}
